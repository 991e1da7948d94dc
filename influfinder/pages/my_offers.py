"""/my-offers: a business's offers by status, with views and applications, and what can be done to each."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error, notice
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.status_badges import offer_status_badge
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.my_offers import MyOffersState, OfferRow

ROUTE = "/my-offers"
COPY = {
    "title": N_("My offers"),
    "subtitle": N_("Everything you have published or drafted, with how creators respond."),
    "create": N_("Create offer"),
    "tabs": N_("Offers by status"),
    "all": N_("All"),
    "DRAFT": N_("Drafts"),
    "ACTIVE": N_("Active"),
    "PAUSED": N_("Paused"),
    "ARCHIVED": N_("Archived"),
    "views_here": N_(" views on these offers"),
    "views": N_("Views"),
    "new": N_("New"),
    "in_review": N_("In review"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "of": N_(" of "),
    "apply_by": N_("Apply by "),
    "no_deadline": N_("No deadline yet"),
    "updated": N_("Updated "),
    "edit": N_("Edit"),
    "applications": N_("Applications"),
    "publish": N_("Publish"),
    "pause": N_("Pause"),
    "resume": N_("Resume"),
    "archive": N_("Archive"),
    "archive_title": N_("Archive this offer?"),
    "archive_text": N_("It leaves the marketplace for good and takes no more applications. Collaborations already "
                    "accepted go on. This cannot be undone."),
    "cancel": N_("Cancel"),
    "pages": N_("Pages of offers"),
    "empty_title": N_("No offers yet"),
    "empty_text": N_("Create your first offer: tell creators what you offer and what you would like in return."),
    "none_here_title": N_("Nothing here"),
    "none_here_text": N_("No offers with this status. The other tabs hold the rest."),
    "see_all": N_("See all offers"),
}
STATUS_TABS = [(s, COPY[s]) for s in ("DRAFT", "ACTIVE", "PAUSED", "ARCHIVED")]

S = MyOffersState


def _header() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray"),
            spacing="2",
        ),
        rx.spacer(),
        nav_button(rx.icon("plus", size=16), translated(COPY["create"]), href=page_href("/offers/new"), size="3"),
        direction=rx.breakpoints(initial="column", sm="row"),
        align=rx.breakpoints(initial="start", sm="end"),
        spacing="4", width="100%",
    )


def _figure(label: str, value, color: str = "gray") -> rx.Component:
    return rx.vstack(
        rx.text(label, size="1", color_scheme="gray"),
        rx.text(value, size="3", weight="bold", class_name="tabular", color=rx.color(color, 11)),
        spacing="0", min_width="64px",
    )


def _figures(row: OfferRow) -> rx.Component:
    return rx.grid(
        _figure(translated(COPY["views"]), row.views),
        _figure(translated(COPY["new"]), row.new, "blue"),
        _figure(translated(COPY["in_review"]), row.in_review, "violet"),
        _figure(translated(COPY["accepted"]), rx.fragment(row.accepted, rx.text(translated(COPY["of"]), row.slots, as_="span", size="1",
                                                                    weight="regular", color_scheme="gray")), "green"),
        _figure(translated(COPY["declined"]), row.declined),
        columns=rx.breakpoints(initial="3", sm="5"),
        spacing="3", width="100%",
    )


def _archive_button(row: OfferRow) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(rx.icon("archive", size=14), translated(COPY["archive"]), size="2", variant="soft", color_scheme="red"),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(translated(COPY["archive_title"])),
            rx.alert_dialog.description(rx.text.strong(row.title), rx.el.br(), translated(COPY["archive_text"])),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(translated(COPY["archive"]), color_scheme="red",
                                                 on_click=S.act(row.id, "archive"))),
                spacing="3", justify="end", margin_top="1rem",
            ),
            max_width="440px",
        ),
    )


def _move_button(label: str, icon: str, row: OfferRow, action: str, **props) -> rx.Component:
    return rx.button(
        rx.cond(S.acting_on == row.id, rx.spinner(size="1"), rx.icon(icon, size=14)), label,
        size="2", on_click=S.act(row.id, action), disabled=S.acting_on != "", **props,
    )


def _actions(row: OfferRow) -> rx.Component:
    return rx.hstack(
        rx.cond(row.can_edit, nav_button(rx.icon("pencil", size=14), translated(COPY["edit"]), href=page_href("/offers/") + row.id + "/edit",
                                         size="2", variant="soft")),
        nav_button(rx.icon("users", size=14), translated(COPY["applications"]), " ", row.applications,
                   href=page_href("/my-offers/") + row.id + "/applications", size="2", variant="soft"),
        rx.cond(row.can_publish, _move_button(translated(COPY["publish"]), "send", row, "publish")),
        rx.cond(row.can_pause,
                _move_button(translated(COPY["pause"]), "pause", row, "pause", variant="soft", color_scheme="amber")),
        rx.cond(row.can_resume, _move_button(translated(COPY["resume"]), "play", row, "resume")),
        rx.cond(row.can_archive, _archive_button(row)),
        spacing="2", wrap="wrap",
    )


def _row(row: OfferRow) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.image(src=row.cover, alt="", class_name="cover", width="96px", height="96px",
                     border_radius="var(--radius-4)", flex_shrink="0", loading="lazy",
                     display=rx.breakpoints(initial="none", sm="block")),
            rx.vstack(
                rx.hstack(offer_status_badge(row.status), rx.badge(row.category, variant="outline", size="1"),
                          spacing="2", align="center", wrap="wrap"),
                rx.link(rx.heading(row.title, size="4", as_="h2"),
                        href=rx.cond(row.can_edit, "/offers/" + row.id + "/edit",
                                     "/my-offers/" + row.id + "/applications"),
                        underline="hover", color="inherit"),
                rx.text(rx.cond(row.deadline != "", translated(COPY["apply_by"]) + row.deadline, translated(COPY["no_deadline"])),
                        " · ", translated(COPY["updated"]), row.updated, size="1", color_scheme="gray"),
                _figures(row),
                _actions(row),
                spacing="3", width="100%", min_width="0",
            ),
            spacing="4", width="100%",
        ),
        size="2", width="100%", data_testid="my-offer",
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.foreach(S.rows, _row),
            pager(S.page, S.pages, rx.cond(S.status != "", "/my-offers?status=" + S.status + "&", "/my-offers?"),
                  translated(COPY["pages"])),
            spacing="3", width="100%",
        ),
        empty_state("inbox", translated(COPY["none_here_title"]), translated(COPY["none_here_text"]),
                    nav_button(translated(COPY["see_all"]), href=page_href("/my-offers"), variant="soft")),
    )


def _views_line() -> rx.Component:
    return rx.hstack(rx.icon("eye", size=14),
                     rx.text(S.views_shown, translated(COPY["views_here"]), size="2", class_name="tabular"),
                     spacing="1", align="center", color=rx.color("gray", 11))


def _body() -> rx.Component:
    return rx.cond(
        S.everything > 0,
        rx.vstack(
            status_tabs(STATUS_TABS, S.status, S.counts, S.everything, ROUTE, translated(COPY["tabs"]), translated(COPY["all"])),
            _views_line(),
            _list(),
            spacing="4", width="100%",
        ),
        empty_state("megaphone", translated(COPY["empty_title"]), translated(COPY["empty_text"]),
                    nav_button(rx.icon("plus", size=16), translated(COPY["create"]), href=page_href("/offers/new"))),
    )


def _loading() -> rx.Component:
    return rx.vstack(*[rx.skeleton(height="150px", width="100%") for _ in range(3)], spacing="3", width="100%",
                     aria_busy="true")


def my_offers_page() -> rx.Component:
    return page(
        rx.vstack(
            _header(),
            notice(S.notice),
            form_error(S.error),
            rx.cond(S.loading, _loading(), _body()),
            spacing="5", width="100%",
        ),
    )
