"""The app registers every page once per language: Spanish at its route, English under /en.

Reflex compiles each page's component tree to JavaScript once, so words that must be right on
first paint are chosen when the tree is built: the page function runs inside `use_language`, where
`_()` returns that language's words and `page_href()` links to that language's pages. States find the
language of the page they serve from its route (state.language).
"""

from __future__ import annotations

import functools

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar

from influfinder.i18n import LANGUAGES, N_, gettext_in, use_language
from influfinder.i18n.routes import page_route

# <html lang> follows the page: the document root is one component for all routes, so it reads the
# route in the browser (and in the build-time prerender), with React Router's own hook.
HTML_LANG = Var(
    "(/^\\/en(\\/|$)/.test(useLocation().pathname) ? 'en' : 'es')",
    _var_data=VarData(imports={"react-router": [ImportVar(tag="useLocation")]}),
)


# Every page has a description (search results and link previews show it); a page may give its own.
DEFAULT_DESCRIPTION = N_("Influfinder connects local businesses with content creators: offers, applications, "
                         "visits and content reviews in one place.")


def _built_in(component, lang: str):
    if not callable(component):
        return component

    @functools.wraps(component)
    def build():
        with use_language(lang):
            return component()

    return build


def _by_route(component):
    """The not-found page serves every unknown path, /en/... included: it holds both trees and shows
    the one of the path's language."""
    english = rx.State.router.url.path.startswith("/en/") | (rx.State.router.url.path == "/en")

    @functools.wraps(component)
    def build():
        return rx.cond(english, _built_in(component, "en")(), _built_in(component, "es")())

    return build


def _in(lang: str, text):
    return gettext_in(lang, text) if isinstance(text, str) else text


class LocalizedApp(rx.App):
    def add_page(self, component=None, route=None, title=None, description=None, **kwargs):
        """`title` and `description` are English msgids (mark them with N_); one page per language."""
        description = description or DEFAULT_DESCRIPTION
        if route is None or route.strip("/") == "404":  # Reflex has one not-found page: both languages in it
            return super().add_page(_by_route(component), route, title=_in(LANGUAGES[0], title),
                                    description=_in(LANGUAGES[0], description), **kwargs)
        for lang in LANGUAGES:
            super().add_page(
                _built_in(component, lang),
                page_route(route, lang),
                title=_in(lang, title),
                description=_in(lang, description),
                **kwargs,
            )
