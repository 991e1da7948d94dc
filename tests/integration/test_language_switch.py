"""The language switcher's route: the choice kept in the `lang` cookie, then the same page in it."""

from starlette.testclient import TestClient

from influfinder.api.language_redirect import english_target
from influfinder.api.routes import build_api


def client() -> TestClient:
    return TestClient(build_api(), base_url="http://127.0.0.1", follow_redirects=False)


def test_choosing_english_keeps_it_and_opens_the_english_page(settings_env):
    response = client().get("/language", params={"to": "en", "next": "/offers?city=Madrid"})
    assert response.status_code == 303
    assert response.headers["location"].endswith("/en/offers?city=Madrid")
    assert "lang=en" in response.headers["set-cookie"]


def test_choosing_spanish_from_an_english_page_opens_the_plain_page(settings_env):
    response = client().get("/language", params={"to": "es", "next": "/en/offers"})
    assert response.headers["location"].endswith("/offers")
    assert "lang=es" in response.headers["set-cookie"]


def test_an_unknown_language_or_a_foreign_next_changes_nothing(settings_env):
    unknown = client().get("/language", params={"to": "fr", "next": "/offers"})
    assert "set-cookie" not in unknown.headers
    elsewhere = client().get("/language", params={"to": "en", "next": "//evil.example/x"})
    assert "evil.example" not in elsewhere.headers["location"]


def test_an_english_browser_is_not_sent_to_an_english_copy_of_a_backend_route():
    for path in ("/language", "/share/creators/someone", "/metrics"):
        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"",
                 "headers": [(b"accept", b"text/html"), (b"cookie", b"lang=en")]}
        assert english_target(scope) is None, path


def test_an_english_browser_opening_a_profile_whose_username_has_a_dot_gets_the_english_page():
    def target(path: str) -> str | None:
        return english_target({"type": "http", "method": "GET", "path": path, "query_string": b"",
                               "headers": [(b"accept", b"text/html"), (b"accept-language", b"en-US,en;q=0.9")]})

    assert target("/creators/lucia.romero") == "/en/creators/lucia.romero"
    assert target("/favicon.ico") is None and target("/assets/app-3f2a.js") is None  # files stay as they are
