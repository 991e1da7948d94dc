"""Spanish in Chromium beyond the public pages: a collaboration from acceptance to completion with both
people reading Spanish, and the discovery pages (Find creators, a creator's and a business's profile,
saved searches). No English word of the interface is left on them, they fit 390 and 1280 px, and
screenshots go to tests/output/screenshots (spanish-<page>-es-<viewport>.png).

The collaboration's steps are those of tests/e2e/test_collaboration_flow.py (its setup helpers are
reused); here every label, heading and message is looked for in Spanish.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from influfinder.domain.enums import CollaborationStatus, UserType
from tests.e2e.test_collaboration_flow import (  # noqa: F401 (engine, browse: fixtures)
    CAPTION, HASHTAG, MENTION, PASSWORD, accepted_collaboration, browse, engine, open_collaboration, person, photo,
    still_the_same_page, status_of, visit_moment, was_not_reloaded,
)
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_spanish import ENGLISH_UI, fits_the_screen
from tests.support.login_page import SPANISH, log_in as log_in_with

pytestmark = pytest.mark.e2e

# Words of the English collaboration and discovery pages, besides the general ones (ENGLISH_UI).
ENGLISH_HERE = ENGLISH_UI + (
    "Schedule visit", "Waiting for", "Visit code", "Submit content", "Check before submitting", "Quality",
    "Compliance", "Relevance", "Suggestions", "Approve", "Rate", "Timeline", "Completed", "stars", "caption",
    "Find creators", "Invite", "Audience", "Reviews", "Member since", "completed", "No rating yet",
    "Newcomer", "Open offers", "Saved searches", "Today", "Yesterday", "Self-reported", "Top rated", "Reliable",
    "Discovery", "Any", "Minimum", "Maximum", "Available", "Verified", "Tier", "Rating", "Platform", "City",
)
# On the discovery pages only: the offers' own (English) texts elsewhere may say "followers".
DISCOVERY_ONLY = ("followers", "follower")
DAYS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")


def english_here(page, extra: tuple[str, ...] = ()) -> list[str]:
    text = page.inner_text("body")
    return [w for w in ENGLISH_HERE + extra if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def spanish_moment(moment: datetime) -> str:
    """As a Spanish reader sees a moment: "dom 13 dic 2026, 11:00"."""
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def log_in_in_spanish(page, who) -> None:
    log_in_with(page, who.username, PASSWORD, words=SPANISH)


def no_english_and_fits(page, name: str, extra: tuple[str, ...] = ()) -> None:
    """The page at 1280 and at 390 px: no English interface word, nothing wider than the screen."""
    page.wait_for_load_state("networkidle")
    assert english_here(page, extra) == [], (name, english_here(page, extra))
    for width, height, label in ((1280, 900, "desktop"), (390, 844, "mobile")):
        page.set_viewport_size({"width": width, "height": height})
        assert fits_the_screen(page), (name, label)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"spanish-{name}-es-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_collaboration_goes_from_acceptance_to_completed_in_spanish(engine, browse, tmp_path):
    business = person(engine, UserType.BUSINESS, "Café Aurora Terraza")
    creator = person(engine, UserType.CREATOR, "Lucía Romero")
    collab_id = accepted_collaboration(engine, business, creator)
    creator_page, creator_errors = browse("es-ES")
    business_page, business_errors = browse("es-ES")
    log_in_in_spanish(creator_page, creator)
    log_in_in_spanish(business_page, business)

    creator_page.goto("/collaborations")
    row = creator_page.get_by_test_id("collaboration-row").filter(has_text="Brunch on the terrace")
    expect(row.get_by_text("Proponer una fecha de visita")).to_be_visible()
    row.click()
    expect(creator_page.get_by_role("heading", name="Programar visita", exact=True)).to_be_visible()
    expect(open_collaboration(business_page, collab_id)).to_contain_text("Esperando una fecha de visita")
    no_english_and_fits(creator_page, "collaboration-accepted")
    still_the_same_page(creator_page)
    still_the_same_page(business_page)
    moment = visit_moment()
    creator_page.get_by_label("Fecha y hora de la visita").fill(moment.strftime("%Y-%m-%dT%H:%M"))
    creator_page.get_by_role("button", name="Programar visita", exact=True).click()
    expect(creator_page.get_by_role("heading", name="Esperando confirmación")).to_be_visible()
    expect(creator_page.get_by_test_id("next-step")).to_contain_text(spanish_moment(moment))

    step = business_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Confirma la visita")).to_be_visible()
    expect(step).to_contain_text(spanish_moment(moment))
    step.get_by_role("button", name="Confirmar visita").click()
    expect(business_page.get_by_role("heading", name="Marcar visitado", exact=True)).to_be_visible()
    expect(business_page.get_by_role("link", name="Añadir al calendario")).to_be_visible()

    step = creator_page.get_by_test_id("next-step")
    code = step.get_by_test_id("visit-code")
    expect(code).to_have_text(re.compile(r"^[2-9A-Z]{8}$"))
    expect(step.get_by_role("img", name="Código QR de tu código de visita")).to_be_visible()
    visit_code = code.inner_text()

    business_page.get_by_label("Código de visita", exact=True).fill("ZZZZ2222" if visit_code != "ZZZZ2222" else "YYYY3333")
    business_page.get_by_role("button", name="Marcar visitado", exact=True).click()
    expect(business_page.get_by_text("Ese código de visita no es correcto")).to_be_visible()
    business_page.get_by_label("Código de visita", exact=True).fill(visit_code.lower())
    business_page.get_by_role("button", name="Marcar visitado", exact=True).click()
    expect(business_page.get_by_role("heading", name="Esperando el contenido")).to_be_visible()
    expect(business_page.get_by_test_id("timeline")).to_contain_text("Visita comprobada con el código de visita")

    image = tmp_path / "brunch.png"
    photo(image)
    step = creator_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Enviar contenido", exact=True)).to_be_visible()
    step.locator('input[type="file"]').set_input_files(str(image))
    expect(step.get_by_text("brunch.png")).to_be_visible()
    step.get_by_label("Texto de Instagram").fill(CAPTION.replace(MENTION, ""))
    step.get_by_role("button", name="Comprobar antes de enviar").click()
    precheck = step.get_by_test_id("precheck")
    expect(precheck).to_contain_text(f"Menciona a {MENTION}")  # the analyzer's advice, in Spanish
    step.get_by_label("Texto de Instagram").fill(CAPTION)
    step.get_by_role("button", name="Comprobar antes de enviar").click()
    expect(precheck).to_contain_text("Está todo lo que pide la oferta.")
    no_english_and_fits(creator_page, "collaboration-content")

    step.get_by_role("button", name="Enviar contenido", exact=True).click()
    analysis = creator_page.get_by_test_id("analysis")
    expect(analysis).to_contain_text(re.compile(r"\d+ / 100"), timeout=60_000)
    expect(analysis).to_contain_text("Calidad")
    expect(analysis).to_contain_text(HASHTAG)
    expect(analysis).to_contain_text("Señalizado como publicidad")

    step = business_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Revisar contenido")).to_be_visible()
    latest = business_page.get_by_test_id("latest-version")
    expect(latest.get_by_test_id("analysis")).to_contain_text("Cumplimiento")
    no_english_and_fits(business_page, "collaboration-review")
    latest.get_by_role("button", name="Aprobar", exact=True).click()
    expect(business_page.get_by_role("heading", name="Valorar", exact=True)).to_be_visible()

    expect(creator_page.get_by_test_id("next-step").get_by_role("heading", name="Valorar", exact=True)).to_be_visible()
    business_page.get_by_role("radio", name="5 estrellas").click()
    business_page.get_by_label("Comentario (opcional)").fill("Fotos preciosas, puntual y amable.")
    business_page.get_by_role("button", name="Valorar", exact=True).click()
    expect(business_page.get_by_role("heading", name="Esperando la otra valoración")).to_be_visible()

    creator_page.get_by_role("radio", name="4 estrellas").click()
    creator_page.get_by_role("button", name="Valorar", exact=True).click()
    expect(creator_page.get_by_role("heading", name="Colaboración completada")).to_be_visible()
    expect(creator_page.get_by_test_id("timeline")).to_contain_text("Completada")
    expect(business_page.get_by_role("heading", name="Colaboración completada")).to_be_visible()
    assert status_of(engine, collab_id) is CollaborationStatus.COMPLETED
    assert was_not_reloaded(creator_page) and was_not_reloaded(business_page)
    no_english_and_fits(creator_page, "collaboration-completed")
    no_english_and_fits(business_page, "collaboration-completed-business")

    creator_page.goto("/progress")
    expect(creator_page.get_by_test_id("tier-card")).to_contain_text("Explorador")
    no_english_and_fits(creator_page, "progress")
    assert creator_errors == [] and business_errors == []


def test_the_discovery_pages_read_in_spanish(engine, browse):
    business = person(engine, UserType.BUSINESS, "Bodega Sevilla")
    creator = person(engine, UserType.CREATOR, "Marta Ibáñez")
    accepted_collaboration(engine, business, creator)  # an open offer on the business's profile
    page, errors = browse("es-ES")
    log_in_in_spanish(page, business)

    page.goto("/creators")
    expect(page.get_by_role("heading", name="Buscar creadores", exact=True)).to_be_visible()
    expect(page.get_by_test_id("creator-card").first).to_be_visible()
    expect(page.get_by_test_id("creator-count")).to_contain_text(re.compile(r"\d+ creador"))
    no_english_and_fits(page, "find-creators", DISCOVERY_ONLY)

    page.goto(f"/creators/{creator.username}")
    expect(page.get_by_role("heading", name="Marta Ibáñez")).to_be_visible()
    expect(page.get_by_test_id("reputation-badge").first).to_have_text("Recién llegado")
    expect(page.get_by_text("Miembro desde")).to_be_visible()
    no_english_and_fits(page, "creator-profile", DISCOVERY_ONLY)
    page.get_by_role("button", name="Invitar a una oferta").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Invitar a Marta Ibáñez")
    no_english_and_fits(page, "invite-dialog")
    page.keyboard.press("Escape")

    page.goto(f"/businesses/{business.username}")
    expect(page.get_by_role("heading", name="Bodega Sevilla")).to_be_visible()
    expect(page.get_by_text("Ofertas abiertas")).to_be_visible()
    no_english_and_fits(page, "business-profile")

    page.goto("/saved-searches")
    expect(page.get_by_role("heading", name="Búsquedas guardadas", exact=True)).to_be_visible()
    no_english_and_fits(page, "saved-searches")
    assert errors == []
