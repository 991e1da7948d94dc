"""docker-compose.yml runs several app workers behind one proxy (Docker cannot run here: this reads
the files). Every worker gets what the app needs to run as one of several, the same for each, and
the proxy routes the socket path to every worker, sticky per tab, with what a WebSocket needs."""

from __future__ import annotations

import re

import pytest
import yaml

from influfinder.settings import Settings
from tests.support import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
WORKERS = {name: service for name, service in SERVICES.items() if service.get("image") == "influfinder:latest"}
# Several workers: the shared database and Redis, one signing key, and the origin browsers use.
NEEDED = {"DATABASE_URL": "postgresql+psycopg://", "REDIS_URL": "redis://", "SECRET_KEY": "${SECRET_KEY",
          "PUBLIC_URL": "${PUBLIC_URL", "UPLOAD_DIR": "/", "GRANIAN_WORKERS": "1"}
PROXY_CONF = COMPOSE["configs"]["proxy_conf"]["content"].replace("$$", "$")


def environment(service: dict) -> dict[str, str | None]:
    return {name: value for name, _, value in (entry.partition("=") for entry in service["environment"])} | {
        entry: None for entry in service["environment"] if "=" not in entry}


def upstream(name: str) -> str:
    found = re.search(r"upstream\s+" + name + r"\s*\{(.*?)\}", PROXY_CONF, re.S)
    assert found, f"no upstream {name} in the proxy's configuration"
    return found.group(1)


def location(path: str) -> str:
    found = re.search(r"location\s+" + re.escape(path) + r"\s*\{(.*?)\}", PROXY_CONF, re.S)
    assert found, f"the proxy has no location {path}"
    return found.group(1)


def test_there_are_several_workers_and_only_the_proxy_is_published():
    assert len(WORKERS) >= 2
    assert [name for name, s in SERVICES.items() if s.get("ports")] == ["proxy"]


@pytest.mark.parametrize("worker", sorted(WORKERS))
def test_each_worker_is_given_what_the_app_needs(worker):
    env = environment(WORKERS[worker])
    for name, starts in NEEDED.items():
        assert env.get(name) and env[name].startswith(starts), f"{worker}: {name} is {env.get(name)!r}"
    # Every other setting the app reads reaches the worker when it is set in .env.
    for field in Settings.model_fields:
        assert field.upper() in env, f"{worker} does not pass {field.upper()} through"
    assert WORKERS[worker]["depends_on"]["db"]["condition"] == "service_healthy"
    assert WORKERS[worker]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_every_worker_has_the_same_environment():
    first, *others = (environment(service) for service in WORKERS.values())
    assert all(other == first for other in others)


def test_the_socket_path_goes_to_every_worker_sticky_per_tab_and_upgraded():
    sockets = upstream("influfinder_sockets")
    assert re.search(r"hash\s+\$arg_token\s+consistent;", sockets), "the socket upstream is not sticky per tab"
    assert set(re.findall(r"server\s+([\w-]+):3000;", sockets)) == set(WORKERS)
    assert set(re.findall(r"server\s+([\w-]+):3000;", upstream("influfinder_pages"))) == set(WORKERS)
    event = location("/_event")
    for needed in ("proxy_pass http://influfinder_sockets;", "proxy_http_version 1.1;",
                   "proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"):
        assert needed in event, needed
    timeout = re.search(r"proxy_read_timeout\s+(\d+)s;", event)
    assert timeout and int(timeout.group(1)) > 60, "idle sockets would be cut between events"
    assert "listen 3000;" in PROXY_CONF and SERVICES["proxy"]["ports"] == ["3000:3000"]


def test_metrics_are_not_served_through_the_proxy():
    assert "return 404;" in location("= /metrics")
