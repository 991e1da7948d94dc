"""The REST API as a mobile app and a developer meet it: on the production server, behind Reflex's
own layers and our security headers, not only in-process."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.e2e

DEMO_PASSWORD = "influfinder-demo-2026"


def test_an_app_logs_in_reads_its_account_and_browses_offers(live_app):
    with httpx.Client(base_url=live_app.api_url, timeout=30) as http:
        login = http.post("/api/v1/auth/login", json={"identifier": "sofia@creators.demo", "password": DEMO_PASSWORD})
        assert login.status_code == 200, login.text
        bearer = {"Authorization": f"Bearer {login.json()['access_token']}"}

        me = http.get("/api/v1/users/me", headers=bearer)
        assert me.status_code == 200
        assert me.json()["profile"]["display_name"] == "Sofía Herrera"

        offers = http.get("/api/v1/offers", headers=bearer)
        assert offers.status_code == 200
        assert offers.json()["items"], "the demo's active offers are listed"

        tampered = http.get("/api/v1/users/me", headers={"Authorization": bearer["Authorization"][:-2] + "xx"})
        assert tampered.status_code == 401
        assert tampered.headers["content-type"].startswith("application/problem+json")


def test_the_contract_is_published(live_app):
    spec = httpx.get(f"{live_app.api_url}/api/v1/openapi.json", timeout=30)
    assert spec.status_code == 200
    assert spec.json()["openapi"].startswith("3.1")
    assert len(spec.json()["paths"]) >= 40


def test_swagger_ui_renders_from_our_own_files(browser, live_app):
    context = browser.new_context(base_url=live_app.api_url)
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda message: message.type == "error" and blocked.append(message.text))
    outside: list[str] = []
    page.on("request", lambda request: not request.url.startswith(live_app.api_url) and outside.append(request.url))
    try:
        page.goto("/api/docs")
        page.get_by_text("Influfinder API").first.wait_for(timeout=30_000)
        assert page.locator(".opblock").count() >= 40, "every operation is listed"
    finally:
        context.close()
    assert blocked == [], f"console errors (a CSP refusing Swagger UI's script?): {blocked}"
    assert outside == [], f"Swagger UI fetched from elsewhere: {outside}"
