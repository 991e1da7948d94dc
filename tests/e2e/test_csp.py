"""Issue 10, point 3: the Content-Security-Policy works with Reflex's built pages.

Every page the app registers is visited in Chromium as a visitor, a creator, a business and an
admin, each page once per role, in that role's language (the visitor and the creator read Spanish, the
business and the admin English: the two builds of a page differ in their words only); any CSP violation (the `securitypolicyviolation` event, or Chromium's "Refused to ..."
console line) or any other console error fails the test. Logging in, the pages that ask the
browser for its time zone, and logging out run along the way: the code paths that used to make
the browser eval what the server sent.
"""

from __future__ import annotations

import re
import uuid

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from influfinder.services.demo_data import DEMO_PASSWORD
from tests.support.browser import ConsoleWatch
from tests.support.login_page import ENGLISH, SPANISH, LoginWords

pytestmark = pytest.mark.e2e

# role -> (who logs in, the browser's language)
ROLES = {
    "visitor": (None, "es-ES"),
    "creator": ("ana@creators.demo", "es-ES"),
    "business": ("hello@cafeaurora.demo", "en-GB"),
    "admin": ("admin@influfinder.demo", "en-GB"),
}

# Listens before any script of the page runs, and keeps what it hears across the page's life.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _routes(english: bool) -> list[str]:
    """The pages of one language: English ones are under /en."""
    import influfinder.influfinder as module

    routes = [route for route in module.app._unevaluated_pages if route != "404"]
    return sorted(route for route in routes if (route == "en" or route.startswith("en/")) == english)


def _ids(database_url: str) -> dict[str, str]:
    """One real id for each dynamic segment, from the demo data (Café Aurora's offer and its people)."""
    engine = sa.create_engine(database_url)
    with engine.connect() as db:
        business, username = db.execute(sa.text(
            "SELECT id, username FROM users WHERE email = 'hello@cafeaurora.demo'")).one()
        offer = db.execute(sa.text("SELECT id FROM offers WHERE business_id = :b AND status = 'ACTIVE' "
                                   "ORDER BY created_at LIMIT 1"), {"b": business}).scalar_one()
        application = db.execute(sa.text("SELECT a.id FROM applications a JOIN offers o ON o.id = a.offer_id "
                                         "WHERE o.business_id = :b LIMIT 1"), {"b": business}).scalar_one()
        collaboration = db.execute(sa.text("SELECT id FROM collaborations WHERE business_id = :b LIMIT 1"),
                                   {"b": business}).scalar_one()
        creator = db.execute(sa.text("SELECT username FROM users WHERE email = 'ana@creators.demo'")).scalar_one()
    engine.dispose()
    ids = {"offer_id": offer, "application_id": application, "collab_id": collaboration, "user_id": business}
    return {**{name: str(uuid.UUID(str(value))) for name, value in ids.items()},  # SQLite keeps bare hex
            "slug": username, "username": creator}


def _url(route: str, ids: dict[str, str]) -> str:
    if route == "index":
        return "/"
    if route == "en":
        return "/en"
    return "/" + re.sub(r"\[(\w+)\]", lambda m: ids[m.group(1)], route.lstrip("/"))


def _log_in(page, console: ConsoleWatch, email: str, words: LoginWords, prefix: str) -> None:
    page.goto(f"{prefix}/login")
    console.wait_for_live_socket(page)
    page.get_by_label(words.identifier).fill(email)
    page.get_by_label(words.password).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=words.submit).click()
    expect(page.get_by_test_id("account-menu")).to_be_visible()


def _violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_runs_under_the_policy_without_a_console_error(browser, live_app, role):
    email, locale = ROLES[role]
    english = locale.startswith("en")
    words, prefix, log_out = (ENGLISH, "/en", "Log out") if english else (SPANISH, "", "Cerrar sesión")
    ids = _ids(live_app.database_url)
    context = browser.new_context(base_url=live_app.base_url, locale=locale, viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(30_000)
    console = ConsoleWatch()
    console.attach(page)
    found: list[str] = []
    try:
        if email:
            _log_in(page, console, email, words, prefix)
            found += _violations(page)
        for route in _routes(english):
            url = _url(route, ids)
            response = page.goto(url)
            assert response is not None and "frame-ancestors 'none'" in response.headers["content-security-policy"]
            console.wait_for_live_socket(page)
            page.wait_for_load_state("networkidle")
            found += [f"{url}: {v}" for v in _violations(page)]
        if email:
            page.goto(f"{prefix}/settings")
            page.get_by_test_id("account-menu").click()
            page.get_by_role("menuitem", name=log_out).click()
            expect(page).to_have_url(re.compile(r"/login"))
            found += _violations(page)
    finally:
        context.close()
    refused = [p.text for p in console.problems if "Content Security Policy" in p.text or "Refused to" in p.text]
    assert found == [] and refused == []
    assert console.unexpected() == []
