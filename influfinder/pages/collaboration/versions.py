"""The submitted content, newest version first, each beside its analysis; Approve or Request changes."""

import reflex as rx

from influfinder.i18n import translated
from influfinder.pages.collaboration.analysis import analysis_panel
from influfinder.pages.collaboration.parts import action_button, form_dialog, muted, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S
from influfinder.state.collaboration_detail_views import CaptionItem, MediaItem, VersionCard


def _media(item: MediaItem) -> rx.Component:
    return rx.cond(
        item.is_video,
        rx.el.video(src=item.url, controls=True, preload="metadata", aria_label=item.name,
                    style={"width": "100%", "borderRadius": "var(--radius-3)", "background": "black"}),
        rx.el.a(rx.image(src=item.url, alt=item.name, width="100%", loading="lazy",
                         style={"borderRadius": "var(--radius-3)", "objectFit": "cover", "aspectRatio": "4 / 3"}),
                href=item.url, target="_blank", rel="noopener"),
    )


def _caption(item: CaptionItem) -> rx.Component:
    return rx.vstack(rx.text(item.platform, size="1", weight="bold", color_scheme="gray"),
                     rx.text(item.text, size="2", style={"whiteSpace": "pre-line", "overflowWrap": "anywhere"}),
                     spacing="1", width="100%")


def _submitted_content(v: VersionCard) -> rx.Component:
    return rx.vstack(
        rx.cond(v.media.length() > 0,
                rx.grid(rx.foreach(v.media, _media), columns=rx.breakpoints(initial="1", sm="2"), spacing="2",
                        width="100%")),
        rx.foreach(v.captions, _caption),
        rx.foreach(v.links, lambda url: rx.hstack(
            rx.icon("link", size=14, flex_shrink="0"),
            rx.link(url, href=url, is_external=True, size="2", style={"overflowWrap": "anywhere"}),
            spacing="2", align="center", min_width="0")),
        rx.hstack(rx.badge(v.platform, variant="outline"),
                  rx.cond(v.post_id != "", rx.badge(translated(COPY["post"]), v.post_id, variant="outline")),
                  rx.cond(v.paid_partnership, rx.badge(translated(COPY["paid_on"]), color_scheme="green", variant="soft")),
                  spacing="2", wrap="wrap"),
        spacing="3", width="100%",
    )


def _review_buttons(v: VersionCard) -> rx.Component:
    return rx.cond(
        v.can_review,
        rx.flex(
            action_button(translated(COPY["approve"]), on_click=_S.approve(v.id), color_scheme="green"),
            rx.button(translated(COPY["request_changes"]), size="3", variant="soft", disabled=_S.busy,
                      on_click=_S.ask_changes(v.id)),
            gap="3", wrap="wrap", width="100%",
        ),
    )


def _version_body(v: VersionCard) -> rx.Component:
    return rx.vstack(
        rx.cond(v.reviewer_notes != "", rx.callout.root(
            rx.callout.icon(rx.icon("message-square-warning")),
            rx.callout.text(rx.text.strong(translated(COPY["notes"])), ": ", v.reviewer_notes),
            color_scheme="amber", width="100%")),
        rx.grid(
            _submitted_content(v),
            rx.vstack(analysis_panel(v), _review_buttons(v), spacing="3", width="100%"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%",
        ),
        spacing="3", width="100%",
    )


def _version_title(v: VersionCard) -> rx.Component:
    return rx.hstack(
        rx.heading(translated(COPY["version"]), v.version, size="4", as_="h3"),
        rx.badge(v.status_label, variant="soft", color_scheme=rx.match(v.status, ("APPROVED", "green"),
                                                                       ("REJECTED", "amber"), "blue")),
        rx.spacer(),
        muted(translated(COPY["submitted_on"]), v.submitted),
        align="center", spacing="2", wrap="wrap", width="100%",
    )


def _latest_version(v: VersionCard) -> rx.Component:
    return rx.card(rx.vstack(_version_title(v), _version_body(v), spacing="4", width="100%"), size="3",
                   width="100%", data_testid="latest-version")


def _earlier_version(v: VersionCard) -> rx.Component:
    return rx.el.details(
        rx.el.summary(rx.box(_version_title(v), display="inline-block", width="calc(100% - 1.5rem)"),
                      style={"cursor": "pointer"}),
        rx.box(_version_body(v), padding_top="1rem"),
        style={"border": f"1px solid {rx.color('gray', 5)}", "borderRadius": "var(--radius-4)", "padding": "1rem"},
        width="100%",
    )


def _changes_dialog() -> rx.Component:
    return form_dialog("changes", translated(COPY["changes_title"]), translated(COPY["changes_text"]),
                       textarea(translated(COPY["changes_notes"]), "notes", rows="4", required=True),
                       action_button(translated(COPY["send_back"]), type="submit"), _S.request_changes)


def content_section() -> rx.Component:
    return rx.cond(
        _S.versions.length() > 0,
        rx.vstack(
            rx.heading(translated(COPY["content"]), size="5", as_="h2"),
            _latest_version(_S.versions[0]),
            rx.cond(_S.earlier_versions.length() > 0, rx.vstack(
                rx.heading(translated(COPY["earlier"]), size="3", as_="h3", color_scheme="gray"),
                rx.foreach(_S.earlier_versions, _earlier_version),
                spacing="3", width="100%",
            )),
            _changes_dialog(),
            spacing="4", width="100%",
        ),
    )
