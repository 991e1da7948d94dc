"""/my-offers: a business's offers by status, with views and applications, and what can be done to each."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error, notice
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.status_badges import offer_status_badge
from influfinder.state.my_offers import MyOffersState, OfferRow

ROUTE = "/my-offers"
COPY = {
    "title": "My offers",
    "subtitle": "Everything you have published or drafted, with how creators respond.",
    "create": "Create offer",
    "tabs": "Offers by status",
    "all": "All",
    "DRAFT": "Drafts",
    "ACTIVE": "Active",
    "PAUSED": "Paused",
    "ARCHIVED": "Archived",
    "views_here": " views on these offers",
    "views": "Views",
    "new": "New",
    "in_review": "In review",
    "accepted": "Accepted",
    "declined": "Declined",
    "of": " of ",
    "apply_by": "Apply by ",
    "no_deadline": "No deadline yet",
    "updated": "Updated ",
    "edit": "Edit",
    "applications": "Applications",
    "publish": "Publish",
    "pause": "Pause",
    "resume": "Resume",
    "archive": "Archive",
    "archive_title": "Archive this offer?",
    "archive_text": "It leaves the marketplace for good and takes no more applications. Collaborations already "
                    "accepted go on. This cannot be undone.",
    "cancel": "Cancel",
    "pages": "Pages of offers",
    "empty_title": "No offers yet",
    "empty_text": "Create your first offer: tell creators what you offer and what you would like in return.",
    "none_here_title": "Nothing here",
    "none_here_text": "No offers with this status. The other tabs hold the rest.",
    "see_all": "See all offers",
}
STATUS_TABS = [(s, COPY[s]) for s in ("DRAFT", "ACTIVE", "PAUSED", "ARCHIVED")]

S = MyOffersState


def _header() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.heading(COPY["title"], size="8", as_="h1"),
            rx.text(COPY["subtitle"], color_scheme="gray"),
            spacing="2",
        ),
        rx.spacer(),
        nav_button(rx.icon("plus", size=16), COPY["create"], href="/offers/new", size="3"),
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
        _figure(COPY["views"], row.views),
        _figure(COPY["new"], row.new, "blue"),
        _figure(COPY["in_review"], row.in_review, "violet"),
        _figure(COPY["accepted"], rx.fragment(row.accepted, rx.text(COPY["of"], row.slots, as_="span", size="1",
                                                                    weight="regular", color_scheme="gray")), "green"),
        _figure(COPY["declined"], row.declined),
        columns=rx.breakpoints(initial="3", sm="5"),
        spacing="3", width="100%",
    )


def _archive_button(row: OfferRow) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(rx.icon("archive", size=14), COPY["archive"], size="2", variant="soft", color_scheme="red"),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(COPY["archive_title"]),
            rx.alert_dialog.description(rx.text.strong(row.title), rx.el.br(), COPY["archive_text"]),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(COPY["cancel"], variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(COPY["archive"], color_scheme="red",
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
        rx.cond(row.can_edit, nav_button(rx.icon("pencil", size=14), COPY["edit"], href="/offers/" + row.id + "/edit",
                                         size="2", variant="soft")),
        nav_button(rx.icon("users", size=14), COPY["applications"], " ", row.applications,
                   href="/my-offers/" + row.id + "/applications", size="2", variant="soft"),
        rx.cond(row.can_publish, _move_button(COPY["publish"], "send", row, "publish")),
        rx.cond(row.can_pause,
                _move_button(COPY["pause"], "pause", row, "pause", variant="soft", color_scheme="amber")),
        rx.cond(row.can_resume, _move_button(COPY["resume"], "play", row, "resume")),
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
                rx.text(rx.cond(row.deadline != "", COPY["apply_by"] + row.deadline, COPY["no_deadline"]),
                        " · ", COPY["updated"], row.updated, size="1", color_scheme="gray"),
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
                  COPY["pages"]),
            spacing="3", width="100%",
        ),
        empty_state("inbox", COPY["none_here_title"], COPY["none_here_text"],
                    nav_button(COPY["see_all"], href="/my-offers", variant="soft")),
    )


def _views_line() -> rx.Component:
    return rx.hstack(rx.icon("eye", size=14),
                     rx.text(S.views_shown, COPY["views_here"], size="2", class_name="tabular"),
                     spacing="1", align="center", color=rx.color("gray", 11))


def _body() -> rx.Component:
    return rx.cond(
        S.everything > 0,
        rx.vstack(
            status_tabs(STATUS_TABS, S.status, S.counts, S.everything, ROUTE, COPY["tabs"], COPY["all"]),
            _views_line(),
            _list(),
            spacing="4", width="100%",
        ),
        empty_state("megaphone", COPY["empty_title"], COPY["empty_text"],
                    nav_button(rx.icon("plus", size=16), COPY["create"], href="/offers/new")),
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
