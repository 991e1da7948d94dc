"""Spanish first in Chromium: a browser that prefers Spanish gets every page in Spanish on first paint
(<html lang="es">, no English word of the interface), the switcher moves to English and the choice
sticks, and a creator browses and applies in Spanish. Screenshots of both languages at 390 and
1280 px go to tests/output/screenshots (<page>-<lang>-<viewport>.png)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_creator_browse_apply import MESSAGE, PASSWORD, Market, _market

pytestmark = pytest.mark.e2e

# Words of the English interface that must not show on a Spanish page (offers' own texts may be English).
ENGLISH_UI = ("Log in", "Sign up", "Browse offers", "Create offer", "Notifications", "Messages", "Apply", "Budget",
              "Filters", "Search", "Previous", "Next", "Showing", "Category", "Password", "Settings",
              "Collaborations", "Send", "Cancel", "Close", "Sort by", "Newest", "Who can apply", "Your fit",
              "Followers", "places left", "the offer asks for", "Application sent", "Sent", "Withdraw")
PUBLIC_PAGES = ("/", "/offers", "/login", "/signup")


@pytest.fixture
def market(live_app) -> Iterator[Market]:
    yield from _market(live_app, day_old=True)


def _context(browser, live_app, viewport, locale: str):
    return browser.new_context(base_url=live_app.base_url, locale=locale,
                               viewport={"width": viewport.width, "height": viewport.height})


def english_words_on(page) -> list[str]:
    text = page.inner_text("body")
    return [w for w in ENGLISH_UI if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def shot(page, name: str, viewport) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport.name}.png"), full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_spanish_browser_gets_every_public_page_in_spanish_on_first_paint(browser, live_app, viewport, console):
    context = _context(browser, live_app, viewport, "es-ES")
    page = context.new_page()
    console.attach(page)
    for path in PUBLIC_PAGES:
        response = page.goto(path)
        # The served HTML (before any script runs) is already Spanish.
        html = response.text()
        assert '<html lang="es"' in html, path
        assert "Iniciar sesión" in html or "Iniciar sesi\\u00f3n" in html, path
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.locator("main")).to_be_visible()
        page.wait_for_load_state("networkidle")
        if path == "/offers":
            expect(page.get_by_test_id("offer-card").first).to_be_visible()  # the list, not its skeleton
        assert english_words_on(page) == [], (path, english_words_on(page))
        assert fits_the_screen(page), path
        shot(page, "spanish" + (path.replace("/", "-") if path != "/" else "-home") + "-es", viewport)
    assert console.unexpected() == []
    context.close()


def test_the_switcher_moves_to_english_and_the_choice_sticks(browser, live_app, viewport, console):
    context = _context(browser, live_app, viewport, "es-ES")
    page = context.new_page()
    console.attach(page)
    page.goto("/offers")
    expect(page.get_by_role("heading", name="Ofertas", exact=True)).to_be_visible()
    console.wait_for_live_socket(page)
    page.get_by_test_id("language-en").click()
    expect(page).to_have_url(re.compile(r"/en/offers/?$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Offers", exact=True)).to_be_visible()
    for path in PUBLIC_PAGES:
        page.goto(path)  # a Spanish address now opens in English: the choice is remembered
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert fits_the_screen(page), path
        shot(page, "spanish" + (path.replace("/", "-") if path != "/" else "-home") + "-en", viewport)
    expect(page).to_have_url(re.compile(r"/en/signup/?$"))
    console.wait_for_live_socket(page)
    page.get_by_test_id("language-es").click()
    expect(page).to_have_url(re.compile(r"/signup/?$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Registrarse")).to_be_visible()
    assert console.unexpected() == []
    context.close()


def test_an_english_browser_opening_a_spanish_address_is_sent_to_english(browser, live_app, viewport):
    context = _context(browser, live_app, viewport, "en-US")
    page = context.new_page()
    page.goto("/offers")
    expect(page).to_have_url(re.compile(r"/en/offers/?$"))
    expect(page.get_by_role("heading", name="Offers", exact=True)).to_be_visible()
    context.close()


def test_a_creator_browses_and_applies_in_spanish(browser, live_app, viewport, console, market):
    context = _context(browser, live_app, viewport, "es-ES")
    page = context.new_page()
    console.attach(page)
    page.goto("/login")
    page.get_by_label("Correo o nombre de usuario").fill(market.creator_email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_test_id("account-menu")).to_be_visible()

    page.goto(f"/offers/{market.offer_id}")
    expect(page.get_by_role("heading", name=market.title)).to_be_visible()
    fit = page.get_by_test_id("fit-panel")
    expect(fit).to_contain_text("Seguidores")
    expect(fit).to_contain_text("3.200 en Instagram (declaradas); la oferta pide 1.000")
    assert english_words_on(page) == [], english_words_on(page)
    shot(page, "spanish-offer-es", viewport)

    page.get_by_test_id("apply-button").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Mensaje").fill(MESSAGE)
    dialog.get_by_role("button", name="Enviar solicitud").click()
    expect(dialog.get_by_test_id("application-sent")).to_contain_text("Solicitud enviada")
    dialog.get_by_role("button", name="Cerrar").click()
    expect(page.get_by_test_id("apply-reasons")).to_contain_text("Solicitaste esta oferta.")

    page.goto("/my-applications")
    mine = page.get_by_test_id("my-application").filter(has_text=market.title)
    expect(mine).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert english_words_on(page) == [], english_words_on(page)
    assert fits_the_screen(page)
    shot(page, "spanish-my-applications-es", viewport)

    page.goto("/messages")
    expect(page.get_by_role("heading", name="Mensajes")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert english_words_on(page) == [], english_words_on(page)
    assert console.unexpected() == []
    context.close()
