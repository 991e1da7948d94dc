"""The admin dashboard: /admin (overview and 30 days of figures), /admin/users, /admin/disputes, /admin/offers."""

from __future__ import annotations

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error, notice
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager
from influfinder.components.status_badges import offer_status_badge
from influfinder.state.admin_dashboard import (
    AdminDisputesState, AdminOffersState, AdminOverviewState, AdminUsersState, DayRow, DisputeLine, Figure,
    OfferLine, StatusCount, Tab, UserLine,
)

OVERVIEW_ROUTE, USERS_ROUTE, DISPUTES_ROUTE, OFFERS_ROUTE = "/admin", "/admin/users", "/admin/disputes", "/admin/offers"
COPY = {
    "eyebrow": "Admin",
    "sections": "Admin sections",
    "overview": "Overview",
    "users": "Users",
    "disputes": "Disputes",
    "offers": "Offers",
    "overview_title": "Platform overview",
    "overview_text": "How Influfinder is doing today, and where the team is needed.",
    "collaborations": "Collaborations by status",
    "open": "Open",
    "history": "Last 30 days",
    "history_text": "Recorded once a day. Totals count everything up to the end of each day.",
    "record": "Record today's figures",
    "history_empty_title": "No daily figures yet",
    "history_empty_text": "The platform records its figures once a day. Record today's now to start the chart.",
    "as_table": "The daily figures as a table",
    "day": "Day",
    "total_users": "Users",
    "new_users": "New users",
    "active_offers": "Active offers",
    "total_offers": "Offers created",
    "applications": "Applications",
    "completed": "Completed",
    "revenue": "Fees (EUR)",
    "avg_tier": "Avg. tier",
    "users_title": "Users",
    "users_text": "Every account, newest first. Deactivated accounts cannot log in until reactivated.",
    "search_users": "Search by username or email",
    "search_offers": "Search by title, brand or business",
    "search": "Search",
    "clear": "Clear",
    "joined": "Joined ",
    "verified": "Verified",
    "unverified": "Unverified",
    "admin": "Admin",
    "deactivated": "Deactivated",
    "you": "You",
    "deactivate": "Deactivate",
    "reactivate": "Reactivate",
    "deactivate_title": "Deactivate this account?",
    "deactivate_text": "They are signed out on every device at once and cannot log in until an admin reactivates "
                       "the account. Their offers, applications and collaborations stay as they are.",
    "cancel": "Cancel",
    "users_empty_title": "No accounts found",
    "users_empty_text": "Nobody's username or email contains that. Check the spelling, or search for less.",
    "show_all": "Show everyone",
    "user_pages": "Pages of users",
    "disputes_title": "Disputes",
    "disputes_text": "Collaborations a party stopped with a complaint, the longest waiting first. Read both sides "
                     "in the collaboration's timeline, then decide how it ends.",
    "creator": "Creator",
    "business": "Business",
    "opened": "Opened ",
    "opened_by": " by ",
    "reason": "Reason given",
    "timeline": "Open the collaboration",
    "resolve": "Resolve",
    "resolve_title": "Resolve the dispute",
    "outcome": "How does the collaboration end?",
    "outcome_completed": "Completed",
    "outcome_completed_text": "The work counts as done: the creator's karma and tier are updated.",
    "outcome_cancelled": "Cancelled",
    "outcome_cancelled_text": "The collaboration is called off; nothing counts towards either party.",
    "note": "Note for the record",
    "note_hint": "Both parties can read it in the collaboration's timeline.",
    "disputes_empty_title": "No open disputes",
    "disputes_empty_text": "Every collaboration is moving along. Disputes that parties open will wait here.",
    "dispute_pages": "Pages of disputes",
    "offers_title": "Offers",
    "offers_text": "Every offer on the platform. Pause one that needs fixing (its business can resume it) or "
                   "archive one that must go.",
    "offer_tabs": "Offers by status",
    "views": " views",
    "applications_short": " applications",
    "created": "Created ",
    "updated": "Updated ",
    "pause": "Pause",
    "archive": "Archive",
    "archive_title": "Archive this offer?",
    "archive_text": "It leaves the marketplace for good and takes no more applications; its business cannot "
                    "bring it back. Collaborations already accepted go on.",
    "offers_empty_title": "No offers here",
    "offers_empty_text": "No offer matches this search and status.",
    "offer_pages": "Pages of offers",
}
SECTIONS = (("overview", OVERVIEW_ROUTE, "layout-dashboard"), ("users", USERS_ROUTE, "users"),
            ("disputes", DISPUTES_ROUTE, "scale"), ("offers", OFFERS_ROUTE, "megaphone"))


# ---- shared pieces ---------------------------------------------------------------------------


def _section_link(key: str, href: str, icon: str) -> rx.Component:
    path = rx.State.router.url.path
    active = (path == href) | (path == href + "/")
    return rx.link(
        # Icons from 520 px up: at phone width the four names alone fit on one line.
        rx.hstack(rx.box(rx.icon(icon, size=16), display=rx.breakpoints(initial="none", xs="flex")),
                  rx.text(COPY[key], size="2", weight="medium"), spacing="2", align="center"),
        href=href, underline="none", aria_current=rx.cond(active, "page", ""),
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        style={"padding": "0.6rem 0.75rem", "whiteSpace": "nowrap", "marginBottom": "-1px",
               "borderBottom": rx.cond(active, f"2px solid {rx.color('accent', 9)}", "2px solid transparent")},
    )


def _admin_nav() -> rx.Component:
    return rx.el.nav(
        rx.hstack(*[_section_link(*s) for s in SECTIONS], spacing="1"),
        aria_label=COPY["sections"],
        style={"overflowX": "auto", "width": "100%", "borderBottom": f"1px solid {rx.color('gray', 5)}"},
    )


def _frame(title: str, text: str, state, *children: rx.Component) -> rx.Component:
    header = rx.vstack(
        rx.badge(rx.icon("shield-check", size=14), COPY["eyebrow"], variant="soft", radius="full"),
        rx.heading(title, size="8", as_="h1"),
        rx.text(text, color_scheme="gray", max_width="680px"),
        spacing="2", width="100%",
    )
    return page(rx.vstack(header, _admin_nav(), notice(state.notice), form_error(state.error), *children,
                          spacing="5", width="100%"))


def _loading(height: str = "96px", count: int = 4) -> rx.Component:
    return rx.vstack(*[rx.skeleton(height=height, width="100%") for _ in range(count)], spacing="3", width="100%",
                     aria_busy="true")


def _search_form(handler, value, label: str, clear_href: str) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(label, html_for="field-q", style={"fontWeight": "500", "fontSize": "0.9rem"}),
            rx.hstack(
                rx.input(rx.input.slot(rx.icon("search", size=16)), id="field-q", name="q", type="search",
                         default_value=value, key=value, max_length=100, size="3", width="100%"),
                rx.button(COPY["search"], type="submit", size="3"),
                rx.cond(value != "", nav_button(COPY["clear"], href=clear_href, variant="soft", color_scheme="gray",
                                                size="3")),
                spacing="2", width="100%",
            ),
            spacing="1", width="100%", max_width="640px",
        ),
        on_submit=handler, role="search", width="100%",
    )


def _meta(icon: str, *text) -> rx.Component:
    return rx.hstack(rx.icon(icon, size=14, aria_hidden="true"), rx.text(*text, size="1"), spacing="1",
                     align="center", color=rx.color("gray", 11))


def _confirm(trigger: rx.Component, title: str, subject, text: str, confirm_label: str, on_confirm) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(rx.text.strong(subject), rx.el.br(), text, size="2"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(COPY["cancel"], variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(confirm_label, color_scheme="red", on_click=on_confirm)),
                spacing="3", justify="end", margin_top="1rem",
            ),
            max_width="460px",
        ),
    )


def _busy_icon(busy, icon: str) -> rx.Component:
    return rx.cond(busy, rx.spinner(size="1"), rx.icon(icon, size=14))


# ---- /admin ----------------------------------------------------------------------------------

O = AdminOverviewState


def _figure_card(item: Figure) -> rx.Component:
    body = rx.vstack(
        rx.hstack(
            rx.text(item.label, size="2", weight="medium", color_scheme="gray"),
            rx.spacer(),
            rx.box(rx.icon(item.icon, size=18), color=rx.color(item.color, 11), background=rx.color(item.color, 3),
                   border_radius="10px", padding="0.45rem", display="flex", aria_hidden="true"),
            width="100%", align="center",
        ),
        rx.text(item.value, size="8", weight="bold", class_name="tabular", data_testid="figure-value"),
        rx.text(item.detail, size="1", color_scheme="gray"),
        spacing="2", width="100%",
    )
    return rx.card(
        rx.cond(item.href != "", rx.link(body, href=item.href, underline="none", color="inherit"), body),
        size="2", width="100%", data_testid="figure-" + item.key,
    )


def _status_chip(item: StatusCount) -> rx.Component:
    return rx.hstack(status_badge(item.status, size="1"),
                     rx.text(item.count, size="2", weight="bold", class_name="tabular"),
                     spacing="2", align="center", padding="0.35rem 0.6rem", border_radius="999px",
                     border=f"1px solid {rx.color('gray', 5)}")


def _chart() -> rx.Component:
    lines = (("Users", "violet"), ("Active offers", "green"), ("Applications", "cyan"), ("Completed", "amber"))
    return rx.recharts.line_chart(
        *[rx.recharts.line(data_key=key, stroke=rx.color(color, 9), stroke_width=2, type_="monotone",
                           dot={"stroke": rx.color(color, 9), "fill": rx.color(color, 3), "r": 3},
                           active_dot={"stroke": rx.color(color, 2), "fill": rx.color(color, 9)})
          for key, color in lines],
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", stroke=rx.color("gray", 5), vertical=False),
        rx.recharts.x_axis(data_key="day", stroke=rx.color("gray", 9), tick_line=False, font_size=12),
        rx.recharts.y_axis(stroke=rx.color("gray", 9), allow_decimals=False, tick_line=False, width=40,
                           font_size=12),
        rx.recharts.graphing_tooltip(),
        rx.recharts.legend(),
        data=O.chart, height=300, width="100%", margin={"top": 12, "right": 16, "left": 0, "bottom": 0},
    )


def _day_table_row(row: DayRow) -> rx.Component:
    cell = lambda value: rx.table.cell(value, class_name="tabular")  # noqa: E731
    return rx.table.row(
        rx.table.row_header_cell(row.day), cell(row.total_users), cell(row.new_users), cell(row.active_offers),
        cell(row.total_offers), cell(row.applications), cell(row.completed), cell(row.revenue), cell(row.avg_tier),
    )


def _day_table() -> rx.Component:
    heads = ("day", "total_users", "new_users", "active_offers", "total_offers", "applications", "completed",
             "revenue", "avg_tier")
    return rx.el.details(
        rx.el.summary(COPY["as_table"], style={"cursor": "pointer", "fontSize": "0.9rem", "fontWeight": "500"}),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(COPY[h]) for h in heads])),
                rx.table.body(rx.foreach(O.history, _day_table_row)),
                size="1", variant="surface",
            ),
            overflow_x="auto", width="100%", margin_top="0.75rem",
        ),
        width="100%",
    )


def _record_button() -> rx.Component:
    return rx.button(_busy_icon(O.snapshotting, "camera"), COPY["record"], on_click=O.take_snapshot,
                     disabled=O.snapshotting, variant="soft", size="2")


def _history() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(rx.heading(COPY["history"], size="5", as_="h2"),
                          rx.text(COPY["history_text"], size="2", color_scheme="gray"), spacing="1"),
                rx.spacer(),
                _record_button(),
                direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
                align=rx.breakpoints(initial="start", sm="center"),
            ),
            rx.cond(
                O.chart.length() > 0,
                rx.vstack(rx.box(_chart(), width="100%", data_testid="history-chart"), _day_table(),
                          spacing="4", width="100%"),
                empty_state("chart-line", COPY["history_empty_title"], COPY["history_empty_text"]),
            ),
            spacing="4", width="100%",
        ),
        size="3", width="100%",
    )


def _overview_body() -> rx.Component:
    return rx.vstack(
        rx.grid(rx.foreach(O.figures, _figure_card), columns=rx.breakpoints(initial="1", xs="2", md="3"),
                spacing="4", width="100%"),
        rx.vstack(
            rx.heading(COPY["collaborations"], size="4", as_="h2"),
            rx.flex(rx.foreach(O.collaborations, _status_chip), wrap="wrap", spacing="2"),
            spacing="3", width="100%",
        ),
        _history(),
        spacing="6", width="100%",
    )


def admin_overview_page() -> rx.Component:
    return _frame(COPY["overview_title"], COPY["overview_text"], O,
                  rx.cond(O.loading, _loading("120px", 3), _overview_body()))


# ---- /admin/users ----------------------------------------------------------------------------

U = AdminUsersState


def _user_badges(row: UserLine) -> rx.Component:
    return rx.hstack(
        rx.badge(row.user_type, variant="outline", size="1"),
        rx.cond(row.verified, rx.badge(rx.icon("badge-check", size=12), COPY["verified"], color_scheme="green",
                                       variant="soft", size="1"),
                rx.badge(COPY["unverified"], color_scheme="amber", variant="soft", size="1")),
        rx.cond(row.is_admin, rx.badge(rx.icon("shield-check", size=12), COPY["admin"], color_scheme="violet",
                                       variant="soft", size="1")),
        rx.cond(~row.active, rx.badge(rx.icon("ban", size=12), COPY["deactivated"], color_scheme="red",
                                      variant="solid", size="1")),
        spacing="2", wrap="wrap",
    )


def _user_action(row: UserLine) -> rx.Component:
    busy = U.acting_on == row.id
    deactivate = rx.button(_busy_icon(busy, "ban"), COPY["deactivate"], variant="soft", color_scheme="red", size="2",
                           disabled=U.acting_on != "")
    return rx.cond(
        row.is_me,
        rx.badge(COPY["you"], variant="soft", color_scheme="gray", size="2"),
        rx.cond(
            row.active,
            _confirm(deactivate, COPY["deactivate_title"], "@" + row.username, COPY["deactivate_text"],
                     COPY["deactivate"], U.deactivate(row.id)),
            rx.button(_busy_icon(busy, "rotate-ccw"), COPY["reactivate"], variant="soft", size="2",
                      disabled=U.acting_on != "", on_click=U.reactivate(row.id)),
        ),
    )


def _user_card(row: UserLine) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.hstack(
                rx.avatar(fallback=row.name[:2].upper(), size="3", radius="full"),
                rx.vstack(
                    rx.hstack(rx.text(row.name, weight="bold", size="3"),
                              rx.text("@", row.username, size="2", color_scheme="gray"), spacing="2", wrap="wrap",
                              align="baseline"),
                    rx.text(row.email, size="2", style={"overflowWrap": "anywhere"}),
                    _user_badges(row),
                    rx.flex(_meta("calendar", COPY["joined"], row.joined), _meta("log-in", row.last_login),
                            spacing="3", wrap="wrap"),
                    spacing="1", min_width="0",
                ),
                spacing="3", align="start", min_width="0", flex="1",
            ),
            _user_action(row),
            direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
            align=rx.breakpoints(initial="start", sm="center"), justify="between",
        ),
        size="2", width="100%", data_testid="admin-user", opacity=rx.cond(row.active, "1", "0.75"),
    )


def _users_body() -> rx.Component:
    return rx.cond(
        U.total > 0,
        rx.vstack(
            rx.text(U.summary, size="2", color_scheme="gray", class_name="tabular", role="status"),
            rx.foreach(U.rows, _user_card),
            pager(U.page, U.pages, U.page_base, COPY["user_pages"]),
            spacing="3", width="100%",
        ),
        empty_state("user-search", COPY["users_empty_title"], COPY["users_empty_text"],
                    nav_button(COPY["show_all"], href=USERS_ROUTE, variant="soft")),
    )


def admin_users_page() -> rx.Component:
    return _frame(COPY["users_title"], COPY["users_text"], U,
                  _search_form(U.find, U.search, COPY["search_users"], USERS_ROUTE),
                  rx.cond(U.loading, _loading(), _users_body()))


# ---- /admin/disputes -------------------------------------------------------------------------

D = AdminDisputesState


def _party(role: str, name, username) -> rx.Component:
    return rx.vstack(
        rx.text(COPY[role], size="1", color_scheme="gray", weight="medium"),
        rx.text(name, size="2", weight="bold"),
        rx.text("@", username, size="1", color_scheme="gray"),
        spacing="0", min_width="0",
    )


def _dispute_card(row: DisputeLine) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(
                    status_badge("DISPUTED", size="1"),
                    rx.link(rx.heading(row.offer_title, size="4", as_="h2"), href="/collaborations/" + row.id,
                            underline="hover", color="inherit"),
                    _meta("clock", COPY["opened"], row.opened,
                          rx.cond(row.opened_by != "", COPY["opened_by"] + row.opened_by, "")),
                    spacing="2", min_width="0",
                ),
                rx.spacer(),
                rx.button(rx.icon("gavel", size=14), COPY["resolve"], size="2", on_click=D.open_resolve(row.id),
                          aria_label=COPY["resolve"] + ": " + row.offer_title),
                direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
                align=rx.breakpoints(initial="start", sm="start"),
            ),
            rx.grid(_party("creator", row.creator, row.creator_username),
                    _party("business", row.business, row.business_username), columns="2", spacing="4",
                    width="100%", max_width="520px"),
            rx.box(
                rx.text(COPY["reason"], size="1", weight="medium", color_scheme="gray"),
                rx.text(row.reason, size="2", style={"whiteSpace": "pre-wrap", "overflowWrap": "anywhere"}),
                padding="0.75rem 1rem", border_left=f"3px solid {rx.color('red', 8)}",
                background=rx.color("red", 2), border_radius="var(--radius-3)", width="100%",
            ),
            rx.link(COPY["timeline"], rx.icon("arrow-right", size=14), href="/collaborations/" + row.id, size="2",
                    display="inline-flex", align_items="center", gap="0.25rem"),
            spacing="3", width="100%",
        ),
        size="2", width="100%", data_testid="admin-dispute",
    )


def _outcome_choice(value: str) -> rx.Component:
    key = "outcome_" + value.lower()
    return rx.el.label(
        rx.hstack(
            rx.radio_group.item(value=value, id=f"outcome-{value.lower()}"),
            rx.vstack(rx.text(COPY[key], weight="bold", size="2"), rx.text(COPY[key + "_text"], size="1",
                                                                             color_scheme="gray"),
                      spacing="0"),
            spacing="3", align="start",
        ),
        style={"display": "block", "padding": "0.6rem 0.75rem", "borderRadius": "var(--radius-3)",
               "border": f"1px solid {rx.color('gray', 6)}", "cursor": "pointer"},
    )


def _resolve_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(COPY["resolve_title"]),
            rx.dialog.description(rx.text.strong(D.resolving_title), size="2"),
            rx.form(
                rx.vstack(
                    rx.el.fieldset(
                        rx.el.legend(COPY["outcome"], style={"fontWeight": "500", "fontSize": "0.9rem",
                                                             "marginBottom": "0.5rem"}),
                        rx.radio_group.root(
                            rx.vstack(_outcome_choice("COMPLETED"), _outcome_choice("CANCELLED"), spacing="2",
                                      width="100%"),
                            name="outcome", required=True,
                        ),
                        field_error(D.field_errors.get("outcome", "")),
                        style={"border": "none", "padding": "0", "margin": "0", "width": "100%"},
                    ),
                    rx.vstack(
                        rx.el.label(COPY["note"], html_for="field-note", style={"fontWeight": "500",
                                                                                "fontSize": "0.9rem"}),
                        rx.text_area(id="field-note", name="note", rows="4", required=True, max_length=2000,
                                     width="100%"),
                        rx.text(COPY["note_hint"], size="1", color_scheme="gray"),
                        field_error(D.field_errors.get("note", "")),
                        spacing="1", width="100%",
                    ),
                    form_error(D.error),
                    rx.hstack(
                        rx.dialog.close(rx.button(COPY["cancel"], variant="soft", color_scheme="gray", type="button")),
                        rx.button(rx.cond(D.busy, rx.spinner(size="2")), COPY["resolve"], type="submit",
                                  disabled=D.busy),
                        spacing="3", justify="end", width="100%",
                    ),
                    spacing="4", width="100%", margin_top="1rem",
                ),
                on_submit=D.resolve, reset_on_submit=False,
            ),
            max_width="520px",
        ),
        open=D.resolving != "",
        on_open_change=D.close_resolve,
    )


def _disputes_body() -> rx.Component:
    return rx.cond(
        D.total > 0,
        rx.vstack(rx.foreach(D.rows, _dispute_card), pager(D.page, D.pages, DISPUTES_ROUTE + "?",
                                                             COPY["dispute_pages"]),
                  spacing="3", width="100%"),
        empty_state("scale", COPY["disputes_empty_title"], COPY["disputes_empty_text"]),
    )


def admin_disputes_page() -> rx.Component:
    return _frame(COPY["disputes_title"], COPY["disputes_text"], D,
                  rx.cond(D.loading, _loading("180px", 2), _disputes_body()), _resolve_dialog())


# ---- /admin/offers ---------------------------------------------------------------------------

F = AdminOffersState


def _tab(tab: Tab) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.text(tab.label, size="2", weight="medium"),
            rx.badge(tab.count, size="1", variant=rx.cond(tab.active, "solid", "soft"), radius="full",
                     color_scheme=rx.cond(tab.active, "violet", "gray")),
            spacing="2", align="center",
        ),
        href=tab.href, underline="none", aria_current=rx.cond(tab.active, "page", ""),
        color=rx.cond(tab.active, rx.color("accent", 11), rx.color("gray", 11)),
        style={"padding": "0.6rem 0.75rem", "whiteSpace": "nowrap", "marginBottom": "-1px",
               "borderBottom": rx.cond(tab.active, f"2px solid {rx.color('accent', 9)}", "2px solid transparent")},
    )


def _offer_tabs() -> rx.Component:
    return rx.el.nav(rx.hstack(rx.foreach(F.tabs, _tab), spacing="1"), aria_label=COPY["offer_tabs"],
                     style={"overflowX": "auto", "width": "100%", "borderBottom": f"1px solid {rx.color('gray', 5)}"})


def _offer_actions(row: OfferLine) -> rx.Component:
    busy = F.acting_on == row.id
    archive = rx.button(rx.icon("archive", size=14), COPY["archive"], size="2", variant="soft", color_scheme="red",
                        disabled=F.acting_on != "")
    return rx.hstack(
        rx.cond(row.can_pause, rx.button(_busy_icon(busy, "pause"), COPY["pause"], size="2", variant="soft",
                                         color_scheme="amber", disabled=F.acting_on != "",
                                         on_click=F.pause(row.id))),
        rx.cond(row.can_archive, _confirm(archive, COPY["archive_title"], row.title, COPY["archive_text"],
                                          COPY["archive"], F.archive(row.id))),
        spacing="2", wrap="wrap",
    )


def _offer_card(row: OfferLine) -> rx.Component:
    title = rx.heading(row.title, size="4", as_="h2")
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.hstack(offer_status_badge(row.status), rx.badge(row.category, variant="outline", size="1"),
                          spacing="2", wrap="wrap"),
                rx.cond(row.status == "ACTIVE", rx.link(title, href="/offers/" + row.id, underline="hover",
                                                        color="inherit"), title),
                rx.text(row.business, " · @", row.business_username, size="2", color_scheme="gray"),
                rx.flex(
                    rx.cond(row.city != "", _meta("map-pin", row.city)),
                    _meta("eye", row.views, COPY["views"]),
                    _meta("send", row.applications, COPY["applications_short"]),
                    _meta("calendar", COPY["created"], row.created),
                    _meta("pencil", COPY["updated"], row.updated),
                    spacing="3", wrap="wrap",
                ),
                spacing="2", min_width="0", flex="1",
            ),
            _offer_actions(row),
            direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
            align=rx.breakpoints(initial="start", sm="center"), justify="between",
        ),
        size="2", width="100%", data_testid="admin-offer",
    )


def _offers_body() -> rx.Component:
    return rx.vstack(
        _offer_tabs(),
        rx.cond(
            F.total > 0,
            rx.vstack(rx.foreach(F.rows, _offer_card), pager(F.page, F.pages, F.page_base, COPY["offer_pages"]),
                      spacing="3", width="100%"),
            empty_state("search-x", COPY["offers_empty_title"], COPY["offers_empty_text"],
                        nav_button(COPY["clear"], href=OFFERS_ROUTE, variant="soft")),
        ),
        spacing="4", width="100%",
    )


def admin_offers_page() -> rx.Component:
    return _frame(COPY["offers_title"], COPY["offers_text"], F,
                  _search_form(F.find, F.search, COPY["search_offers"], OFFERS_ROUTE),
                  rx.cond(F.loading, _loading(), _offers_body()))
