"""/offers/[offer_id]: the public page of one active offer. Anyone may read it; applying comes later."""

import reflex as rx

from influfinder.components.badges import compensation_badge, platform_badge, tier_badge, visit_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.layout import link_button, page
from influfinder.state.offers import OfferDetailState

ROUTE = "/offers/[offer_id]"
ALL_OFFERS = "All offers"
BY = "by "
ABOUT = "About this offer"
CONTENT = "What to create"
FORMATS = "Formats"
PLATFORMS = "Platforms"
HASHTAGS = "Required hashtags"
MENTIONS = "Required mentions"
NONE_REQUIRED = "None required"
WHO = "Who can apply"
WHO_NOTE = "Creators qualify through either audience: as an influencer or as a regular creator."
INFLUENCERS = "Influencers"
REGULAR = "Regular creators"
MIN_FOLLOWERS = "Minimum followers"
MIN_ENGAGEMENT = "Minimum engagement"
VERIFIED = "Verified account"
REQUIRED, NOT_REQUIRED = "Required", "Not required"
MIN_TIER = "Minimum tier"
WHERE = "Where"
VISIT_NOTE = "An in-person visit. The business confirms it with a one-time code on the day."
BUDGET = "Budget"
COMPENSATION = "Compensation"
WORTH = "Worth "
APPLY_BY = "Apply by"
CONTENT_DUE = "Content due"
SLOTS = "Creators wanted"
APPLY = "Apply"
APPLY_NOTE = "Log in as a creator to apply"
NOT_FOUND_TITLE = "Offer not found"
NOT_FOUND_TEXT = "This offer may have closed or been paused, or the link may be mistyped."
BROWSE = "Browse offers"

_O = OfferDetailState.offer


def _section(title: str, *children, **props) -> rx.Component:
    return rx.vstack(rx.heading(title, size="5", as_="h2"), *children, spacing="3", width="100%", **props)


def _chips(items, empty: str) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.hstack(rx.foreach(items, lambda item: rx.el.span(item, class_name="chip")), spacing="2", wrap="wrap"),
        rx.text(empty, size="2", color_scheme="gray"),
    )


def _labelled(label: str, value: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", weight="medium", color_scheme="gray"), value, spacing="1")


def _heading_block() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), ALL_OFFERS, align="center", spacing="1"),
                href="/offers", size="2", color_scheme="gray", underline="hover"),
        # Narrow screens show the cover here; wide ones show it on top of the terms card.
        rx.image(src=_O.cover, alt="", class_name="cover", height="140px", border_radius="var(--radius-5)",
                 margin_top="0.5rem", display=rx.breakpoints(initial="block", md="none")),
        rx.hstack(
            rx.badge(_O.category, variant="soft", size="2"),
            rx.cond(_O.requires_visit, visit_badge(size="2")),
            rx.cond(_O.min_tier > 0, tier_badge(_O.min_tier, suffix="+", size="2")),
            spacing="2", wrap="wrap", margin_top="0.5rem",
        ),
        rx.heading(_O.title, size=rx.breakpoints(initial="7", sm="8"), as_="h1"),
        rx.text(BY, rx.text.strong(_O.brand), " · ", _O.city, size="3", color_scheme="gray"),
        spacing="3",
        width="100%",
    )


def _content_specs() -> rx.Component:
    return _section(
        CONTENT,
        rx.grid(
            _labelled(FORMATS, rx.hstack(rx.foreach(_O.formats, lambda f: rx.badge(f, variant="outline", size="2")),
                                         spacing="2", wrap="wrap")),
            _labelled(PLATFORMS, rx.hstack(rx.foreach(_O.platforms, lambda p: platform_badge(p, size="2")),
                                           spacing="2", wrap="wrap")),
            _labelled(HASHTAGS, _chips(_O.hashtags, NONE_REQUIRED)),
            _labelled(MENTIONS, _chips(_O.mentions, NONE_REQUIRED)),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="5",
            width="100%",
        ),
    )


def _audience(title: str, icon: str, *rows: rx.Component) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.icon(icon, size=18, color=rx.color("accent", 11)), rx.heading(title, size="3", as_="h3"),
                      align="center", spacing="2"),
            rx.data_list.root(*rows, orientation="horizontal", size="2"),
            spacing="3",
        ),
        size="2",
    )


def _row(label: str, value) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label), rx.data_list.value(value, class_name="tabular"))


def _requirements() -> rx.Component:
    verified = rx.cond(_O.influencer_verified, rx.badge(rx.icon("badge-check", size=12), REQUIRED, color_scheme="blue"),
                       rx.text(NOT_REQUIRED))
    return _section(
        WHO,
        rx.text(WHO_NOTE, size="2", color_scheme="gray"),
        rx.grid(
            _audience(INFLUENCERS, "star", _row(MIN_FOLLOWERS, _O.influencer_followers),
                      _row(MIN_ENGAGEMENT, _O.influencer_engagement), _row(VERIFIED, verified)),
            _audience(REGULAR, "users", _row(MIN_FOLLOWERS, _O.regular_followers),
                      _row(MIN_ENGAGEMENT, _O.regular_engagement)),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
    )


def _where() -> rx.Component:
    return _section(
        WHERE,
        rx.card(
            rx.hstack(
                rx.box(rx.icon("map-pin", size=20), class_name="step-icon", flex_shrink="0"),
                rx.vstack(rx.text(_O.address, weight="medium"), rx.text(VISIT_NOTE, size="2", color_scheme="gray"),
                          spacing="1"),
                align="center",
                spacing="4",
            ),
            size="2",
            width="100%",
        ),
    )


def _sidebar() -> rx.Component:
    return rx.card(
        rx.inset(rx.image(src=_O.cover, alt="", class_name="cover", height="130px"), side="top", pb="current",
                 display=rx.breakpoints(initial="none", md="block")),
        rx.vstack(
            _labelled(BUDGET, rx.hstack(rx.text(_O.budget, size="7", weight="bold", class_name="tabular"),
                                        rx.text(_O.currency, size="2", color_scheme="gray"),
                                        align="baseline", spacing="2")),
            _labelled(COMPENSATION, rx.vstack(
                compensation_badge(_O.compensation, size="2"),
                rx.text(_O.compensation_details, size="2"),
                rx.cond(_O.compensation_value != "", rx.text(WORTH, _O.compensation_value, size="2", color_scheme="gray")),
                spacing="2",
            )),
            rx.separator(size="4"),
            rx.data_list.root(
                _row(APPLY_BY, _O.application_deadline),
                _row(CONTENT_DUE, _O.content_deadline),
                _row(SLOTS, _O.slots),
                rx.data_list.item(rx.data_list.label(MIN_TIER), rx.data_list.value(tier_badge(_O.min_tier))),
                orientation="horizontal",
                size="2",
            ),
            rx.button(APPLY, size="3", width="100%", disabled=True, aria_describedby="apply-note"),
            rx.text(APPLY_NOTE, id="apply-note", size="2", color_scheme="gray", text_align="center", width="100%"),
            spacing="4",
        ),
        size="3",
        class_name="sticky-aside",
    )


def _detail() -> rx.Component:
    return rx.vstack(
        _heading_block(),
        rx.grid(
            rx.vstack(
                _section(ABOUT, rx.text(_O.description, size="3", style={"whiteSpace": "pre-line"})),
                _content_specs(),
                _requirements(),
                rx.cond(_O.requires_visit, _where()),
                spacing="7",
                width="100%",
            ),
            # On narrow screens the terms and the Apply button come right after the title.
            rx.box(_sidebar(), order=rx.breakpoints(initial="-1", md="0")),
            columns=rx.breakpoints(initial="1", md="3fr 2fr", lg="2fr 1fr"),
            spacing="7",
            width="100%",
            margin_top="1.5rem",
        ),
        width="100%",
        data_testid="offer-detail",
    )


def _loading() -> rx.Component:
    return rx.vstack(
        rx.skeleton(height="240px", width="100%", border_radius="var(--radius-5)"),
        rx.skeleton(rx.heading("An offer title is loading", size="8")),
        rx.skeleton(rx.text("Brand and city"), width="30%"),
        rx.skeleton(height="160px", width="100%"),
        spacing="4",
        width="100%",
        aria_busy="true",
    )


def offer_detail_page() -> rx.Component:
    return page(
        rx.cond(
            OfferDetailState.loading,
            _loading(),
            rx.cond(
                OfferDetailState.found,
                _detail(),
                empty_state("search-x", NOT_FOUND_TITLE, NOT_FOUND_TEXT, link_button(BROWSE, href="/offers"),
                            data_testid="offer-not-found"),
            ),
        ),
    )
