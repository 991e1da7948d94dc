"""/creators: Find creators (businesses, agencies, admins). Full-text, filters and sorts; the search lives in the URL."""

import reflex as rx

from influfinder.components.phrases import counted_phrase
from influfinder.i18n import N_, _, translated
from influfinder.components.creator_card import creator_card
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error
from influfinder.components.invite_dialog import invite_button, invite_dialog, invite_notice
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager
from influfinder.state.find_creators import (
    ANY, ROUTE, FindCreatorsState, categories, platforms, ratings, sort_options, tiers,
)
from influfinder.components.save_search import save_search_button

COPY = {
    "eyebrow": N_("Discovery"), "title": N_("Find creators"),
    "subtitle": N_("Search creators by name, handle, bio or category, then invite them to your offers."),
    "search_label": N_("Search creators"), "search_placeholder": N_("Try “brunch”, “yoga” or a handle"), "search": N_("Search"),
    "filters": N_("Filters"), "any": N_("Any"), "city": N_("City"), "category": N_("Category"), "platform": N_("Platform"),
    "tier": N_("Tier"), "rating": N_("Rating"), "followers": N_("Followers"), "engagement": N_("Engagement (%)"),
    "minimum": N_("Minimum"), "maximum": N_("Maximum"), "verified": N_("Verified figures only"),
    "available": N_("Available for new work"), "apply": N_("Apply filters"), "clear": N_("Clear filters"), "sort": N_("Sort by"),
     "pages": N_("Pages of creators"), "none_title": N_("No creators match"),
    "none_text": N_("Try other words or fewer filters."),
}
S = FindCreatorsState


def _label(text: str, html_for: str) -> rx.Component:
    return rx.el.label(text, html_for=html_for, style={"fontWeight": "500", "fontSize": "0.875rem"})


def _select(label: str, name: str, value, options) -> rx.Component:
    field_id = f"creator-{name}"
    return rx.vstack(
        _label(label, field_id),
        rx.select.root(
            rx.select.trigger(id=field_id, width="100%"),
            rx.select.content(rx.select.item(translated(COPY["any"]), value=ANY),
                              *[rx.select.item(text, value=key) for key, text in options]),
            name=name, default_value=value, size="2",
        ),
        field_error(S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _input(label: str, name: str, value, **props) -> rx.Component:
    field_id = f"creator-{name}"
    return rx.vstack(
        _label(label, field_id),
        rx.input(id=field_id, name=name, default_value=value, size="2", width="100%", **props),
        field_error(S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _switch(label: str, name: str, value) -> rx.Component:
    field_id = f"creator-{name}"
    return rx.hstack(rx.switch(id=field_id, name=name, default_checked=value, value="on"), _label(label, field_id),
                     spacing="2", align="center")


def _range(label: str, low: str, high: str, low_value, high_value, **props) -> rx.Component:
    return rx.vstack(
        rx.text(label, size="2", weight="medium"),
        rx.grid(_input(translated(COPY["minimum"]), low, low_value, **props), _input(translated(COPY["maximum"]), high, high_value, **props),
                columns="2", spacing="2", width="100%"),
        spacing="1", width="100%",
    )


def _filters() -> rx.Component:
    number = {"type": "number", "min": "0", "input_mode": "numeric"}
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["filters"]), size="4", as_="h2"),
            _input(translated(COPY["city"]), "city", S.city, placeholder=_("Any city"), max_length=80),
            _select(translated(COPY["category"]), "category", S.category, categories()),
            _select(translated(COPY["platform"]), "platform", S.platform, platforms()),
            _select(translated(COPY["tier"]), "tier", S.tier, tiers()),
            _select(translated(COPY["rating"]), "rating_min", S.rating_min, ratings()),
            _range(translated(COPY["followers"]), "followers_min", "followers_max", S.followers_min, S.followers_max, **number),
            _range(translated(COPY["engagement"]), "engagement_min", "engagement_max", S.engagement_min, S.engagement_max,
                   step="0.1", **{k: v for k, v in number.items() if k != "input_mode"}),
            _switch(translated(COPY["verified"]), "verified_only", S.verified_only),
            _switch(translated(COPY["available"]), "available_only", S.available_only),
            rx.button(rx.icon("sliders-horizontal", size=16), translated(COPY["apply"]), type="submit", size="3", width="100%"),
            rx.cond(S.filtering, rx.link(translated(COPY["clear"]), href=ROUTE, size="2", align_self="center")),
            spacing="4", width="100%",
        ),
        size="2", width="100%",
    )


def _search_bar() -> rx.Component:
    return rx.vstack(
        _label(translated(COPY["search_label"]), "creator-q"),
        rx.hstack(
            rx.input(rx.input.slot(rx.icon("search", size=16)), id="creator-q", name="q", type="search",
                     default_value=S.q, placeholder=translated(COPY["search_placeholder"]), max_length=100, size="3", width="100%"),
            rx.button(translated(COPY["search"]), type="submit", size="3"),
            spacing="2", width="100%",
        ),
        field_error(S.field_errors.get("q", "")),
        spacing="1", width="100%",
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.text(counted_phrase("{n} creator", "{n} creators", S.total, S.total_text), size="2", color_scheme="gray", data_testid="creator-count"),
        rx.spacer(),
        save_search_button("CREATORS"),
        rx.hstack(
            _label(translated(COPY["sort"]), "creator-sort"),
            rx.select.root(
                rx.select.trigger(id="creator-sort", variant="ghost"),
                rx.select.content(*[rx.select.item(text, value=key) for key, text in sort_options()]),
                value=S.sort, on_change=S.set_sort, size="2",
            ),
            align="center", spacing="2",
        ),
        align="center", spacing="3", width="100%", wrap="wrap",
    )


def _result(creator) -> rx.Component:
    return rx.vstack(creator_card(creator),
                     rx.cond(S.can_invite, rx.box(invite_button(creator.username, creator.name, size="1"),
                                                  align_self="end")),
                     spacing="2")


def _results() -> rx.Component:
    return rx.cond(
        S.loading,
        rx.center(rx.spinner(size="3"), padding="3rem", width="100%"),
        rx.cond(
            S.total > 0,
            rx.vstack(
                rx.grid(rx.foreach(S.creators, _result), columns=rx.breakpoints(initial="1", sm="2"),
                        spacing="4", width="100%"),
                pager(S.page, S.pages, S.page_base, translated(COPY["pages"]), pages_text=S.pages_text),
                width="100%", spacing="0",
            ),
            empty_state("search-x", translated(COPY["none_title"]), translated(COPY["none_text"]),
                        nav_button(rx.icon("rotate-ccw", size=16), translated(COPY["clear"]), href=ROUTE), data_testid="no-creators"),
        ),
    )


def find_creators_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
            spacing="2", margin_bottom="1.5rem",
        ),
        rx.form(
            rx.grid(
                _filters(),
                rx.vstack(_search_bar(), form_error(S.error), invite_notice(),
                          rx.cond(S.url_problem != "", rx.callout(S.url_problem, icon="info", color_scheme="amber")),
                          _toolbar(), _results(), spacing="4", width="100%"),
                columns=rx.breakpoints(initial="1", md="260px minmax(0, 1fr)"), spacing="5", width="100%",
                align_items="start",
            ),
            key=S.form_key, on_submit=S.apply_filters, reset_on_submit=False, width="100%",
        ),
        invite_dialog(),  # outside the search form: its own form must not nest in it
    )
