"""The numbers an operator scrapes: Prometheus metrics of this process (prometheus-client).

Served at `/metrics` (api/operations_routes.py). One registry per process; with several Granian
workers each worker is its own process and its own target (Prometheus sums them by label).

- `influfinder_http_request_seconds{method,route,status}`: HTTP requests (api/request_context.py);
- `influfinder_event_seconds{handler}`: Reflex event handlers, socket in to state saved (state/guards.py);
- `influfinder_live_updates_total{outcome}`: live updates a page applied (`sent`), a page that had
  missed one and reloaded from the database (`caught_up`), a page asked to hydrate again
  (`rehydrated`) (state/live_delivery.py);
- `influfinder_side_effects_pending`: after-commit jobs (mail, pushes) waiting or running;
  `influfinder_periodic_job_runs_total{outcome}`: the scheduler's rounds;
- `influfinder_db_pool_connections{state}`: the database pool (`in_use`, `idle`, `size`, `overflow`);
- `influfinder_upload_bytes_total`: bytes of uploaded media stored.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

REGISTRY = CollectorRegistry()
# From 1 ms to 10 s: a socket round trip is a few ms, a search at a million offers tens of ms.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUEST_SECONDS = Histogram("influfinder_http_request_seconds", "HTTP requests by route template and status.",
                                 ["method", "route", "status"], buckets=BUCKETS, registry=REGISTRY)
EVENT_SECONDS = Histogram("influfinder_event_seconds", "Reflex event handlers, from the socket to the saved state.",
                          ["handler"], buckets=BUCKETS, registry=REGISTRY)
LIVE_UPDATES = Counter("influfinder_live_updates", "Live updates by outcome at the page: sent, caught_up, rehydrated.",
                       ["outcome"], registry=REGISTRY)
PERIODIC_JOB_RUNS = Counter("influfinder_periodic_job_runs", "Rounds of the periodic jobs, by outcome (ok, failed).",
                            ["outcome"], registry=REGISTRY)
UPLOAD_BYTES = Counter("influfinder_upload_bytes", "Bytes of uploaded media stored.", registry=REGISTRY)
SIDE_EFFECTS_PENDING = Gauge("influfinder_side_effects_pending", "After-commit jobs (mail, pushes) waiting or running.",
                             registry=REGISTRY)


class DatabasePoolCollector:
    """The pool of the app's engine, read at scrape time (no engine yet: nothing to report)."""

    def collect(self):
        from influfinder import database

        family = GaugeMetricFamily("influfinder_db_pool_connections", "Database pool connections by state.",
                                   labels=["state"])
        if database.engine.cache_info().currsize:
            pool = database.engine().pool
            for state, read in (("in_use", "checkedout"), ("idle", "checkedin"), ("size", "size"),
                                ("overflow", "overflow")):
                if hasattr(pool, read):
                    family.add_metric([state], float(getattr(pool, read)()))
        yield family


def _pending_side_effects() -> float:
    from influfinder.services import effects

    return float(len(effects._pending))


REGISTRY.register(DatabasePoolCollector())
SIDE_EFFECTS_PENDING.set_function(_pending_side_effects)


def exposition() -> bytes:
    """The text format Prometheus scrapes."""
    return generate_latest(REGISTRY)
