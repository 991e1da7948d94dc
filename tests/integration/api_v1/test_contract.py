"""The contract around the endpoints: OpenAPI 3.1, Swagger UI from local files, CORS allowlist,
health and info, and problem documents for routes and methods that do not exist."""

from __future__ import annotations

import jsonschema_rs
import pytest

from tests.support.api_client import V1, assert_problem

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


def test_the_openapi_document_is_3_1_with_the_bearer_scheme_and_examples(client):
    document = client.get(f"{V1}/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert document["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http", "scheme": "bearer", "description": "An access token from POST /api/v1/auth/login."}
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) >= 50
    schemas = document["components"]["schemas"]
    for name in ("Register", "Login", "Tokens", "Problem", "Apply", "Review", "Schedule", "Rating", "Notes", "OfferInput"):
        assert schemas[name].get("examples"), name
    for name, schema in schemas.items():  # every schema shows an example that is valid by its own rules
        if "enum" not in schema:
            assert schema.get("examples"), name
            validator = jsonschema_rs.validator_for({**schema, "components": document["components"]})
            for example in schema["examples"]:
                validator.validate(example)
    problem = document["paths"]["/offers/{offer_id}"]["get"]["responses"]["404"]["content"]
    assert problem["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_swagger_ui_is_served_with_its_own_files_and_no_cdn(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/api/docs/assets/swagger-ui-bundle.js" in page.text and "/api/v1/openapi.json" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text.replace("https://fastapi.tiangolo.com", "")
    script = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 200


def test_cors_allows_the_site_and_listed_origins_only(client, settings_env):
    settings_env.set(PUBLIC_URL="https://influfinder.example", CORS_ORIGINS="https://app.influfinder.example")
    for origin in ("https://influfinder.example", "https://app.influfinder.example"):
        preflight = client.options(f"{V1}/users/me", headers={
            "Origin": origin, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Authorization"})
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == origin
        assert client.get(f"{V1}/info", headers={"Origin": origin}).headers["access-control-allow-origin"] == origin
    evil = client.options(f"{V1}/users/me", headers={"Origin": "https://evil.example",
                                                    "Access-Control-Request-Method": "GET"})
    assert evil.status_code == 400 and "access-control-allow-origin" not in evil.headers
    assert "access-control-allow-origin" not in client.get(f"{V1}/info", headers={"Origin": "https://evil.example"}).headers


def test_health_and_info_answer_under_v1(client):
    health = client.get(f"{V1}/health")
    assert health.status_code == 200 and health.json() == {"status": "ok", "database": "ok", "redis": "ok"}
    info = client.get(f"{V1}/info").json()
    assert info["name"] == "Influfinder" and info["integrations"]["redis"] == "on"
    assert "api-test-secret" not in client.get(f"{V1}/info").text


def test_unknown_paths_and_methods_are_problem_documents(client):
    assert_problem(client.get(f"{V1}/no-such-thing"), 404)
    assert_problem(client.delete(f"{V1}/offers"), 405)
