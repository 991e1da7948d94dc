"""The offer editor's cover: the preview, the drop zone (an upload as soon as a photo is chosen) and its bar."""

import reflex as rx

from influfinder.components.forms import field_error
from influfinder.components.upload_feedback import upload_progress, zone_limits
from influfinder.i18n import N_, translated
from influfinder.pages.offer_editor_fields import field_error_of
from influfinder.state.offer_editor import OfferEditorState as S
from influfinder.state.offer_form import COVER_SAVE_FIRST
from influfinder.state.upload_feedback import COVER as COVER_ID

COPY = {
    "cover": N_("Cover"),
    "cover_alt": N_("The offer's cover photo"),
    "cover_drop": N_("Drop a photo here, or"),
    "cover_upload": N_("Upload cover"),
    "cover_replace": N_("Replace cover"),
    "cover_remove": N_("Remove"),
    "cover_hint": N_("PNG, JPEG or WebP, up to 10 MB. Cards crop it to their shape. "
                  "Without a photo, the category's illustration shows."),
    "cover_uploading": N_("Uploading…"),
}


def _cover_preview() -> rx.Component:
    illustration = rx.cond(S.category != "", "/covers/" + S.category.lower() + ".svg", "/covers/other.svg")
    uploaded = S.cover_url != ""
    return rx.box(
        rx.image(src=rx.cond(uploaded, S.cover_url, illustration), alt=rx.cond(uploaded, translated(COPY["cover_alt"]), ""),
                 class_name="cover", border_radius="var(--radius-4)", style={"aspectRatio": "16 / 9"}),
        rx.cond(
            S.cover_busy,
            rx.center(rx.spinner(size="3"), rx.text(translated(COPY["cover_uploading"]), size="2", role="status"),
                      position="absolute", inset="0", gap="2", border_radius="var(--radius-4)",
                      background_color=rx.color("gray", 2, alpha=True)),
        ),
        position="relative", width="100%", aria_busy=S.cover_busy, data_testid="cover-preview",
    )


def _cover_drop_zone() -> rx.Component:
    # The photo goes up as soon as it is dropped or chosen; the browser refuses other types and
    # sizes at once (cover_refused), and the server checks the content again. The zone stays
    # enabled while busy, so a photo whose upload failed on the way can simply be dropped again.
    return rx.upload.root(
        rx.vstack(
            rx.text(translated(COPY["cover_drop"]), size="2", color_scheme="gray"),
            rx.button(rx.icon("image-plus", size=16), rx.cond(S.cover_url != "", translated(COPY["cover_replace"]),
                                                              translated(COPY["cover_upload"])),
                      type="button", variant="soft", size="2"),
            align="center", spacing="2",
        ),
        id=COVER_ID, **zone_limits(COVER_ID, on_refused=S.cover_refused),
        # One event: the upload. Its bar (below the zone) follows the request in the browser; the
        # spinner over the cover shows while the server checks the photo.
        on_drop=S.upload_cover(rx.upload_files(upload_id=COVER_ID)),
        drag_active_style={"borderColor": "var(--accent-9)", "backgroundColor": "var(--accent-a3)"},
        border=f"1px dashed {rx.color('gray', 8)}", border_radius="var(--radius-4)", padding="0.75rem",
        width="100%", cursor="pointer", data_testid="cover-drop-zone",
    )


def _cover_controls() -> rx.Component:
    return rx.cond(
        S.editing_id == "",
        rx.text(COVER_SAVE_FIRST, size="1", color_scheme="gray"),
        rx.vstack(
            _cover_drop_zone(),
            upload_progress(COVER_ID, [S.upload_cover], only_with_files=False),
            rx.cond(S.cover_url != "", rx.button(rx.icon("trash-2", size=14), translated(COPY["cover_remove"]), type="button",
                                                 variant="ghost", color_scheme="red", size="1",
                                                 on_click=S.remove_cover, disabled=S.cover_busy)),
            rx.text(translated(COPY["cover_hint"]), size="1", color_scheme="gray"),
            spacing="2", width="100%",
        ),
    )


def cover_section() -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY["cover"]), size="2", weight="medium"),
        _cover_preview(),
        rx.cond(S.can_edit, _cover_controls()),
        field_error(field_error_of("cover")),
        spacing="2", width="100%",
    )
