"""/applications/[application_id]: one application, seen by the business (decide) or the creator (follow)."""

import reflex as rx

from influfinder.components.creator_summary import creator_heading, creator_stats, fit_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field, field_error, form_error, notice, post_form
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button
from influfinder.components.message_button import message_button
from influfinder.components.status_badges import application_status_badge
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.state.application_review import ApplicationState, FitRow

ROUTE = "/applications/[application_id]"
COPY = {
    "eyebrow": N_("Application"),
    "by": N_("by "),
    "applied": N_("Applied "),
    "back_owner": N_("All applications to this offer"),
    "back_creator": N_("My applications"),
    "creator": N_("The creator"),
    "fit": N_("Fit with your offer"),
    "message": N_("Message"),
    "fee": N_("Proposed fee"),
    "no_fee": N_("No fee proposed"),
    "links": N_("Links"),
    "status": N_("Status"),
    "accept": N_("Accept"),
    "reject": N_("Reject"),
    "withdraw": N_("Withdraw"),
    "cancel": N_("Cancel"),
    "accept_title": N_("Accept this creator?"),
    "accept_text": N_("This starts the collaboration and takes one of the offer's places. The creator is told right away."),
    "agreed_fee": N_("Agreed fee"),
    "agreed_fee_hint": N_("Leave it empty to use the creator's proposal, or your budget for a paid offer."),
    "reject_title": N_("Reject this application?"),
    "reject_text": N_("The creator is told. A short, kind reason helps them next time."),
    "reason": N_("Reason (optional)"),
    "reason_placeholder": N_("We went with a creator closer to the venue."),
    "withdraw_title": N_("Withdraw your application?"),
    "withdraw_text": N_("The business will no longer consider it, and you cannot apply to this offer again."),
    "reason_given": N_("The business said"),
    "collaboration": N_("Open the collaboration"),
    # Where it stands, as the creator reads it and as the business reads it.
    "APPLIED": (N_("Sent. The business has not opened it yet."), N_("New: opening it marked it as under review.")),
    "UNDER_REVIEW": (N_("The business is looking at it."), N_("Take your time: the creator sees it is under review.")),
    "ACCEPTED": (N_("Accepted: the collaboration has started."), N_("Accepted: the collaboration has started.")),
    "REJECTED": (N_("Not accepted this time."), N_("You rejected it; the creator was told.")),
    "WITHDRAWN": (N_("You took it back: you cannot apply to this offer again."), N_("The creator took it back.")),
    "not_found": N_("Application not found"),
    "not_found_text": N_("It may belong to someone else, or the link may be mistyped."),
    "home": N_("Go home"),
}

S = ApplicationState
A = ApplicationState.application


def _back() -> rx.Component:
    owner = S.viewer != "creator"
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=16), rx.cond(owner, translated(COPY["back_owner"]), translated(COPY["back_creator"])),
                  align="center", spacing="1"),
        href=rx.cond(owner, "/my-offers/" + A.offer_id + "/applications", "/my-applications"),
        size="2", color_scheme="gray", underline="hover",
    )


def _header() -> rx.Component:
    return rx.vstack(
        _back(),
        rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
        rx.heading(rx.link(A.offer_title, href=page_href("/offers/") + A.offer_id, color="inherit", underline="hover"),
                   size="7", as_="h1"),
        rx.hstack(
            application_status_badge(A.status, size="2", for_creator=S.viewer == "creator"),
            rx.text(translated(COPY["by"]), rx.text.strong(A.brand), " · ", translated(COPY["applied"]), A.applied, size="2",
                    color_scheme="gray"),
            spacing="3", align="center", wrap="wrap",
        ),
        message_button(A.other_user_id),
        spacing="2", width="100%",
    )


def _fit_row(row: FitRow) -> rx.Component:
    return rx.hstack(
        rx.cond(row.met, rx.icon("circle-check", size=18, color=rx.color("green", 10)),
                rx.icon("circle-x", size=18, color=rx.color("red", 10))),
        rx.vstack(rx.text(row.label, size="2", weight="medium"), rx.text(row.detail, size="1", color_scheme="gray"),
                  spacing="0"),
        rx.el.span(rx.cond(row.met, "met", "not met"), class_name="rt-sr-only",
                   style={"position": "absolute", "width": "1px", "height": "1px", "overflow": "hidden",
                          "clip": "rect(0 0 0 0)"}),
        spacing="3", align="start",
    )


def _creator_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(creator_heading(S.creator, size="5"), rx.spacer(), rx.box(fit_badge(S.creator.fit_score)),
                    direction=rx.breakpoints(initial="column", sm="row"), align="start", spacing="3", width="100%"),
            creator_stats(S.creator),
            rx.cond(
                S.fit.length() > 0,
                rx.vstack(rx.heading(translated(COPY["fit"]), size="3", as_="h2"), rx.foreach(S.fit, _fit_row),
                          spacing="3", width="100%"),
            ),
            spacing="4", width="100%",
        ),
        size="3", width="100%", data_testid="creator-summary",
    )


def _link(url) -> rx.Component:
    return rx.link(rx.hstack(rx.icon("external-link", size=14), rx.text(url, class_name="line-clamp-2"),
                             spacing="2", align="center"),
                   href=url, is_external=True, rel="noopener noreferrer nofollow", size="2")


def _message_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["message"]), size="3", as_="h2"),
            rx.text(A.message, size="3", style={"whiteSpace": "pre-line", "overflowWrap": "anywhere"}),
            rx.separator(size="4"),
            rx.grid(
                rx.vstack(rx.text(translated(COPY["fee"]), size="1", color_scheme="gray"),
                          rx.text(rx.cond(A.fee != "", A.fee, translated(COPY["no_fee"])), size="4", weight="bold",
                                  class_name="tabular"), spacing="1"),
                rx.cond(A.links.length() > 0,
                        rx.vstack(rx.text(translated(COPY["links"]), size="1", color_scheme="gray"),
                                  rx.foreach(A.links, _link), spacing="1", min_width="0")),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="4", width="100%",
            ),
            spacing="4", width="100%",
        ),
        size="3", width="100%",
    )


def _accept_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(rx.icon("check", size=16), translated(COPY["accept"]), size="3", width="100%",
                                    color_scheme="green")),
        rx.dialog.content(
            rx.dialog.title(translated(COPY["accept_title"])),
            rx.dialog.description(translated(COPY["accept_text"]), size="2"),
            post_form(
                rx.vstack(
                    field(translated(COPY["agreed_fee"]) + " (" + A.currency + ")", "agreed_fee", type="number", required=False,
                          min="0", step="0.01", default_value=S.suggested_fee, hint=translated(COPY["agreed_fee_hint"]),
                          error=S.field_errors.get("agreed_fee", "")),
                    form_error(S.error),
                    _dialog_buttons(translated(COPY["accept"]), "green"),
                    spacing="4", margin_top="1rem",
                ),
                on_submit=S.accept,
            ),
            max_width="460px",
        ),
        open=S.accept_open,
        on_open_change=S.set_accept_open,
    )


def _reject_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(rx.icon("x", size=16), translated(COPY["reject"]), size="3", width="100%", variant="soft",
                                    color_scheme="red")),
        rx.dialog.content(
            rx.dialog.title(translated(COPY["reject_title"])),
            rx.dialog.description(translated(COPY["reject_text"]), size="2"),
            post_form(
                rx.vstack(
                    rx.el.label(translated(COPY["reason"]), html_for="field-reason", style={"fontWeight": "500",
                                                                                "fontSize": "0.9rem"}),
                    rx.text_area(id="field-reason", name="reason", rows="3", max_length=500, width="100%",
                                 placeholder=translated(COPY["reason_placeholder"])),
                    field_error(S.field_errors.get("reason", "")),
                    form_error(S.error),
                    _dialog_buttons(translated(COPY["reject"]), "red"),
                    spacing="2", margin_top="1rem",
                ),
                on_submit=S.reject,
            ),
            max_width="460px",
        ),
        open=S.reject_open,
        on_open_change=S.set_reject_open,
    )


def _dialog_buttons(label: str, color: str) -> rx.Component:
    return rx.hstack(
        rx.dialog.close(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray", type="button")),
        rx.button(rx.cond(S.working, rx.spinner(size="2")), label, type="submit", color_scheme=color,
                  disabled=S.working),
        spacing="3", justify="end", width="100%", margin_top="0.5rem",
    )


def _withdraw_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button(rx.icon("undo-2", size=16), translated(COPY["withdraw"]), size="3", width="100%",
                                          variant="soft", color_scheme="gray")),
        rx.alert_dialog.content(
            rx.alert_dialog.title(translated(COPY["withdraw_title"])),
            rx.alert_dialog.description(translated(COPY["withdraw_text"])),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(translated(COPY["withdraw"]), color_scheme="red", on_click=S.withdraw)),
                spacing="3", justify="end", margin_top="1rem",
            ),
            max_width="440px",
        ),
    )


def _status_words() -> rx.Component:
    creator = S.viewer == "creator"
    return rx.match(
        A.status,
        *[(key, rx.text(rx.cond(creator, translated(COPY[key])[0], translated(COPY[key])[1]), size="2"))
          for key in ("APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN")],
        rx.fragment(),
    )


def _aside() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(translated(COPY["status"]), size="1", color_scheme="gray"),
            application_status_badge(A.status, size="3", for_creator=S.viewer == "creator"),
            _status_words(),
            rx.cond(A.reason != "",
                    rx.box(rx.text(translated(COPY["reason_given"]), size="1", weight="medium"),
                           rx.text("“", A.reason, "”", size="2", style={"overflowWrap": "anywhere"}),
                           padding="0.75rem", border_radius="var(--radius-3)", background_color=rx.color("gray", 3),
                           width="100%", data_testid="rejection-reason")),
            rx.cond(A.collaboration_id != "",
                    nav_button(rx.icon("handshake", size=16), translated(COPY["collaboration"]),
                               href=page_href("/collaborations/") + A.collaboration_id, size="3", width="100%")),
            rx.cond(S.can_accept, _accept_dialog()),
            rx.cond(S.can_reject, _reject_dialog()),
            rx.cond(S.can_withdraw, _withdraw_dialog()),
            spacing="3", width="100%",
        ),
        size="3", class_name="sticky-aside", width="100%",
    )


def _detail() -> rx.Component:
    return rx.vstack(
        _header(),
        notice(S.notice),
        rx.cond(~S.accept_open & ~S.reject_open, form_error(S.error)),
        rx.grid(
            rx.vstack(rx.cond(S.viewer != "creator", _creator_card()), _message_card(), spacing="4", width="100%"),
            rx.box(_aside(), order=rx.breakpoints(initial="-1", md="0")),
            columns=rx.breakpoints(initial="1", md="minmax(0, 1fr) 300px"),
            spacing="5", width="100%",
        ),
        spacing="5", width="100%", data_testid="application-detail",
    )


def _loading() -> rx.Component:
    return rx.vstack(rx.skeleton(rx.heading(_("Offer title"), size="7")), rx.skeleton(height="220px", width="100%"),
                     rx.skeleton(height="160px", width="100%"), spacing="4", width="100%", aria_busy="true")


def application_page() -> rx.Component:
    return page(
        rx.cond(
            S.loading,
            _loading(),
            rx.cond(
                S.found,
                _detail(),
                empty_state("search-x", translated(COPY["not_found"]), translated(COPY["not_found_text"]), nav_button(translated(COPY["home"]), href=page_href("/"))),
            ),
        ),
    )
