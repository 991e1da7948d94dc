"""Every page is registered twice and compiled with its own words: Spanish at its route, English under /en."""

from __future__ import annotations

import json
import re

import pytest

from influfinder.i18n import use_language


@pytest.fixture(scope="module")
def app():
    from influfinder.influfinder import app

    return app


def _compiled(app, route: str) -> str:
    from reflex.compiler import compiler

    page = app._unevaluated_pages[route]
    with use_language("es"):  # the page's own language must win over the caller's
        component = compiler.compile_unevaluated_page(route, page, app.style, app.theme)
    return json.loads(json.dumps(str(component.render())))


def test_each_page_has_a_spanish_and_an_english_route_with_its_title(app):
    routes = set(app._unevaluated_pages)
    plain = {r for r in routes if not (r == "en" or r.startswith("en/")) and r != "404"}
    assert plain and {("en/" + r if r != "index" else "en") for r in plain} <= routes
    assert app._unevaluated_pages["offers"].title == "Ofertas | Influfinder"
    assert app._unevaluated_pages["en/offers"].title == "Offers | Influfinder"


def test_a_page_is_compiled_in_its_own_language_with_links_to_pages_in_that_language(app):
    english = _compiled(app, "en/login")
    spanish = _compiled(app, "login")
    assert "Forgot your password?" in english and "Forgot your password?" not in spanish
    assert "/en/forgot-password" in english and "/en/forgot-password" not in spanish
    assert "/forgot-password" in spanish


def test_no_english_page_links_to_a_doubled_english_path(app):
    """A link built in the browser (a Var) is localized once: never /en/en/... (pagers, a collaboration's offer)."""
    english = [r for r in app._unevaluated_pages if r == "en" or r.startswith("en/")]
    doubled = [r for r in english if re.search(r'/en/en/|"/en"\+\(*"/en', _compiled(app, r))]
    assert doubled == []
