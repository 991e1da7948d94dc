"""/health tells a load balancer what is wrong; /info tells what is on, never a secret."""

import pytest

from influfinder.api.routes import api
from tests.support.asgi import get

pytestmark = pytest.mark.integration

UNREACHABLE_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:1/influfinder"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.postgres
@pytest.mark.redis
def test_health_is_ok_with_real_postgres_and_redis(settings_env, pg_url, redis_url):
    settings_env.set(DATABASE_URL=pg_url, REDIS_URL=redis_url)
    response = get(api, "/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}
    assert response.headers["cache-control"] == "no-store"


def test_health_reports_redis_disabled_when_no_redis_is_configured(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url)
    response = get(api, "/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "disabled"}


def test_health_is_503_naming_the_database_when_it_is_unreachable(settings_env):
    settings_env.set(DATABASE_URL=UNREACHABLE_POSTGRES)
    response = get(api, "/health")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable", "redis": "disabled"}


def test_health_is_503_naming_redis_when_it_is_unreachable(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url, REDIS_URL=UNREACHABLE_REDIS)
    response = get(api, "/health")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "redis": "unreachable"}


MARKERS = {
    "SMTP_PASSWORD": "marker-smtp-password-41",
    "OPENAI_API_KEY": "marker-openai-key-42",
    "SECRET_KEY": "marker-secret-key-43",
    "GOOGLE_CLIENT_SECRET": "marker-google-secret-44",
}


def test_info_reports_the_active_integrations_and_no_secret(settings_env, sqlite_url):
    settings_env.set(
        DATABASE_URL=sqlite_url,
        REDIS_URL="redis://:marker-redis-password-45@127.0.0.1:1/0",
        SMTP_HOST="127.0.0.1", SMTP_USERNAME="mailer", GOOGLE_CLIENT_ID="google-id", **MARKERS,
    )
    response = get(api, "/info")
    assert response.status_code == 200
    for marker in [*MARKERS.values(), "marker-redis-password-45"]:
        assert marker not in response.text
    assert response.json()["integrations"] == {"mail": "smtp", "ai": "openai", "redis": "on", "oauth": ["google"]}


def test_info_reports_the_embedded_defaults(settings_env):
    body = get(api, "/info").json()
    assert body["name"] == "Influfinder"
    assert body["environment"] == "development"
    assert body["integrations"] == {"mail": "console", "ai": "local", "redis": "off", "oauth": []}
