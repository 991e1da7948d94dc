"""The Reflex app: pages and HTTP routes are registered here, and nothing else happens."""

import reflex as rx

from influfinder.api.routes import api
from influfinder.pages.landing import landing_page
from influfinder.pages.not_found import not_found_page
from influfinder.pages.offers import offers_page
from influfinder.startup import prepare
from influfinder.state.offers import OfferListState

app = rx.App(
    theme=rx.theme(accent_color="violet", gray_color="slate", radius="large", scaling="100%"),
    stylesheets=["/styles.css"],
    api_transformer=api,
    head_components=[rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml")],
)
# Migrations and demo data before the first request (a no-op when the CLI already did it).
app.register_lifespan_task(prepare)

app.add_page(landing_page, route="/", title="Influfinder: creators and local brands, together")
app.add_page(offers_page, route="/offers", title="Offers | Influfinder", on_load=OfferListState.load)
app.add_page(not_found_page, route="404", title="Page not found | Influfinder")
