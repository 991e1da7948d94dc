"""The page's language on the server side, and the switcher's handler.

Before every event `PageLanguage` sets the current language from the page's route (`/en/...` is
English, everything else Spanish), so `_()`, `page_href()` and the i18n formats in a handler (and in the
services it calls) speak the language of the page that sent the event.
"""

from __future__ import annotations

import urllib.parse

import reflex as rx
from reflex.middleware import Middleware

from influfinder.i18n import LANGUAGES
from influfinder.i18n.language import set_language
from influfinder.i18n.routes import language_of_path
from influfinder.services.errors import ServiceError
from influfinder.services.language_choice import save_language
from influfinder.services.unit_of_work import acall
from influfinder.state.auth import backend_url, credentials, current_path, session_token
from influfinder.state.browser import full_page_load


def page_language(state: rx.State) -> str:
    return language_of_path(state.router.url.path)


class PageLanguage(Middleware):
    async def preprocess(self, app, state, event):
        set_language(page_language(state))
        return None


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
        query = urllib.parse.urlencode({"to": lang, "next": current_path(self)})
        return full_page_load(backend_url(f"/language?{query}"))  # the route keeps the choice in a cookie
