"""What operators see: liveness apart from readiness, Prometheus metrics only for those allowed,
a request id on every response and in every log line, JSON logs when asked."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest

from influfinder.api.routes import api
from influfinder.logs import configure_logging, request_id
from tests.support.asgi import get

pytestmark = pytest.mark.integration

UNREACHABLE_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:1/influfinder"


def call(path: str, *, client: str = "127.0.0.1", headers: dict | None = None) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=api, client=(client, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
            return await http.get(path, headers=headers or {})

    return asyncio.run(run())


def test_a_worker_without_its_database_is_alive_but_not_ready(settings_env):
    settings_env.set(DATABASE_URL=UNREACHABLE_POSTGRES)
    assert get(api, "/health/live").status_code == 200
    for path in ("/health/ready", "/health"):
        response = get(api, path)
        assert response.status_code == 503 and response.json()["database"] == "unreachable"


def test_a_ready_worker_says_so_on_both_paths(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url)
    for path in ("/health/ready", "/health"):
        assert get(api, path).json() == {"status": "ok", "database": "ok", "redis": "disabled"}


def test_metrics_are_served_to_this_machine_only_when_no_token_is_set(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url)
    get(api, "/health/ready")
    response = call("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'influfinder_http_request_seconds_count{method="GET",route="/health/ready",status="200"}' in text
    assert 'influfinder_db_pool_connections{state="in_use"}' in text
    for family in ("influfinder_event_seconds", "influfinder_live_updates_total", "influfinder_upload_bytes_total",
                   "influfinder_side_effects_pending", "influfinder_periodic_job_runs_total"):
        assert f"# TYPE {family.removesuffix('_total')}" in text, family
    assert call("/metrics", client="203.0.113.9").status_code == 404


def test_with_a_token_metrics_need_it_from_anywhere(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url, METRICS_TOKEN="scrape-token-0123456789")
    assert call("/metrics").status_code == 404
    assert call("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404
    granted = call("/metrics", client="203.0.113.9", headers={"Authorization": "Bearer scrape-token-0123456789"})
    assert granted.status_code == 200 and "influfinder_http_request_seconds" in granted.text


def test_every_response_carries_a_request_id_and_a_sane_one_sent_is_kept(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url)
    first, second = call("/health/live"), call("/health/live")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert call("/info", headers={"X-Request-ID": "lb-1234abcd"}).headers["x-request-id"] == "lb-1234abcd"
    forged = call("/info", headers={"X-Request-ID": "x\ninjected log line"}).headers["x-request-id"]
    assert "\n" not in forged and forged != "x\ninjected log line"


def test_json_logs_are_one_object_a_line_with_the_request_id(settings_env, sqlite_url, capsys):
    settings_env.set(DATABASE_URL=sqlite_url, LOG_FORMAT="json")
    configure_logging()
    root = logging.getLogger()
    try:
        token = request_id.set("req-0123456789")
        logging.getLogger("influfinder.test").warning("an application was refused", extra={"offer": "o-1"})
        request_id.reset(token)
        line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
        assert line["message"] == "an application was refused" and line["request_id"] == "req-0123456789"
        assert (line["level"], line["logger"], line["offer"]) == ("WARNING", "influfinder.test", "o-1")
    finally:
        for handler in [h for h in root.handlers if h.get_name() == "influfinder"]:
            root.removeHandler(handler)
