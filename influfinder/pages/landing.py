"""/: what Influfinder is, for creators and for businesses, and how trust is built."""

import reflex as rx

from influfinder.components.badges import TIER_COLORS, platform_badge, tier_badge
from influfinder.components.layout import link_button, page
from influfinder.components.phrases import filled
from influfinder.domain.enums import Tier
from influfinder.domain.tiers import completions_for
from influfinder.i18n import N_, _, ngettext, translated
from influfinder.i18n.routes import page_href

EYEBROW = N_("The creator marketplace for local brands")
HEADLINE = N_("Real collaborations between creators and {highlight}")
HEADLINE_HIGHLIGHT = N_("the places they love")
INTRO = N_("Businesses publish offers. Creators apply, visit, publish and get paid. Every piece of content is "
           "checked before approval, and every collaboration builds your reputation.")
BROWSE = N_("Browse offers")
SIGN_UP = N_("Sign up")
CREATE_OFFER = N_("Create offer")
HERO_POINTS = (N_("Free for creators"), N_("AI-checked content"), N_("Verified visits"))

AUDIENCE_TITLE = N_("One marketplace, two sides")
AUDIENCE_TEXT = N_("Whether you make the content or run the place, Influfinder keeps the whole collaboration in one spot.")
CREATORS = ("sparkles", N_("For creators"), N_("Get invited to the places you already love."), (
    N_("Offers from cafés, studios and brands near you"),
    N_("See at a glance whether you qualify"),
    N_("Grow from Newbie to Legend with every collaboration"),
), SIGN_UP, "/signup")
BUSINESSES = ("store", N_("For businesses and agencies"), N_("Reach local creators who actually show up."), (
    N_("Publish an offer in minutes"),
    N_("Review applicants with their reach, rating and tier"),
    N_("AI checks hashtags, mentions and disclosure before you approve"),
), CREATE_OFFER, "/signup")

HOW_TITLE = N_("How it works")
HOW_TEXT = N_("Four steps from offer to published content, with both sides kept in the loop.")
STEPS = (
    ("search", N_("Apply"), N_("Pick an offer that fits your audience and tell the business why you're a match.")),
    ("calendar-check", N_("Visit"), N_("Schedule the visit. The business confirms you came with a one-time code.")),
    ("camera", N_("Publish"), N_("Post your content and submit the links for an instant compliance check.")),
    ("star", N_("Rate"), N_("Both sides rate each other. Karma grows and your tier follows.")),
)

TIERS_TITLE = N_("Grow from Newbie to Legend")
TIERS_TEXT = N_("Every completed collaboration earns karma. Higher tiers unlock better offers.")
TIER_PERKS = {
    Tier.NEWBIE: N_("Your first offers"),
    Tier.EXPLORER: N_("More offers to choose from"),
    Tier.PRO: N_("Priority access"),
    Tier.ELITE: N_("Premium offers"),
    Tier.MASTER: N_("A personal account manager"),
    Tier.LEGEND: N_("Featured creator"),
}
FIRST = N_("Start here")

TRUST_TITLE = N_("Built on trust")
TRUST_TEXT = N_("Both sides can count on what they agreed, before anyone hits publish.")
TRUST = (
    ("shield-check", N_("AI compliance check"),
     N_("Each submission is scored for required hashtags, mentions, ad disclosure and quality before the business approves.")),
    ("star", N_("Ratings both ways"),
     N_("Creators rate businesses and businesses rate creators, so reputations are earned on every collaboration.")),
    ("badge-check", N_("Verified visits"),
     N_("A one-time code confirms the creator was really there. No visit, no content, no payment.")),
)

CTA_TITLE = N_("Ready for your next collaboration?")
CTA_TEXT = N_("Browse open offers today, or publish your own in a few minutes.")

# The hero's illustration: two example cards, not real offers.
PREVIEW_CARDS = (
    ("/covers/food.svg", N_("Food"), "Café Aurora", N_("Brunch tasting for two"), N_("€150 – €300"), ("Instagram", "TikTok")),
    ("/covers/beauty.svg", N_("Beauty"), "Verde Skin", N_("Clean beauty GRWM"), N_("€80 – €160"), ("TikTok",)),
)
AI_CHIP = N_("AI check passed · 93%")
TIER_CHIP = N_("Pro tier reached")


def _section_heading(title: str, text: str, anchor: str = "") -> rx.Component:
    return rx.vstack(
        rx.heading(_(title), size=rx.breakpoints(initial="7", sm="8"), as_="h2", text_align="center"),
        rx.text(_(text), size="4", color_scheme="gray", text_align="center", max_width="620px"),
        align="center",
        spacing="3",
        width="100%",
        id=anchor or None,
        margin_bottom="2.5rem",
    )


def _preview_card(cover: str, category: str, brand: str, title: str, budget: str, platforms, css: str) -> rx.Component:
    return rx.card(
        rx.inset(rx.image(src=cover, alt="", class_name="cover", height="110px"), side="top", pb="current"),
        rx.vstack(
            rx.badge(_(category), variant="soft"),
            rx.text(brand, size="1", color_scheme="gray", weight="medium"),
            rx.heading(_(title), size="3", as_="p"),
            rx.hstack(*[platform_badge(p) for p in platforms], spacing="1"),
            rx.text(_(budget), weight="bold", size="2"),
            spacing="2",
        ),
        class_name=f"hero-card {css}",
        aria_hidden="true",
    )


def _hero_visual() -> rx.Component:
    return rx.box(
        *[_preview_card(*card, css=f"hero-card-{i + 1}") for i, card in enumerate(PREVIEW_CARDS)],
        rx.box(rx.icon("shield-check", size=16, color=rx.color("green", 10)), _(AI_CHIP),
               class_name="floating-chip", bottom="56px", left="0"),
        rx.box(rx.icon("trophy", size=16, color=rx.color("blue", 10)), _(TIER_CHIP),
               class_name="floating-chip", top="0", right="8%"),
        class_name="hero-visual",
        display=rx.breakpoints(initial="none", md="block"),
        aria_hidden="true",
    )


def hero() -> rx.Component:
    return rx.grid(
        rx.vstack(
            rx.badge(rx.icon("map-pin", size=14), _(EYEBROW), variant="soft", size="2", radius="full"),
            rx.heading(
                *filled(_(HEADLINE), highlight=rx.el.span(_(HEADLINE_HIGHLIGHT), class_name="gradient-text")),
                as_="h1", class_name="hero-title",
            ),
            rx.text(_(INTRO), size=rx.breakpoints(initial="3", sm="4"), color_scheme="gray", max_width="560px"),
            rx.flex(
                link_button(_(BROWSE), rx.icon("arrow-right", size=18), href=page_href("/offers"), size="4"),
                link_button(_(SIGN_UP), href=page_href("/signup"), size="4", variant="outline"),
                spacing="3",
                wrap="wrap",
            ),
            rx.flex(
                *[rx.hstack(rx.icon("circle-check", size=16, color=rx.color("green", 10)), rx.text(_(p), size="2"),
                            align="center", spacing="1") for p in HERO_POINTS],
                spacing="4",
                wrap="wrap",
                color=rx.color("gray", 11),
            ),
            spacing="5",
            justify="center",
        ),
        _hero_visual(),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="8",
        align="center",
        class_name="hero",
        padding_top=rx.breakpoints(initial="1.5rem", sm="3.5rem"),
        padding_bottom=rx.breakpoints(initial="3rem", sm="5rem"),
    )


def _audience(icon: str, title: str, lead: str, points, cta: str, href: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.box(rx.icon(icon, size=24), class_name="step-icon"),
            rx.heading(_(title), size="6", as_="h3"),
            rx.text(_(lead), color_scheme="gray"),
            rx.vstack(
                *[rx.hstack(rx.icon("check", size=18, color=rx.color("green", 10), flex_shrink="0"), rx.text(_(p), size="3"),
                            align="start", spacing="2") for p in points],
                spacing="2",
            ),
            rx.spacer(),
            link_button(_(cta), rx.icon("arrow-right", size=16), href=href, size="3"),
            spacing="4",
            align="start",
            height="100%",
        ),
        size="4",
    )


def audiences() -> rx.Component:
    return rx.box(
        _section_heading(AUDIENCE_TITLE, AUDIENCE_TEXT),
        rx.grid(_audience(*CREATORS), _audience(*BUSINESSES), columns=rx.breakpoints(initial="1", sm="2"), spacing="5"),
    )


def _step(number: int, icon: str, title: str, text: str) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.box(rx.icon(icon, size=22), class_name="step-icon"),
            rx.text(f"0{number}", size="6", weight="bold", color=rx.color("gray", 7), class_name="tabular"),
            justify="between",
            width="100%",
            align="center",
        ),
        rx.heading(_(title), size="5", as_="h3"),
        rx.text(_(text), color_scheme="gray", size="2"),
        spacing="3",
        align="start",
    )


def how_it_works() -> rx.Component:
    return rx.box(
        _section_heading(HOW_TITLE, HOW_TEXT, "how-it-works"),
        rx.grid(
            *[rx.card(_step(i + 1, *step), size="3") for i, step in enumerate(STEPS)],
            columns=rx.breakpoints(initial="1", sm="2", md="4"),
            spacing="4",
        ),
        margin_top="6rem",
    )


def _collaborations(n: int) -> str:
    return ngettext("{n}+ collaboration", "{n}+ collaborations", n).format(n=n)


def _tier(tier: Tier) -> rx.Component:
    needed = completions_for(tier)
    return rx.card(
        rx.vstack(
            tier_badge(int(tier), size="2"),
            rx.text(_(FIRST) if needed == 0 else _collaborations(needed), size="1", color_scheme="gray", weight="medium"),
            rx.text(translated(TIER_PERKS[tier]), size="2", weight="medium"),
            spacing="2",
        ),
        border_top=f"3px solid {rx.color(TIER_COLORS[tier], 9)}",
        size="2",
    )


def tiers() -> rx.Component:
    return rx.box(
        _section_heading(TIERS_TITLE, TIERS_TEXT, "tiers"),
        rx.grid(
            *[_tier(t) for t in Tier],
            columns=rx.breakpoints(initial="2", sm="3", md="6"),
            spacing="3",
        ),
        margin_top="6rem",
    )


def trust() -> rx.Component:
    return rx.box(
        _section_heading(TRUST_TITLE, TRUST_TEXT),
        rx.grid(
            *[rx.vstack(rx.box(rx.icon(icon, size=22), class_name="step-icon"), rx.heading(_(title), size="4", as_="h3"),
                        rx.text(_(text), color_scheme="gray", size="2"), spacing="3")
              for icon, title, text in TRUST],
            columns=rx.breakpoints(initial="1", sm="3"),
            spacing="6",
        ),
        margin_top="6rem",
    )


def call_to_action() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.heading(_(CTA_TITLE), size=rx.breakpoints(initial="6", sm="7"), as_="h2"),
            rx.text(_(CTA_TEXT), size="3", style={"opacity": "0.9"}),
            spacing="2",
        ),
        rx.spacer(),
        rx.flex(
            link_button(_(BROWSE), href=page_href("/offers"), size="3", color_scheme="gray", variant="solid", high_contrast=True),
            link_button(_(CREATE_OFFER), href=page_href("/signup"), size="3", variant="outline", style={"color": "white", "boxShadow": "inset 0 0 0 1px rgba(255,255,255,.7)"}),
            spacing="3",
            wrap="wrap",
        ),
        direction=rx.breakpoints(initial="column", md="row"),
        align=rx.breakpoints(initial="start", md="center"),
        spacing="5",
        padding=rx.breakpoints(initial="2rem", sm="3rem"),
        margin_top="6rem",
        class_name="cta-band",
    )


def landing_page() -> rx.Component:
    return page(hero(), audiences(), how_it_works(), tiers(), trust(), call_to_action())
