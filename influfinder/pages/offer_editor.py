"""/offers/new and /offers/[offer_id]/edit: the offer form of a business or an agency."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error, notice
from influfinder.components.list_nav import nav_button
from influfinder.components.layout import page
from influfinder.components.status_badges import offer_status_badge
from influfinder.domain.enums import CompensationType, ContentFormat, Currency, OfferCategory, Platform, Tier
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.offer_editor_cover import cover_section
from influfinder.pages.offer_editor_fields import (
    checkbox_field, checkbox_group, chips, field_error_of, section, select_field, switch_field, text_field, textarea_field,
    two_columns,
)
from influfinder.state.offer_editor import ERROR_ID, OfferEditorState

NEW_ROUTE = "/offers/new"
EDIT_ROUTE = "/offers/[offer_id]/edit"

COPY = {
    "back": N_("My offers"),
    "create": N_("Create offer"),
    "edit": N_("Edit offer"),
    "intro": N_("Tell creators what you offer and what you need. Save a draft at any time; publish when it is complete."),
    "basics": N_("Basics"),
    "title": N_("Title"),
    "title_hint": N_("What creators will do, in a few words: “Brunch for two and a Reel”."),
    "brand": N_("Brand"),
    "brand_hint": N_("The brand you publish this offer for; creators see it as the offer's author."),
    "description": N_("Description"),
    "description_hint": N_("At least 20 characters to publish: the place, the product, the tone you like."),
    "category": N_("Category"),
    "category_placeholder": N_("Choose a category"),
    "platforms": N_("Platforms"),
    "public": N_("Listed publicly"),
    "public_hint": N_("Off: the offer is invite-only. It stays out of the list and search; "
                   "creators with its link can apply."),
    "money": N_("Budget and compensation"),
    "compensation": N_("Compensation"),
    "currency": N_("Currency"),
    "budget_min": N_("Minimum budget"),
    "budget_max": N_("Maximum budget"),
    "budget_hint": N_("What you pay per creator. Optional for product and experience offers."),
    "value": N_("Retail value"),
    "value_hint": N_("What the product or experience would cost to buy."),
    "details": N_("Compensation details"),
    "details_placeholder": N_("Paid on approval of the content."),
    "who": N_("Who can apply"),
    "who_hint": N_("A creator with 10,000 or more followers on one of your platforms counts as an influencer; "
                "everyone else as a regular creator. Leave a number empty for no minimum."),
    "influencers": N_("Influencers"),
    "regular": N_("Regular creators"),
    "min_followers": N_("Minimum followers"),
    "min_engagement": N_("Minimum engagement (%)"),
    "verified": N_("Verified figures required (from a connected social account)"),
    "min_tier": N_("Minimum tier"),
    "slots": N_("Creator places"),
    "slots_hint": N_("How many creators you will accept."),
    "content": N_("Content"),
    "formats": N_("Formats"),
    "hashtags": N_("Required hashtags"),
    "hashtags_hint": N_("Separate them with spaces or commas: #CafeAurora #ad"),
    "mentions": N_("Required mentions"),
    "mentions_hint": N_("Accounts to tag: @cafe_aurora"),
    "when_where": N_("Dates and place"),
    "application_deadline": N_("Application deadline"),
    "content_deadline": N_("Content deadline"),
    "zone": N_("Times are in your time zone: "),
    "city": N_("City"),
    "portfolio": N_("Creators may show it in their portfolio"),
    "portfolio_hint": N_("Each creator chooses whether to show their approved content on their public profile."),
    "visit": N_("Requires a visit"),
    "visit_hint": N_("Creators come to your place; you confirm the visit with a code on the day."),
    "address": N_("Address of the visit"),
    "publish_title": N_("Publish"),
    "ready": N_("Everything is in place: you can publish."),
    "before": N_("Before you can publish:"),
    "save_draft": N_("Save draft"),
    "save_changes": N_("Save changes"),
    "publish": N_("Publish"),
    "live_hint": N_("Changes show on the offer page as soon as you save them."),
    "archived": N_("This offer is archived: it can no longer be changed."),
    "views": N_("views"),
    "applications": N_("applications"),
    "see_applications": N_("See applications"),
    "public_page": N_("Open the public page"),
    "not_found": N_("Offer not found"),
    "not_found_text": N_("It may belong to another account, or the link may be mistyped."),
}
COMPENSATION = {
    CompensationType.PAID.value: ("Paid", "wallet", "A fee per creator"),
    CompensationType.PRODUCT.value: ("Product", "gift", "Creators keep the product"),
    CompensationType.EXPERIENCE.value: ("Experience", "sparkles", "A visit, a meal, a stay"),
}
PLATFORM_NAMES = {Platform.INSTAGRAM.value: "Instagram", Platform.TIKTOK.value: "TikTok",
                  Platform.FACEBOOK.value: "Facebook"}

S = OfferEditorState


# ---- sections ---------------------------------------------------------------------------------


def _basics() -> rx.Component:
    return section(
        translated(COPY["basics"]),
        text_field(translated(COPY["title"]), "title", hint=translated(COPY["title_hint"]), max_length=120),
        rx.cond(S.is_agency, text_field(translated(COPY["brand"]), "brand_name", hint=translated(COPY["brand_hint"]), max_length=120)),
        textarea_field(translated(COPY["description"]), "description", translated(COPY["description_hint"])),
        two_columns(
            select_field(translated(COPY["category"]), "category", [(c.value, c.value.title()) for c in OfferCategory],
                    translated(COPY["category_placeholder"])),
            switch_field(translated(COPY["public"]), "is_public", translated(COPY["public_hint"])),
        ),
        # One per line on a phone: three in a row there clip "Instagram" and "Facebook" under their boxes.
        checkbox_group(translated(COPY["platforms"]), "platforms", list(PLATFORM_NAMES.items()), rx.breakpoints(initial="1", xs="3")),
    )


def _compensation_choice() -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY["compensation"]), id="label-compensation_type", size="2", weight="medium"),
        rx.radio_cards.root(
            *[rx.radio_cards.item(
                rx.hstack(rx.icon(icon, size=18),
                          rx.vstack(rx.text(text, size="2", weight="bold"),
                                    rx.text(hint, size="1", color_scheme="gray"), spacing="0", align="start"),
                          spacing="2", align="center", width="100%"),
                value=value,
            ) for value, (text, icon, hint) in COMPENSATION.items()],
            default_value=S.initial["compensation_type"],
            on_value_change=lambda value: S.set_field("compensation_type", value),
            columns=rx.breakpoints(initial="1", sm="3"), gap="2", size="1", width="100%",
            aria_labelledby="label-compensation_type",
        ),
        field_error(field_error_of("compensation_type")),
        spacing="1", width="100%",
    )


def _money() -> rx.Component:
    not_paid = S.compensation_type != CompensationType.PAID.value
    return section(
        translated(COPY["money"]),
        _compensation_choice(),
        rx.grid(
            text_field(translated(COPY["budget_min"]), "budget_min", type="number", min="0", step="0.01"),
            text_field(translated(COPY["budget_max"]), "budget_max", type="number", min="0", step="0.01"),
            select_field(translated(COPY["currency"]), "currency", [(c.value, c.value) for c in Currency]),
            columns=rx.breakpoints(initial="1", sm="3"), spacing="4", width="100%",
        ),
        rx.text(translated(COPY["budget_hint"]), size="1", color_scheme="gray", margin_top="-0.5rem"),
        # Hidden rather than removed, so what was typed stays in the input (and in the state).
        rx.box(text_field(translated(COPY["value"]), "compensation_value", type="number", min="0", step="0.01", hint=translated(COPY["value_hint"])),
               display=rx.cond(not_paid, "block", "none"), width="100%"),
        text_field(translated(COPY["details"]), "compensation_details", placeholder=translated(COPY["details_placeholder"]), max_length=500),
    )


def _audience(title: str, icon: str, block: str, *extra) -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.hstack(rx.icon(icon, size=16, color=rx.color("accent", 11)), rx.text(title, weight="bold", size="2"),
                      spacing="2", align="center"),
            text_field(translated(COPY["min_followers"]), f"requirements.{block}.min_followers", type="number", min="0",
                  placeholder="0"),
            text_field(translated(COPY["min_engagement"]), f"requirements.{block}.min_engagement", type="number", min="0", max="100",
                  step="0.1", placeholder="0"),
            *extra,
            spacing="3", width="100%",
        ),
        padding="1rem", border=f"1px solid {rx.color('gray', 5)}", border_radius="var(--radius-4)", width="100%",
    )


def _who() -> rx.Component:
    return section(
        translated(COPY["who"]),
        two_columns(
            _audience(translated(COPY["influencers"]), "star", "influencer",
                      checkbox_field(translated(COPY["verified"]), "requirements.influencer.verified")),
            _audience(translated(COPY["regular"]), "users", "regular"),
        ),
        two_columns(
            select_field(translated(COPY["min_tier"]), "min_tier", [(str(int(t)), t.label) for t in Tier]),
            text_field(translated(COPY["slots"]), "slots", type="number", min="1", max="100", hint=translated(COPY["slots_hint"])),
        ),
        hint=translated(COPY["who_hint"]),
    )


def _content() -> rx.Component:
    return section(
        translated(COPY["content"]),
        checkbox_group(translated(COPY["formats"]), "content_specs.formats", [(f.value, f.value.title()) for f in ContentFormat],
               rx.breakpoints(initial="2", sm="4")),
        text_field(translated(COPY["hashtags"]), "content_specs.required_hashtags", hint=translated(COPY["hashtags_hint"]),
              placeholder=_("#YourBrand")),
        chips(S.hashtags),
        text_field(translated(COPY["mentions"]), "content_specs.required_mentions", hint=translated(COPY["mentions_hint"]),
              placeholder=_("@yourbrand")),
        chips(S.mentions),
        switch_field(translated(COPY["portfolio"]), "portfolio_allowed", translated(COPY["portfolio_hint"])),
    )


def _when_where() -> rx.Component:
    return section(
        translated(COPY["when_where"]),
        two_columns(
            text_field(translated(COPY["application_deadline"]), "application_deadline", type="datetime-local", min=S.min_deadline),
            text_field(translated(COPY["content_deadline"]), "content_deadline", type="datetime-local", min=S.min_deadline),
        ),
        rx.hstack(rx.icon("globe", size=12), rx.text(translated(COPY["zone"]), rx.text.strong(S.zone_name), size="1"),
                  spacing="1", align="center", color=rx.color("gray", 11), margin_top="-0.5rem"),
        text_field(translated(COPY["city"]), "city", max_length=80, autocomplete="address-level2"),
        switch_field(translated(COPY["visit"]), "requires_visit", translated(COPY["visit_hint"])),
        rx.box(text_field(translated(COPY["address"]), "address", max_length=200, autocomplete="street-address"),
               display=rx.cond(S.requires_visit, "block", "none"), width="100%"),
    )


# ---- the side panel ---------------------------------------------------------------------------




def _busy_button(label: str, busy, **props) -> rx.Component:
    return rx.button(rx.cond(busy, rx.spinner(size="2")), label, size="3", width="100%", **props)


def _draft_actions() -> rx.Component:
    blocked = S.blockers.length() > 0
    return rx.vstack(
        rx.cond(
            blocked,
            rx.box(
                rx.text(translated(COPY["before"]), size="2", weight="medium"),
                rx.el.ul(rx.foreach(S.blockers, lambda reason: rx.el.li(rx.text(reason, size="2"))),
                         style={"paddingLeft": "1.1rem", "margin": "0.35rem 0 0", "listStyle": "disc"}),
                id="publish-blockers", role="status",
                padding="0.75rem", border_radius="var(--radius-3)", background_color=rx.color("amber", 3),
                color=rx.color("amber", 12), width="100%",
            ),
            rx.callout(translated(COPY["ready"]), icon="circle-check", color_scheme="green", size="1", width="100%"),
        ),
        _busy_button(translated(COPY["publish"]), S.publishing, on_click=S.publish, disabled=blocked | S.publishing | S.saving,
                     aria_describedby=rx.cond(blocked, "publish-blockers", "")),
        _busy_button(translated(COPY["save_draft"]), S.saving, on_click=S.save, variant="soft", disabled=S.saving | S.publishing),
        spacing="3", width="100%",
    )


def _live_actions() -> rx.Component:
    return rx.vstack(
        _busy_button(translated(COPY["save_changes"]), S.saving, on_click=S.save, disabled=S.saving),
        rx.text(translated(COPY["live_hint"]), size="1", color_scheme="gray"),
        spacing="2", width="100%",
    )


def _figures() -> rx.Component:
    return rx.cond(
        S.editing_id != "",
        rx.vstack(
            rx.separator(size="4"),
            rx.hstack(
                rx.text(rx.text.strong(S.views, class_name="tabular"), " ", translated(COPY["views"]), size="2"),
                rx.text(rx.text.strong(S.applications_total, class_name="tabular"), " ", translated(COPY["applications"]),
                        size="2"),
                spacing="4",
            ),
            rx.link(translated(COPY["see_applications"]), href=page_href("/my-offers/") + S.editing_id + "/applications", size="2"),
            rx.cond(S.status == "ACTIVE", rx.link(translated(COPY["public_page"]), href=page_href("/offers/") + S.editing_id, size="2")),
            spacing="2", width="100%",
        ),
    )


def _aside() -> rx.Component:
    return rx.card(
        rx.vstack(
            cover_section(),
            rx.heading(translated(COPY["publish_title"]), size="4", as_="h2"),
            rx.cond(
                ~S.can_edit,
                rx.callout(translated(COPY["archived"]), icon="archive", color_scheme="gray", size="1", width="100%"),
                rx.cond((S.status == "") | (S.status == "DRAFT"), _draft_actions(), _live_actions()),
            ),
            _figures(),
            spacing="4", width="100%",
        ),
        size="3", class_name="sticky-aside", width="100%",
    )


# ---- the page ---------------------------------------------------------------------------------


def _header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), translated(COPY["back"]), align="center", spacing="1"),
                href=page_href("/my-offers"), size="2", color_scheme="gray", underline="hover"),
        rx.hstack(
            rx.heading(rx.cond(S.editing_id == "", translated(COPY["create"]), translated(COPY["edit"])), size="8", as_="h1"),
            rx.cond(S.status != "", offer_status_badge(S.status, size="2")),
            spacing="3", align="center", wrap="wrap",
        ),
        rx.text(translated(COPY["intro"]), color_scheme="gray"),
        spacing="2", width="100%",
    )


def _form() -> rx.Component:
    return rx.el.fieldset(
        rx.vstack(_basics(), _money(), _who(), _content(), _when_where(), spacing="5", width="100%"),
        disabled=~S.can_edit,
        key=S.form_key,  # re-mount with the loaded values after every load
        style={"border": "none", "padding": "0", "margin": "0", "minWidth": "0", "width": "100%"},
    )


def _editor() -> rx.Component:
    return rx.vstack(
        _header(),
        notice(S.saved),
        rx.box(form_error(S.error), id=ERROR_ID, width="100%"),
        rx.grid(
            _form(),
            rx.box(_aside()),
            columns=rx.breakpoints(initial="1", md="minmax(0, 1fr) 320px"),
            spacing="6", width="100%",
        ),
        spacing="5", width="100%",
        data_testid="offer-editor",
    )


def _loading() -> rx.Component:
    return rx.vstack(
        rx.skeleton(rx.heading(_("Create offer"), size="8")),
        rx.skeleton(height="320px", width="100%"),
        rx.skeleton(height="240px", width="100%"),
        spacing="4", width="100%", aria_busy="true",
    )


def offer_editor_page() -> rx.Component:
    return page(
        rx.cond(
            S.loading,
            _loading(),
            rx.cond(
                S.found,
                _editor(),
                empty_state("search-x", translated(COPY["not_found"]), translated(COPY["not_found_text"]),
                            nav_button(translated(COPY["back"]), href=page_href("/my-offers"))),
            ),
        ),
    )
