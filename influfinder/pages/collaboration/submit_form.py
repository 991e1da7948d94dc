"""The creator's content form: what to include, files, links, captions, the pre-check and Submit content."""

import reflex as rx

from influfinder.components.collaboration_badges import score_badge
from influfinder.components.forms import field, field_error, form_error, post_form
from influfinder.components.upload_feedback import upload_previews, upload_progress, upload_refusal, zone_limits
from influfinder.i18n import translated
from influfinder.pages.collaboration.analysis import analysis_details
from influfinder.pages.collaboration.parts import chips, field_label, muted, step_card, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S
from influfinder.state.collaboration_detail_content import UPLOAD_ID

PLATFORMS = (("INSTAGRAM", "Instagram"), ("TIKTOK", "TikTok"), ("FACEBOOK", "Facebook"))
FORM_ID = "content-form"
# The content form's fields as the pre-check sends them (it is a button, not the form's submit).
_FORM_DATA = rx.Var(_js_expr=f"Object.fromEntries(new FormData(document.getElementById('{FORM_ID}')))",
                    _var_type=dict)


def _include() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("list-checks")),
        rx.vstack(
            rx.text(translated(COPY["include"]), weight="bold", size="2"),
            rx.cond(_S.spec_hashtags.length() > 0,
                    rx.hstack(rx.text(translated(COPY["hashtags"]), size="2"), chips(_S.spec_hashtags, "violet", "hash"),
                              spacing="2", wrap="wrap", align="center")),
            rx.cond(_S.spec_mentions.length() > 0,
                    rx.hstack(rx.text(translated(COPY["mentions"]), size="2"), chips(_S.spec_mentions, "violet", "at-sign"),
                              spacing="2", wrap="wrap", align="center")),
            rx.text(translated(COPY["disclosure_hint"]), size="2"),
            spacing="2",
        ),
        color_scheme="violet", variant="surface", width="100%",
    )


def _dropzone() -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY["files"]), weight="medium", size="2", as_="div", id="files-label"),
        rx.upload.root(
            rx.vstack(
                rx.icon("image-up", size=28, color=rx.color("accent", 10)),
                rx.text(translated(COPY["drop"]), size="2", color_scheme="gray"),
                rx.button(translated(COPY["choose"]), type="button", variant="soft", size="2"),
                align="center", spacing="2",
            ),
            id=UPLOAD_ID, **zone_limits(UPLOAD_ID),
            border=f"1.5px dashed {rx.color('accent', 7)}", border_radius="var(--radius-4)", padding="1.5rem",
            width="100%", background_color=rx.color("accent", 2), aria_labelledby="files-label",
        ),
        upload_refusal(UPLOAD_ID),
        upload_previews(UPLOAD_ID),
        muted(translated(COPY["files_hint"])),
        field_error(_S.field_errors.get("files", "")),
        spacing="2", width="100%",
    )


def _platform_select() -> rx.Component:
    return rx.vstack(
        field_label(translated(COPY["platform"]), "field-platform"),
        rx.el.select(*[rx.el.option(label, value=value) for value, label in PLATFORMS], id="field-platform",
                     name="platform", class_name="native-select",
                     style={"height": "40px", "padding": "0 0.75rem", "borderRadius": "var(--radius-3)",
                            "border": f"1px solid {rx.color('gray', 7)}", "background": "var(--color-surface)",
                            "width": "100%", "fontSize": "1rem"}),
        field_error(_S.field_errors.get("platform", "")),
        spacing="1", width="100%",
    )


def _content_form() -> rx.Component:
    return post_form(
        rx.vstack(
            _dropzone(),
            textarea(translated(COPY["links"]), "links", rows="2", placeholder="https://", aria_describedby="links-hint"),
            rx.text(translated(COPY["links_hint"]), size="1", color_scheme="gray", id="links-hint", margin_top="-0.5rem"),
            field_error(_S.field_errors.get("content_urls", "")),
            rx.grid(_platform_select(),
                    field(translated(COPY["post_id"]), "post_id", required=False,
                          error=_S.field_errors.get("platform_post_id", "")),
                    columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
            *[textarea(translated(COPY["caption"]).format(platform=label), f"caption_{value}", rows="3") for value, label in PLATFORMS],
            field_error(_S.field_errors.get("captions", "")),
            rx.el.label(rx.hstack(rx.checkbox(name="paid_partnership", id="field-paid"),
                                  rx.text(translated(COPY["paid"]), size="2"), spacing="2", align="center"),
                        html_for="field-paid"),
            _precheck_result(),
            form_error(_S.error),
            upload_progress(UPLOAD_ID, [_S.run_precheck, _S.submit_content]),
            rx.flex(
                rx.button(rx.cond(_S.prechecking, rx.spinner(size="2"), rx.icon("scan-search", size=16)),
                          rx.cond(_S.prechecking, translated(COPY["checking"]), translated(COPY["precheck"])), type="button", variant="soft",
                          size="3", disabled=_S.prechecking | _S.busy,
                          # One event: the upload. Its bar follows the request in the browser.
                          on_click=_S.run_precheck(rx.upload_files(upload_id=UPLOAD_ID), _FORM_DATA)),
                rx.button(rx.cond(_S.busy, rx.spinner(size="2")), translated(COPY["submit"]), type="submit", size="3",
                          disabled=_S.busy),
                gap="3", wrap="wrap", justify="end", width="100%",
            ),
            spacing="4", width="100%",
        ),
        id=FORM_ID,
        on_submit=lambda form: _S.submit_content(rx.upload_files(upload_id=UPLOAD_ID), form),
        width="100%",
    )


def _precheck_result() -> rx.Component:
    a = _S.precheck
    return rx.cond(
        _S.prechecked,
        rx.card(
            rx.vstack(
                rx.hstack(rx.text(translated(COPY["precheck_title"]), weight="bold"), rx.spacer(), score_badge(a.score, a.passed),
                          width="100%", align="center"),
                rx.cond(a.passed, rx.text(translated(COPY["precheck_ok"]), size="2", color_scheme="green")),
                analysis_details(a),
                spacing="3", width="100%",
            ),
            size="2", width="100%", variant="surface", data_testid="precheck",
        ),
    )


def submit_step() -> rx.Component:
    return step_card(translated(COPY["submit_title"]), "upload", muted(translated(COPY["submit_text"])), _include(), _content_form(),
                     data_testid="next-step")
