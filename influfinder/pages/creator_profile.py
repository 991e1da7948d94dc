"""/creators/[username]: a creator's public media kit, shareable, with Open Graph tags."""

import reflex as rx

from influfinder.components.phrases import filled
from influfinder.i18n import N_, translated
from influfinder.components.badges import reputation_badges, tier_badge
from influfinder.components.creator_card import audience_figure, rating_line
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import notice, post_form
from influfinder.components.invite_dialog import invite_button, invite_dialog, invite_notice
from influfinder.components.layout import page
from influfinder.components.portfolio import portfolio_section
from influfinder.components.list_nav import nav_button
from influfinder.state.creator_profile import CreatorProfileState, ReviewView
from influfinder.i18n.routes import page_href

ROUTE = "/creators/[username]"
COPY = {
    "not_found_title": N_("Creator not found"), "not_found_text": N_("This profile does not exist or is no longer public."),
    "find": N_("Find creators"), "audience": N_("Audience"), "about": N_("About"), "reviews": N_("Reviews from businesses"),
    "no_reviews": N_("No reviews yet."), "completed": N_("Completed collaborations"), "since": N_("Member since {date}"),
    "yours": N_("Your public profile"), "hidden": N_("Hide my profile from Find creators"),
    "hidden_hint": N_("Businesses will not find you by searching; this link still works for people you share it with."),
    "available": N_("I am available for new collaborations"), "save": N_("Save"), "not_available": N_("Not taking new work"),
    "share": N_("Share this profile: {link}"),
}
S = CreatorProfileState


def _meta() -> rx.Component:
    # React 19 moves these into <head>: link previews that run scripts show the creator, not the site.
    return rx.fragment(
        rx.el.meta(property="og:type", content="profile"),
        rx.el.meta(property="og:title", content=S.creator.name + " (@" + S.creator.username + ") | Influfinder"),
        rx.el.meta(property="og:description", content=S.og_description),
        rx.el.meta(name="description", content=S.og_description),
        rx.el.meta(property="profile:username", content=S.creator.username),
        rx.el.meta(name="twitter:card", content="summary"),
    )


def _header() -> rx.Component:
    return rx.flex(
        rx.hstack(
            rx.avatar(fallback=S.creator.initials, size="6", radius="full"),
            rx.vstack(
                rx.heading(S.creator.name, size="8", as_="h1"),
                rx.hstack(rx.text("@", S.creator.username, color_scheme="gray"), tier_badge(S.creator.tier_level, size="2"),
                          reputation_badges(S.badges),
                          rx.cond(S.creator.city != "", rx.hstack(rx.icon("map-pin", size=14), rx.text(S.creator.city),
                                                                  spacing="1", align="center")),
                          spacing="3", align="center", wrap="wrap"),
                rx.hstack(rx.foreach(S.creator.categories, lambda c: rx.badge(c, variant="soft")), spacing="1",
                          wrap="wrap"),
                spacing="2",
            ),
            spacing="4", align="center",
        ),
        rx.spacer(),
        rx.cond(S.can_invite, invite_button(S.creator.username, S.creator.name)),
        direction=rx.breakpoints(initial="column", sm="row"), spacing="4", width="100%",
    )


def _stats() -> rx.Component:
    return rx.hstack(
        rating_line(S.creator),
        rx.text(translated(COPY["completed"]), ": ", rx.text.strong(S.creator.completed), size="2"),
        rx.text(*filled(translated(COPY["since"]), date=S.since), size="2", color_scheme="gray"),
        rx.cond(~S.creator.available, rx.badge(translated(COPY["not_available"]), color_scheme="gray", variant="soft")),
        spacing="4", wrap="wrap", align="center",
    )


def _review(review: ReviewView) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text.strong(review.business), rx.text("★ ", review.stars, size="2"),
                  rx.text(review.offer_title, " · ", review.on, size="1", color_scheme="gray"), spacing="2",
                  align="center", wrap="wrap"),
        rx.cond(review.text != "", rx.text(review.text, size="2")),
        spacing="1", width="100%",
    )


def _own_switches() -> rx.Component:
    return rx.card(
        post_form(
            rx.vstack(
                rx.heading(translated(COPY["yours"]), size="4", as_="h2"),
                rx.hstack(rx.switch(id="profile-hidden", name="hidden_from_search", default_checked=S.hidden_from_search,
                                    value="on"),
                          rx.el.label(translated(COPY["hidden"]), html_for="profile-hidden"), spacing="2", align="center"),
                rx.text(translated(COPY["hidden_hint"]), size="1", color_scheme="gray"),
                rx.hstack(rx.switch(id="profile-available", name="available", default_checked=S.creator.available,
                                    value="on"),
                          rx.el.label(translated(COPY["available"]), html_for="profile-available"), spacing="2", align="center"),
                rx.button(translated(COPY["save"]), type="submit", size="2", variant="soft"),
                spacing="2",
            ),
            on_submit=S.save_visibility, reset_on_submit=False,
        ),
        width="100%",
    )


def _profile() -> rx.Component:
    return rx.vstack(
        _meta(),
        _header(),
        invite_dialog(),
        invite_notice(),
        notice(S.notice),
        _stats(),
        rx.text(*filled(translated(COPY["share"]), link=rx.link(S.share_url, href=S.share_url, data_testid="share-link")), size="2",
                color_scheme="gray"),
        rx.cond(S.is_own, _own_switches()),
        rx.grid(
            rx.card(rx.vstack(rx.heading(translated(COPY["audience"]), size="4", as_="h2"),
                              rx.foreach(S.creator.figures, audience_figure), spacing="3"), width="100%"),
            rx.card(rx.vstack(rx.heading(translated(COPY["about"]), size="4", as_="h2"), rx.text(S.creator.bio, size="3"),
                              spacing="3"), width="100%"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
        ),
        portfolio_section(),
        rx.card(
            rx.vstack(
                rx.heading(translated(COPY["reviews"]), size="4", as_="h2"),
                rx.cond(S.reviews.length() > 0, rx.vstack(rx.foreach(S.reviews, _review), spacing="3", width="100%"),
                        rx.text(translated(COPY["no_reviews"]), color_scheme="gray")),
                spacing="3", width="100%",
            ),
            width="100%",
        ),
        spacing="5", width="100%", max_width="960px", margin_x="auto", data_testid="creator-profile",
    )


def creator_profile_page() -> rx.Component:
    return page(
        rx.cond(
            S.loading,
            rx.center(rx.spinner(size="3"), padding="4rem", width="100%"),
            rx.cond(S.found, _profile(),
                    empty_state("user-x", translated(COPY["not_found_title"]), translated(COPY["not_found_text"]),
                                nav_button(translated(COPY["find"]), href=page_href("/creators")))),
        ),
    )
