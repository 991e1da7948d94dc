"""Lighthouse on a production start: the scores a phone user's first visit gets (issue 11, item 8).

The server is the production build (`python -m influfinder run --prod`) with the demo data. Lighthouse
12 (the npm package, installed once into tests/output/lighthouse-tool with Debian's Node) drives
Debian's Chromium over each page: `/`, `/offers`, one offer's page, `/login`, and a signed-in demo
creator's `/collaborations` (the session cookie is sent as a header). Printed per page: the four
category scores and the metrics behind performance (FCP, LCP, TBT, CLS, DOM nodes). Nothing is asserted
about the figures: a shared or slow machine scores lower, and a benchmark reports.

    python3 -m influfinder test tests/benchmarks/test_lighthouse_bench.py -m benchmark -s
    LIGHTHOUSE_PRESET=desktop   the desktop preset (mobile, with slow 4G and 4x CPU, by default)
    LIGHTHOUSE_RUNS=3           runs per page; the median performance run is printed
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlmodel import select

from influfinder import database
from influfinder.domain.enums import OfferStatus
from influfinder.models import Offer, User
from influfinder.services import sessions
from tests.support import OUTPUT_DIR
from tests.support.env import clean_environment
from tests.support.live_app import LiveApp, configured_like, running

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

TOOL = OUTPUT_DIR / "lighthouse-tool"
PRESET = os.environ.get("LIGHTHOUSE_PRESET", "mobile")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
DEMO_CREATOR = "lucia@creators.demo"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
           "CLS": "cumulative-layout-shift", "DOM": "dom-size"}


def lighthouse() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm", path="/usr/bin:/usr/local/bin")  # Debian's Node, not the venv's wheel
        subprocess.run([npm, "install", "--prefix", str(TOOL), "--no-audit", "--no-fund", "lighthouse@12"],
                       check=True, capture_output=True)
    return binary


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[LiveApp]:
    data = tmp_path_factory.mktemp("lighthouse")
    env = clean_environment({
        "DATABASE_URL": f"sqlite:///{data / 'lighthouse.db'}", "SECRET_KEY": secrets.token_urlsafe(32),
        "DEMO_DATA": "true", "UPLOAD_DIR": str(data / "uploads"), "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false",
    })
    with running(env, "lighthouse-app.log") as app:
        yield app


def pages(server: LiveApp) -> list[tuple[str, str, str | None]]:
    """(name, path, cookie) for each page measured; the signed-in one carries a demo creator's session."""
    with configured_like(server, ("DATABASE_URL", "SECRET_KEY")), database.session_scope() as db:
        offer_id = db.exec(select(Offer.id).where(Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True))
                           .order_by(Offer.published_at.desc())).first()
        creator_id = db.exec(select(User.id).where(User.email == DEMO_CREATOR)).one()
        token, _record = sessions.open_session(creator_id, remember=False, user_agent="lighthouse",
                                               ip_address="127.0.0.1")
        cookie = f"{sessions.cookie_name()}={token}"
    return [("landing", "/", None), ("browse", "/offers", None), ("offer", f"/offers/{offer_id}", None),
            ("login", "/login", None), ("collaborations (creator)", "/collaborations", cookie)]


def audit(url: str, cookie: str | None, report: Path) -> dict:
    command = [str(lighthouse()), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if PRESET == "desktop":
        command.append("--preset=desktop")
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    for _attempt in range(3):  # "Something went wrong with recording the trace ... run Lighthouse again"
        done = subprocess.run(command, capture_output=True, text=True,
                              env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if done.returncode == 0 or "run Lighthouse again" not in done.stderr:
            break
    assert done.returncode == 0, f"lighthouse failed on {url}:\n{done.stderr[-3000:]}"
    return json.loads(report.read_text())


def summary(result: dict) -> dict[str, float]:
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    figures = {label: result["audits"][key]["numericValue"] for label, key in METRICS.items()}
    return {**scores, **figures, "landed": urlsplit(result["finalDisplayedUrl"]).path}


def reached(path: str, landed: str) -> bool:
    """/offers is reached at /offers, /en/offers/ or /es/offers; a redirect to the login page is not."""
    without_language = re.sub(r"^/(en|es)(?=/|$)", "", landed).rstrip("/") or "/"
    return without_language == (path.rstrip("/") or "/")


def test_lighthouse_scores_of_the_main_pages(server):
    rows = []
    missed = []
    for name, path, cookie in pages(server):
        runs = [summary(audit(server.base_url + path, cookie, OUTPUT_DIR / f"lighthouse-{PRESET}-{i}.json"))
                for i in range(RUNS)]
        median = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
        rows.append((name, median, statistics.pstdev([r["performance"] for r in runs]) if RUNS > 1 else 0.0))
        missed += [f"{name}: asked for {path}, measured {r['landed']}" for r in runs if not reached(path, r["landed"])]
    print(f"\nLighthouse 12, {PRESET} preset, {RUNS} run(s) per page (median by performance), load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"{'page':<26}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'FCP ms':>9}{'LCP ms':>9}{'TBT ms':>9}"
          f"{'CLS':>7}{'DOM':>7}")
    for name, r, spread in rows:
        print(f"{name:<26}{r['performance']:>6}{r['accessibility']:>6}{r['best-practices']:>6}{r['seo']:>6}"
              f"{r['FCP']:>9.0f}{r['LCP']:>9.0f}{r['TBT']:>9.0f}{r['CLS']:>7.3f}{r['DOM']:>7.0f}"
              + (f"  (perf sd {spread:.1f})" if RUNS > 1 else ""))
    assert len(rows) == 5
    # Figures of another page than the one named are not figures of that page.
    assert not missed, "pages not reached (the rows above are of the page landed on):\n" + "\n".join(missed)
