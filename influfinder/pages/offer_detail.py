"""/offers/[offer_id]: one open offer with everything a creator needs to decide, and applying to it."""

import reflex as rx

from influfinder.components.badges import (
    compensation_badge, early_access_badge, platform_badge, reputation_badges, tier_badge, visit_badge,
)
from influfinder.components.empty_state import empty_state
from influfinder.components.layout import link_button, page
from influfinder.components.list_nav import nav_button
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.offer_apply_dialog import apply_dialog
from influfinder.state.offer_detail import FitRow, OfferDetailState

ROUTE = "/offers/[offer_id]"
ALL_OFFERS = N_("All offers")
BY = N_("by ")
ABOUT = N_("About this offer")
CONTENT = N_("What to create")
FORMATS = N_("Formats")
PLATFORMS = N_("Platforms")
HASHTAGS = N_("Required hashtags")
MENTIONS = N_("Required mentions")
NONE_REQUIRED = N_("None required")
WHO = N_("Who can apply")
WHO_NOTE = N_("Creators qualify through either audience: as an influencer or as a regular creator.")
INFLUENCERS = N_("Influencers")
REGULAR = N_("Regular creators")
MIN_FOLLOWERS = N_("Minimum followers")
MIN_ENGAGEMENT = N_("Minimum engagement")
VERIFIED = N_("Verified figures")
REQUIRED, NOT_REQUIRED = N_("Required"), N_("Not required")
MIN_TIER = N_("Minimum tier")
WHERE = N_("Where")
VISIT_NOTE = N_("An in-person visit. The business confirms it with a one-time code on the day.")
BUDGET = N_("Budget")
COMPENSATION = N_("Compensation")
WORTH = N_("Worth ")
APPLY_BY = N_("Apply by")
CONTENT_DUE = N_("Content due")
SLOTS = N_("Creators wanted")
APPLY = N_("Apply")
APPLY_NOTE = N_("Log in as a creator to apply")
NOT_FOUND_TITLE = N_("Offer not found")
NOT_FOUND_TEXT = N_("This offer may have closed or been paused, or the link may be mistyped.")
BROWSE = N_("Browse offers")
COPY = {
    "log_in": N_("Log in"),
    "sign_up": N_("Sign up"),
    "why_not": N_("Why you cannot apply"),
    "not_creator": N_("Only creators can apply to offers."),
    "numbers": N_("See this offer's numbers"),
    "your_application": N_("View your application"),
    "fit": N_("Your fit"),
    "fit_met": N_(" of "),
    "fit_met_end": N_(" requirements met"),
    "fit_anonymous": N_("Log in as a creator to see, requirement by requirement, how your profile fits this offer."),
    "met": N_("Met"),
    "unmet": N_("Not met"),
    "business": N_("About the business"),
    "rating": N_(" rating"),
    "ratings": N_(" ratings"),
    "no_ratings": N_("No ratings yet"),
    "completed_one": N_(" completed collaboration"),
    "completed": N_(" completed collaborations"),
    "already": N_("You applied to this offer."),
    "since": N_("On Influfinder since "),
}

S = OfferDetailState
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
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), translated(ALL_OFFERS), align="center", spacing="1"),
                href=page_href("/offers"), size="2", color_scheme="gray", underline="hover"),
        # Narrow screens show the cover here; wide ones show it on top of the terms card.
        rx.image(src=_O.cover, alt="", class_name="cover", height="140px", border_radius="var(--radius-5)",
                 margin_top="0.5rem", display=rx.breakpoints(initial="block", md="none")),
        rx.hstack(
            rx.badge(_O.category, variant="soft", size="2"),
            rx.cond(_O.requires_visit, visit_badge(size="2")),
            rx.cond(_O.early_access, early_access_badge(size="2")),
            rx.cond(_O.min_tier > 0, tier_badge(_O.min_tier, suffix="+", size="2")),
            spacing="2", wrap="wrap", margin_top="0.5rem",
        ),
        rx.heading(_O.title, size=rx.breakpoints(initial="7", sm="8"), as_="h1"),
        rx.text(translated(BY), rx.text.strong(_O.brand), " · ", _O.city, size="3", color_scheme="gray"),
        spacing="3",
        width="100%",
    )


def _content_specs() -> rx.Component:
    return _section(
        translated(CONTENT),
        rx.grid(
            _labelled(translated(FORMATS), rx.hstack(rx.foreach(_O.formats, lambda f: rx.badge(f, variant="outline", size="2")),
                                         spacing="2", wrap="wrap")),
            _labelled(translated(PLATFORMS), rx.hstack(rx.foreach(_O.platforms, lambda p: platform_badge(p, size="2")),
                                           spacing="2", wrap="wrap")),
            _labelled(translated(HASHTAGS), _chips(_O.hashtags, translated(NONE_REQUIRED))),
            _labelled(translated(MENTIONS), _chips(_O.mentions, translated(NONE_REQUIRED))),
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
    verified = rx.cond(_O.influencer_verified, rx.badge(rx.icon("badge-check", size=12), translated(REQUIRED), color_scheme="blue"),
                       rx.text(translated(NOT_REQUIRED)))
    return _section(
        translated(WHO),
        rx.text(translated(WHO_NOTE), size="2", color_scheme="gray"),
        rx.grid(
            _audience(translated(INFLUENCERS), "star", _row(translated(MIN_FOLLOWERS), _O.influencer_followers),
                      _row(translated(MIN_ENGAGEMENT), _O.influencer_engagement), _row(translated(VERIFIED), verified)),
            _audience(translated(REGULAR), "users", _row(translated(MIN_FOLLOWERS), _O.regular_followers),
                      _row(translated(MIN_ENGAGEMENT), _O.regular_engagement)),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
    )


def _where() -> rx.Component:
    return _section(
        translated(WHERE),
        rx.card(
            rx.hstack(
                rx.box(rx.icon("map-pin", size=20), class_name="step-icon", flex_shrink="0"),
                rx.vstack(rx.text(_O.address, weight="medium"), rx.text(translated(VISIT_NOTE), size="2", color_scheme="gray"),
                          spacing="1"),
                align="center",
                spacing="4",
            ),
            size="2",
            width="100%",
        ),
    )


def _reason(text) -> rx.Component:
    return rx.hstack(rx.icon("circle-alert", size=16, color=rx.color("amber", 11), flex_shrink="0", margin_top="2px"),
                     rx.text(text, size="2"), spacing="2", align="start")


def _apply_for_creator() -> rx.Component:
    return rx.cond(
        S.can_apply,
        rx.button(rx.icon("send", size=16), translated(APPLY), size="3", width="100%", on_click=S.set_apply_open(True),
                  data_testid="apply-button"),
        rx.vstack(
            rx.button(translated(APPLY), size="3", width="100%", disabled=True, aria_describedby="apply-reasons",
                      data_testid="apply-button"),
            rx.cond(
                S.application_id != "",
                # Already applied: the one thing to say, and the way to the application.
                rx.vstack(
                    rx.callout(translated(COPY["already"]), icon="circle-check", color_scheme="grass", size="1", width="100%",
                               id="apply-reasons", data_testid="apply-reasons"),
                    nav_button(rx.icon("file-text", size=16), translated(COPY["your_application"]),
                               href=page_href("/applications/") + S.application_id, variant="soft", size="2", width="100%"),
                    spacing="2", width="100%",
                ),
                rx.vstack(
                    rx.text(translated(COPY["why_not"]), size="1", weight="bold", color_scheme="gray"),
                    rx.foreach(S.reasons, _reason),
                    id="apply-reasons", spacing="2", width="100%", data_testid="apply-reasons",
                ),
            ),
            spacing="3", width="100%",
        ),
    )


def _apply_for_others() -> rx.Component:
    anonymous = S.viewer == "anonymous"
    return rx.vstack(
        rx.button(translated(APPLY), size="3", width="100%", disabled=True, aria_describedby="apply-note",
                  data_testid="apply-button"),
        rx.text(rx.cond(anonymous, translated(APPLY_NOTE), translated(COPY["not_creator"])), id="apply-note", size="2", color_scheme="gray",
                text_align="center", width="100%"),
        rx.cond(S.mine, link_button(rx.icon("chart-line", size=16), translated(COPY["numbers"]),
                                    href="/my-offers/" + S.offer.id + "/metrics", variant="soft", size="2",
                                    width="100%")),
        rx.cond(anonymous, rx.hstack(
            link_button(translated(COPY["log_in"]), href=S.login_href, variant="soft", size="2", flex="1"),
            link_button(translated(COPY["sign_up"]), href=page_href("/signup"), variant="outline", size="2", flex="1"),
            spacing="2", width="100%",
        )),
        spacing="2", width="100%",
    )


def _sidebar() -> rx.Component:
    return rx.card(
        rx.inset(rx.image(src=_O.cover, alt="", class_name="cover", height="130px"), side="top", pb="current",
                 display=rx.breakpoints(initial="none", md="block")),
        rx.vstack(
            _labelled(translated(BUDGET), rx.hstack(rx.text(_O.budget, size="7", weight="bold", class_name="tabular"),
                                        rx.text(_O.currency, size="2", color_scheme="gray"),
                                        align="baseline", spacing="2")),
            _labelled(translated(COMPENSATION), rx.vstack(
                compensation_badge(_O.compensation_type, _O.compensation, size="2"),
                rx.text(_O.compensation_details, size="2"),
                rx.cond(_O.compensation_value != "", rx.text(translated(WORTH), _O.compensation_value, size="2", color_scheme="gray")),
                spacing="2",
            )),
            rx.separator(size="4"),
            rx.data_list.root(
                _row(translated(APPLY_BY), _O.application_deadline),
                _row(translated(CONTENT_DUE), _O.content_deadline),
                _row(translated(SLOTS), _O.slots),
                rx.data_list.item(rx.data_list.label(translated(MIN_TIER)), rx.data_list.value(tier_badge(_O.min_tier))),
                orientation="horizontal",
                size="2",
            ),
            rx.cond(S.viewer == "creator", _apply_for_creator(), _apply_for_others()),
            spacing="4",
        ),
        size="3",
        class_name="sticky-aside",
    )


def _fit_row(row: FitRow) -> rx.Component:
    return rx.hstack(
        rx.cond(
            row.met,
            rx.icon("circle-check", size=20, color=rx.color("grass", 10), flex_shrink="0", aria_label=translated(COPY["met"])),
            rx.icon("circle-x", size=20, color=rx.color("red", 10), flex_shrink="0", aria_label=translated(COPY["unmet"])),
        ),
        rx.vstack(rx.text(row.label, size="2", weight="bold"), rx.text(row.detail, size="2", color_scheme="gray"),
                  spacing="0"),
        spacing="3", align="start", width="100%", data_testid="fit-row",
        data_met=rx.cond(row.met, "true", "false"),
    )


def _fit() -> rx.Component:
    creator_panel = rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(translated(COPY["fit"]), size="5", as_="h2"),
                rx.spacer(),
                rx.badge(S.fit_met, translated(COPY["fit_met"]), S.fit.length(), translated(COPY["fit_met_end"]), size="2", radius="full",
                         color_scheme=rx.cond(S.fit_met == S.fit.length(), "grass", "amber")),
                width="100%", align="center", wrap="wrap", spacing="2",
            ),
            rx.grid(rx.foreach(S.fit, _fit_row), columns=rx.breakpoints(initial="1", sm="2"), spacing="4",
                    width="100%"),
            spacing="4", width="100%",
        ),
        size="3", width="100%", data_testid="fit-panel",
    )
    anonymous_panel = rx.callout(
        translated(COPY["fit_anonymous"]), icon="user-check", color_scheme="violet", width="100%", data_testid="fit-login",
    )
    return rx.cond(
        S.viewer == "creator",
        rx.cond(S.fit.length() > 0, creator_panel),
        rx.cond(S.viewer == "anonymous", anonymous_panel),
    )


def _business() -> rx.Component:
    b = S.business
    rating = rx.cond(
        b.rating != "",
        rx.hstack(rx.icon("star", size=16, color=rx.color("amber", 10), fill=rx.color("amber", 9)),
                  rx.text(rx.text.strong(b.rating), " · ", b.rating_count,
                          rx.cond(b.rating_count == 1, translated(COPY["rating"]), translated(COPY["ratings"])), size="2"),
                  spacing="1", align="center"),
        rx.text(translated(COPY["no_ratings"]), size="2", color_scheme="gray"),
    )
    return _section(
        translated(COPY["business"]),
        rx.card(
            rx.flex(
                rx.avatar(fallback=b.initials, size="5", radius="large", variant="soft"),
                rx.vstack(
                    rx.hstack(rx.text(b.name, size="4", weight="bold"), reputation_badges(b.badges), spacing="2",
                              align="center", wrap="wrap"),
                    rx.hstack(rating,
                              rx.hstack(rx.icon("handshake", size=16),
                                        rx.text(b.completed, rx.cond(b.completed == 1, translated(COPY["completed_one"]),
                                                                     translated(COPY["completed"])), size="2"),
                                        spacing="1", align="center"),
                              spacing="4", wrap="wrap"),
                    rx.text(rx.cond(b.city != "", b.city + " · ", ""), translated(COPY["since"]), b.since, size="2",
                            color_scheme="gray"),
                    spacing="1",
                ),
                spacing="4", align="center",
            ),
            size="2", width="100%", data_testid="business-record",
        ),
    )


def _detail() -> rx.Component:
    return rx.vstack(
        _heading_block(),
        rx.grid(
            rx.vstack(
                _fit(),
                _section(translated(ABOUT), rx.text(_O.description, size="3", style={"whiteSpace": "pre-line"})),
                _content_specs(),
                _requirements(),
                rx.cond(_O.requires_visit, _where()),
                _business(),
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
        apply_dialog(),
        width="100%",
        data_testid="offer-detail",
    )


def _loading() -> rx.Component:
    return rx.vstack(
        rx.skeleton(height="240px", width="100%", border_radius="var(--radius-5)"),
        rx.skeleton(rx.heading(_("An offer title is loading"), size="8")),
        rx.skeleton(rx.text(_("Brand and city")), width="30%"),
        rx.skeleton(height="160px", width="100%"),
        spacing="4",
        width="100%",
        # A screen high, so the footer starts below the fold and does not jump when the offer arrives
        # (Lighthouse measured a layout shift of 0.09 on a phone before).
        min_height="100vh",
        aria_busy="true",
    )


def offer_detail_page() -> rx.Component:
    return page(
        rx.cond(
            S.loading,
            _loading(),
            rx.cond(
                S.found,
                _detail(),
                empty_state("search-x", translated(NOT_FOUND_TITLE), translated(NOT_FOUND_TEXT), link_button(translated(BROWSE), href=page_href("/offers")),
                            data_testid="offer-not-found"),
            ),
        ),
    )
