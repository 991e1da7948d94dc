"""/offers: Browse. Full-text search, filters and sort, 20 offers a page; the whole search lives in the URL."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error
from influfinder.components.layout import link_button, page
from influfinder.components.list_nav import nav_button, pager
from influfinder.components.offer_card import offer_card, offer_card_skeleton
from influfinder.components.phrases import counted_phrase, filled
from influfinder.components.recommendations import recommended_offers_panel
from influfinder.components.save_search import save_search_button
from influfinder.i18n import N_, _, ngettext, translated
from influfinder.i18n.routes import page_href
from influfinder.state.offers import (
    ANY, CATEGORIES, COMPENSATIONS, CURRENCIES, PLATFORMS, ROUTE, SORT_OPTIONS, FilterChip, OfferListState,
)

COPY = {
    "eyebrow": N_("Marketplace"),
    "title": N_("Offers"),
    "subtitle": N_("Open collaborations from cafés, studios and brands. Pick one that fits your audience."),
    "search_label": N_("Search offers"),
    "search_placeholder": N_("Try “brunch”, “skincare” or a brand name"),
    "search": N_("Search"),
    "filters": N_("Filters"),
    "show_filters": N_("Filters"),
    "category": N_("Category"),
    "platform": N_("Platform"),
    "city": N_("City"),
    "city_placeholder": N_("Any city"),
    "budget": N_("Budget"),
    "currency": N_("Currency"),
    "budget_min": N_("Minimum"),
    "budget_max": N_("Maximum"),
    "budget_hint": N_("Budgets compare in one currency: pick it first."),
    "compensation": N_("Compensation"),
    "within": N_("Applications closing within"),
    "days": N_(" days"),
    "any": N_("Any"),
    "qualified": N_("Only offers I qualify for"),
    "qualified_hint": N_("Your followers, engagement and tier meet the offer's requirements."),
    "apply": N_("Apply filters"),
    "clear": N_("Clear filters"),
    "clear_all": N_("Clear all"),
    "remove": N_("Remove filter: {filter}"),
    "active": N_("Active filters"),
    "sort": N_("Sort by"),
    "to": "–",
    "pages": N_("Pages of offers"),
    "url_title": N_("We adjusted this search"),
    "no_match_title": N_("No offers match"),
    "no_match_text": N_("Try other words or fewer filters. New offers are published every week."),
    "empty_title": N_("No open offers yet"),
    "empty_text": N_("New collaborations appear here as soon as businesses publish them. "
                  "Check back soon, or publish your own."),
    "create_offer": N_("Create offer"),
    "home": N_("Back to home"),
}
SKELETON_CARDS = 6
FORM_ID = "offer-search"

S = OfferListState


def _header() -> rx.Component:
    count = rx.cond(S.filtering,
                    counted_phrase("{n} matching offer", "{n} matching offers", S.total, shown=S.total_text),
                    counted_phrase("{n} open offer", "{n} open offers", S.total, shown=S.total_text))
    return rx.flex(
        rx.vstack(
            rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
            spacing="2",
        ),
        rx.spacer(),
        rx.cond(
            S.loading,
            rx.skeleton(rx.badge(ngettext("{n} open offer", "{n} open offers", 10).format(n="00"), size="3")),
            rx.badge(rx.icon("sparkles", size=14), count, size="3", variant="soft", radius="full",
                     aria_live="polite"),
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        align=rx.breakpoints(initial="start", sm="end"),
        spacing="4",
        margin_bottom="1.5rem",
    )


def _label(text: str, html_for: str) -> rx.Component:
    return rx.el.label(text, html_for=html_for, style={"fontWeight": "500", "fontSize": "0.875rem"})


def _select(label: str, name: str, value, options, *, any_label: str = translated(COPY["any"]), suffix: str = "",
            **props) -> rx.Component:
    """A labelled select whose "any" item means no filter; `options` are (value, label) pairs or a list var."""
    field_id = f"filter-{name}"
    if isinstance(options, list):
        items = [rx.select.item(translated(text) + suffix, value=key) for key, text in options]
    else:
        items = [rx.foreach(options, lambda key: rx.select.item(key + suffix, value=key))]
    return rx.vstack(
        _label(label, field_id),
        rx.select.root(
            rx.select.trigger(id=field_id, width="100%"),
            rx.select.content(rx.select.item(any_label, value=ANY), *items),
            name=name, default_value=value, size="2", **props,
        ),
        field_error(S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _input(label: str, name: str, value, **props) -> rx.Component:
    field_id = f"filter-{name}"
    return rx.vstack(
        _label(label, field_id),
        rx.input(id=field_id, name=name, default_value=value, size="2", width="100%",
                 aria_invalid=rx.cond(S.field_errors.contains(name), "true", "false"), **props),
        field_error(S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _budget() -> rx.Component:
    amount = {"type": "number", "min": "0", "step": "0.01", "input_mode": "decimal"}
    return rx.el.fieldset(
        rx.el.legend(translated(COPY["budget"]), style={"fontWeight": "600", "fontSize": "0.875rem", "marginBottom": "0.5rem"}),
        rx.vstack(
            _select(translated(COPY["currency"]), "currency", S.currency, CURRENCIES),
            rx.grid(
                _input(translated(COPY["budget_min"]), "budget_min", S.budget_min, placeholder="0", **amount),
                _input(translated(COPY["budget_max"]), "budget_max", S.budget_max, placeholder="∞", **amount),
                columns="2", spacing="2", width="100%",
            ),
            rx.text(translated(COPY["budget_hint"]), size="1", color_scheme="gray"),
            spacing="2", width="100%",
        ),
        style={"border": "none", "padding": "0", "margin": "0", "minWidth": "0"},
    )


def _qualified() -> rx.Component:
    return rx.cond(
        S.can_qualify,
        rx.vstack(
            rx.hstack(
                rx.switch(id="filter-qualified_only", name="qualified_only", default_checked=S.qualified_only,
                          value="on"),
                _label(translated(COPY["qualified"]), "filter-qualified_only"),
                spacing="2", align="center",
            ),
            rx.text(translated(COPY["qualified_hint"]), size="1", color_scheme="gray"),
            field_error(S.field_errors.get("qualified_only", "")),
            spacing="1", width="100%",
            padding="0.75rem", border_radius="var(--radius-3)", background=rx.color("accent", 2),
        ),
    )


def _filters() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["filters"]), size="4", as_="h2"),
            _qualified(),
            _select(translated(COPY["category"]), "category", S.category, CATEGORIES),
            _select(translated(COPY["platform"]), "platform", S.platform, PLATFORMS),
            _input(translated(COPY["city"]), "city", S.city, placeholder=translated(COPY["city_placeholder"]), max_length=80,
                   auto_complete="address-level2"),
            _select(translated(COPY["compensation"]), "compensation_type", S.compensation_type, COMPENSATIONS),
            _select(translated(COPY["within"]), "deadline_within_days", S.within, S.within_options, suffix=translated(COPY["days"])),
            rx.separator(size="4"),
            _budget(),
            rx.button(rx.icon("sliders-horizontal", size=16), translated(COPY["apply"]), type="submit", size="3", width="100%"),
            rx.cond(S.filtering, rx.link(translated(COPY["clear"]), href=ROUTE, size="2", align_self="center")),
            spacing="4", width="100%",
        ),
        size="2", width="100%",
    )


def _search_bar() -> rx.Component:
    return rx.vstack(
        _label(translated(COPY["search_label"]), "filter-q"),
        rx.flex(
            rx.input(
                rx.input.slot(rx.icon("search", size=16)),
                id="filter-q", name="q", type="search", default_value=S.q, placeholder=translated(COPY["search_placeholder"]),
                max_length=100, size="3", width="100%", enter_key_hint="search",
            ),
            rx.hstack(
                rx.button(translated(COPY["search"]), type="submit", size="3"),
                rx.button(
                    rx.icon("sliders-horizontal", size=16), translated(COPY["show_filters"]),
                    rx.cond(S.filtering, rx.badge(S.chips.length(), radius="full", size="1")),
                    type="button", size="3", variant="soft", on_click=S.toggle_filters,
                    aria_expanded=rx.cond(S.filters_open, "true", "false"), aria_controls="offer-filters",
                    display=rx.breakpoints(initial="inline-flex", md="none"),
                ),
                spacing="2",
            ),
            direction=rx.breakpoints(initial="column", xs="row"),
            spacing="2", width="100%",
        ),
        field_error(S.field_errors.get("q", "")),
        spacing="1", width="100%",
    )


def _chip(chip: FilterChip) -> rx.Component:
    return rx.link(
        rx.badge(chip.label, rx.icon("x", size=12), size="2", variant="soft", radius="full"),
        href=chip.href, underline="none", aria_label=translated(COPY["remove"]).format(filter="") + chip.label,
    )


def _chips() -> rx.Component:
    return rx.cond(
        S.filtering,
        rx.hstack(
            rx.text(translated(COPY["active"]), size="1", color_scheme="gray", weight="medium"),
            rx.foreach(S.chips, _chip),
            rx.link(translated(COPY["clear_all"]), href=ROUTE, size="1", color_scheme="gray"),
            spacing="2", wrap="wrap", align="center", width="100%", data_testid="active-filters",
        ),
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.cond(
            S.loading,
            rx.skeleton(rx.text(_("Showing {first}–{last} of {total}").format(first=1, last=20, total=100), size="2")),
            rx.cond(S.total > 0, rx.text(*filled(_("Showing {first}–{last} of {total}"), first=S.first_shown,
                                                 last=S.last_shown, total=S.total_text),
                                         size="2", color_scheme="gray", class_name="tabular")),
        ),
        rx.spacer(),
        rx.cond(S.can_qualify, save_search_button("OFFERS")),  # creators save a search (issue 13)
        rx.hstack(
            _label(translated(COPY["sort"]), "offer-sort"),
            rx.select.root(
                rx.select.trigger(id="offer-sort", variant="ghost"),
                rx.select.content(*[rx.select.item(translated(text), value=key) for key, text in SORT_OPTIONS]),
                value=S.sort, on_change=S.set_sort, size="2",
            ),
            align="center", spacing="2",
        ),
        align="center", spacing="3", width="100%", wrap="wrap",
    )


def _grid(*children) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2", lg="3"), spacing="5", width="100%")


def _results() -> rx.Component:
    return rx.cond(
        S.loading,
        rx.box(_grid(*[offer_card_skeleton() for _ in range(SKELETON_CARDS)]), aria_busy="true", width="100%"),
        rx.cond(
            S.total > 0,
            rx.vstack(_grid(rx.foreach(S.offers, lambda offer, index: offer_card(offer, index))),
                      pager(S.page, S.pages, S.page_base, translated(COPY["pages"]), pages_text=S.pages_text),
                      width="100%", spacing="0"),
            rx.cond(
                S.filtering,
                empty_state("search-x", translated(COPY["no_match_title"]), translated(COPY["no_match_text"]),
                            nav_button(rx.icon("rotate-ccw", size=16), translated(COPY["clear"]), href=ROUTE),
                            data_testid="no-offers"),
                empty_state("inbox", translated(COPY["empty_title"]), translated(COPY["empty_text"]),
                            link_button(translated(COPY["create_offer"]), href=page_href("/signup")),
                            link_button(translated(COPY["home"]), href=page_href("/"), variant="soft"), data_testid="no-offers"),
            ),
        ),
    )


def _problems() -> rx.Component:
    return rx.fragment(
        form_error(S.error),
        rx.cond(
            S.url_problem != "",
            rx.callout(S.url_problem, icon="info", color_scheme="amber", width="100%", role="status",
                       data_testid="url-problem"),
        ),
    )


def offers_page() -> rx.Component:
    # One form holds the search box and the filters; on wide screens the filters sit in a column
    # beside the search box and results, on narrow ones they fold between the two.
    wide = {"initial": "auto"}  # Radix breakpoints: md is 1024 px and up
    return page(
        _header(),
        rx.cond(~S.filtering & (S.page == 1), recommended_offers_panel()),  # creators only, Browse as it opens
        rx.form(
            rx.grid(
                # Narrow screens fold the filters behind a button; wide ones always show them beside the results.
                rx.box(_filters(), order=rx.breakpoints(initial="1", md="0"), width="100%", id="offer-filters",
                       display=rx.breakpoints(initial=rx.cond(S.filters_open, "block", "none"), md="block"),
                       grid_row=rx.breakpoints(**wide, md="1 / span 2"), grid_column=rx.breakpoints(**wide, md="1")),
                rx.box(_search_bar(), order="0", width="100%",
                       grid_row=rx.breakpoints(**wide, md="1"), grid_column=rx.breakpoints(**wide, md="2")),
                rx.vstack(_problems(), _chips(), _toolbar(), _results(), spacing="4", width="100%", order="2",
                          grid_row=rx.breakpoints(**wide, md="2"), grid_column=rx.breakpoints(**wide, md="2")),
                columns=rx.breakpoints(initial="1", md="248px minmax(0, 1fr)"),
                rows=rx.breakpoints(initial="none", md="auto 1fr"),
                spacing="5", width="100%", align_items="start",
            ),
            id=FORM_ID, key=S.form_key, on_submit=S.apply_filters, reset_on_submit=False, width="100%",
        ),
    )
