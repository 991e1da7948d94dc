"""Which language a visitor gets, the URL of a page in each language, and the redirect in front of the pages."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from influfinder.api.language_redirect import language_redirect
from influfinder.i18n import formats, ngettext, use_language
from influfinder.i18n.choice import from_accept_language, preferred_language
from influfinder.i18n.routes import language_of_path, localized, page_route, unlocalized


def test_english_pages_live_under_en():
    assert language_of_path("/en/offers") == "en"
    assert language_of_path("/en") == "en"
    assert language_of_path("/offers") == "es"
    assert language_of_path("/entrar") == "es"
    assert localized("/offers?page=2", "en") == "/en/offers?page=2"
    assert localized("/", "en") == "/en"
    assert localized("/en/offers", "es") == "/offers"
    assert localized("/en", "es") == "/"
    assert localized("https://example.com/x", "en") == "https://example.com/x"
    assert unlocalized("/en/offers/abc") == "/offers/abc"
    assert page_route("offers/[id]", "en") == "/en/offers/[id]"


def test_choice_is_the_cookie_then_the_browser_then_spanish():
    assert preferred_language("en", "es-ES,es;q=0.9") == "en"
    assert preferred_language("es", "en-US,en;q=0.9") == "es"
    assert preferred_language(None, "en-GB,en;q=0.9,es;q=0.8") == "en"
    assert preferred_language(None, "fr-FR,es;q=0.5,en;q=0.4") == "es"
    assert preferred_language("xx", "de-DE") == "es"
    assert preferred_language(None, None) == "es"
    assert from_accept_language("es-MX;q=0.2, en;q=0.8") == "en"
    assert from_accept_language("en;q=0") is None


def _get(path: str, headers: dict[str, str], method: str = "GET") -> tuple[int, dict[str, str]]:
    served = []

    async def site(scope, receive, send):
        served.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"page"})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    raw_path, _, query = path.partition("?")
    scope = {"type": "http", "method": method, "path": raw_path, "query_string": query.encode(),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(language_redirect(site)(scope, receive, send))
    start = sent[0]
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}


HTML = {"Accept": "text/html,application/xhtml+xml"}


def test_an_english_reader_opening_a_spanish_page_is_sent_to_its_english_twin():
    status, headers = _get("/offers?page=2", {**HTML, "Accept-Language": "en-US,en;q=0.9"})
    assert status == 307 and headers["location"] == "/en/offers?page=2"
    status, headers = _get("/", {**HTML, "Cookie": "lang=en"})
    assert status == 307 and headers["location"] == "/en"


def test_spanish_readers_english_urls_and_backend_routes_are_served_as_they_are():
    assert _get("/offers", {**HTML, "Accept-Language": "es-ES,es"})[0] == 200
    assert _get("/offers", {**HTML, "Accept-Language": "en", "Cookie": "session=x; lang=es"})[0] == 200
    assert _get("/en/offers", {**HTML, "Cookie": "lang=es"})[0] == 200
    english = {**HTML, "Accept-Language": "en"}
    assert _get("/collaborations/abc/visit.ics", english)[0] == 200
    assert _get("/auth/complete", english)[0] == 200
    assert _get("/offers", {"Accept": "application/json", "Accept-Language": "en"})[0] == 200
    assert _get("/offers", english, method="POST")[0] == 200


def plain(text: str) -> str:
    """Babel writes the no-break spaces CLDR asks for (between amount and €); compare them as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def test_money_dates_and_numbers_follow_the_reader():
    assert plain(formats.money(Decimal("1234.50"), "EUR", "es")) == "1.234,50 €"
    assert plain(formats.money(Decimal("1234.50"), "EUR", "en")) == "€1,234.50"
    assert plain(formats.money(150, "EUR", "es")) == "150 €"
    assert plain(formats.money(Decimal("1234.50"), "MXN", "es")) == "$1,234.50 MXN"
    assert formats.money(None, "EUR", "es") == ""
    moment = datetime(2026, 12, 9, 13, 30, tzinfo=timezone.utc)
    assert plain(formats.day(moment, "es")) == "9 dic 2026"
    assert plain(formats.day(moment, "en")) == "9 Dec 2026"
    assert plain(formats.when(moment, "es", "Europe/Madrid")) == "mié 9 dic 2026, 14:30"
    assert plain(formats.when(moment, "en", "America/Mexico_City")) == "Wed 9 Dec 2026, 07:30"
    assert "Madrid" in formats.zone_label("Europe/Madrid", "es")
    assert plain(formats.ago(moment - timedelta(hours=2), "es", now=moment)) == "hace 2 horas"
    assert plain(formats.ago(moment - timedelta(hours=2), "en", now=moment)) == "2 hours ago"
    assert plain(formats.compact_number(12_500, "es")) == "12,5 mil"
    assert plain(formats.compact_number(12_500, "en")) == "12.5K"


def test_plural_forms_come_from_the_catalog():
    with use_language("es"):
        assert ngettext("{n}+ collaboration", "{n}+ collaborations", 1).format(n=1) == "1+ colaboración"
        assert ngettext("{n}+ collaboration", "{n}+ collaborations", 5).format(n=5) == "5+ colaboraciones"
    with use_language("en"):
        assert ngettext("{n}+ collaboration", "{n}+ collaborations", 5).format(n=5) == "5+ collaborations"


def test_a_venue_city_names_its_time_zone_whatever_its_accents_or_case():
    from influfinder.domain.venues import venue_zone

    assert venue_zone("Ciudad de México") == venue_zone("ciudad de mexico") == "America/Mexico_City"
    assert venue_zone(" Sevilla ") == "Europe/Madrid"
    assert venue_zone("Atlantis") is None and venue_zone(None) is None


def test_ratings_and_engagement_are_written_as_the_reader_writes_numbers():
    from influfinder.i18n import formats

    assert (formats.rating(4.75, "es"), formats.rating(4.75, "en"), formats.rating(5, "es")) == ("4,8", "4.8", "5,0")
    assert plain(formats.percent(3.8, "es")) == "3,8 %" and formats.percent(3.8, "en") == "3.8%"
