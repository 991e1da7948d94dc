"""The page's language on the server side, and the switcher's handler.

Before every event `PageLanguage` sets the current language from the page's route (`/en/...` is
English, everything else Spanish), so `_()`, `page_href()` and the i18n formats in a handler (and in the
services it calls) speak the language of the page that sent the event.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.middleware import Middleware

from influfinder.i18n import LANGUAGES
from influfinder.i18n.choice import COOKIE, COOKIE_MAX_AGE
from influfinder.i18n.language import set_language
from influfinder.i18n.routes import language_of_path, localized
from influfinder.services.errors import ServiceError
from influfinder.services.language_choice import save_language
from influfinder.services.unit_of_work import acall
from influfinder.state.auth import credentials, current_path, session_token


def page_language(state: rx.State) -> str:
    return language_of_path(state.router.url.path)


class PageLanguage(Middleware):
    async def preprocess(self, app, state, event):
        set_language(page_language(state))
        return None


def switch_script(lang: str, target: str) -> str:
    """Keep the choice in a cookie (read by the redirect in front of the pages), then load the page."""
    cookie = f"{COOKIE}={lang}; path=/; max-age={COOKIE_MAX_AGE}; samesite=lax"
    return f"document.cookie = {json.dumps(cookie)}; window.location.assign({json.dumps(target)})"


class LanguageState(rx.State):
    @rx.event
    async def switch(self, lang: str):
        """The switcher (footer, Settings): this page in `lang`, remembered on the account when signed in."""
        if lang not in LANGUAGES:
            return None
        if session_token(self):
            try:
                await acall(credentials(self), save_language, lang)
            except ServiceError:
                pass  # a session that just ended: the cookie still keeps the choice in this browser
        return rx.call_script(switch_script(lang, localized(current_path(self), lang)))
