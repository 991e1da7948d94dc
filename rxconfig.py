"""Reflex's configuration, built from influfinder.settings (the one place that reads the environment)."""

import reflex as rx

from influfinder.first_paint import FirstPaintPlugin
from influfinder.page_shells import PageShellsPlugin
from influfinder.settings import get_settings

_settings = get_settings()

config = rx.Config(
    app_name="influfinder",
    db_url=_settings.database_url,
    redis_url=_settings.redis_url,
    # Also the WebSocket's Origin check: never "*". PUBLIC_URL, plus CORS_ORIGINS for apps calling /api/v1
    # (Reflex's own CORS layer sits in front of the API's; the socket still needs the site's SameSite cookie).
    cors_allowed_origins=_settings.api_cors_origins,
    deploy_url=_settings.public_url,
    # The socket's client address (rate limits, the outbox): X-Forwarded-For counts only through
    # this many trusted proxies; by default it is ignored.
    trusted_proxy_hops=_settings.trusted_proxy_hops,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    # Radix Themes' whole namespace was imported on every page for dynamic (eval'd) components, which this
    # app has none of: only the components used are bundled, the rest loads if one is ever evaluated.
    frontend_lazy_bundled_libraries=True,
    # FirstPaintPlugin: pages paint before their scripts load; a form sent in that time is held and sent by
    # the app once it runs (components/early_submit.py). PageShellsPlugin: pages with an id in their address
    # (an offer's) get a prerendered frame too, instead of an empty page until the scripts run.
    plugins=[rx.plugins.RadixThemesPlugin(), rx.plugins.SitemapPlugin(), PageShellsPlugin(), FirstPaintPlugin()],
)
