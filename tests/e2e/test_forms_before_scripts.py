"""A login sent before the page's scripts have run still logs in (components/early_submit.py).

On a slow phone the prerendered login form is on screen before the app runs it. Here the page's
scripts are held back by the browser test until the form has been filled in and sent: the page stays
put with its form busy, and once the scripts run, the app sends what was typed. Before, the browser
sent the form itself, the server showed the login page again, and what was typed was gone.
"""

from __future__ import annotations

import re

import pytest
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
