"""What a phone shows and does before the page's scripts have run (issue 11, item 8).

Here the browser test holds the page's scripts back, the way a slow network does:
- a login filled in and sent in that time still logs in (components/early_submit.py): the page stays put
  with its form busy, and once the scripts run, the app sends what was typed. Before, the browser sent the
  form itself, the server showed the login page again, and what was typed was gone;
- a password typed in that time gets its strength shown once the scripts run (assets/app_ready.jsx);
- an offer's page (an address with an id) shows its frame and loading state at once (influfinder/
  page_shells.py), then the offer once the scripts run. Before, it stayed blank until then.
"""

from __future__ import annotations

import re
import uuid

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.support.login_page import ENGLISH

pytestmark = pytest.mark.e2e

SCRIPT = re.compile(r"\.m?js(\?.*)?$")


class HeldScripts:
    """Holds every script request of a page until release(); later ones pass at once."""

    def __init__(self, page) -> None:
        self.held = []
        self.released = False
        page.route(SCRIPT, self._route)

    def _route(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()


def test_a_login_sent_before_the_scripts_run_is_sent_by_the_app(page):
    scripts = HeldScripts(page)
    page.goto("/login", wait_until="domcontentloaded")
    form = page.locator("form").filter(has=page.get_by_label(ENGLISH.password))
    page.get_by_label(ENGLISH.identifier).fill("lucia@creators.demo")
    page.get_by_label(ENGLISH.password).fill("influfinder-demo-2026")
    page.get_by_role("button", name=ENGLISH.submit).click()

    expect(form).to_have_attribute("aria-busy", "true")  # held, shown as busy
    assert scripts.held, "the page asked for no script: nothing was held back"
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_label(ENGLISH.password)).to_have_value("influfinder-demo-2026")

    scripts.release()
    expect(page).not_to_have_url(re.compile(r"/login"))
    expect(page.get_by_test_id("account-menu")).to_be_visible()


def test_an_offers_page_shows_its_frame_before_the_scripts_and_the_offer_after(page, live_app, console):
    engine = sa.create_engine(live_app.database_url)
    with engine.connect() as db:
        offer_id, title = db.execute(sa.text(
            "SELECT id, title FROM offers WHERE status = 'ACTIVE' ORDER BY created_at LIMIT 1")).one()
    engine.dispose()
    scripts = HeldScripts(page)
    response = page.goto(f"/en/offers/{uuid.UUID(str(offer_id))}", wait_until="domcontentloaded")

    assert response is not None and response.status == 200
    expect(page.get_by_role("banner").get_by_role("link", name="Influfinder home")).to_be_visible()
    expect(page.locator("main [aria-busy=true]")).to_be_visible()  # the loading state, in the served HTML
    assert scripts.held

    scripts.release()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.locator("main [aria-busy=true]")).to_have_count(0)
    assert console.unexpected() == []  # React took the shell over without a hydration error


def test_a_password_typed_before_the_scripts_run_gets_its_strength_shown(page):
    scripts = HeldScripts(page)
    page.goto("/en/signup", wait_until="domcontentloaded")
    page.get_by_label("Password").fill("marble kettle sunrise 31")
    assert scripts.held
    expect(page.get_by_test_id("strength-meter")).to_have_count(0)

    scripts.release()
    expect(page.get_by_test_id("strength-meter")).to_be_visible()
    expect(page.get_by_label("Password")).to_have_value("marble kettle sunrise 31")
