"""The built pages paint before their scripts load, and are served at their own paths (issue 11, item 8)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re

from influfinder.api.prerendered_pages import PrerenderedPages
from influfinder.api.security_headers import inline_script_hashes
from influfinder.first_paint import HELD_ID, paint_first, rewrite_pages

BOOT = ('import "/assets/manifest-1.js"; import * as route0 from "/assets/root-A.js";\n'
        'window.__reactRouterRouteModules = {"root":route0};\nimport("/assets/entry.client-B.js");')
# The shape of a page as React Router prerenders it (trimmed).
PAGE = ('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'
        '<link rel="modulepreload" href="/assets/manifest-1.js"/><link rel="modulepreload" href="/assets/root-A.js"/>'
        '<script>document.documentElement.classList.add("light")</script>'
        '<link href="/assets/styles-C.css" rel="stylesheet" type="text/css"/></head>'
        '<body><main><h1>Offers</h1></main><script>window.__reactRouterContext = {"ssr":false};</script>'
        f'<script type="module" async="">{BOOT}</script></body></html>')


def sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_a_page_asks_for_no_module_before_it_paints():
    page = paint_first(PAGE)
    assert "modulepreload" not in page
    assert '<script type="module"' not in page  # nothing the browser would fetch or run before painting
    assert "<h1>Offers</h1>" in page and 'rel="stylesheet"' in page  # the content and its styles stay


def test_the_held_boot_script_is_started_after_the_first_frame_with_the_same_text():
    page = paint_first(PAGE)
    held = re.search(rf'<script type="text/x-after-paint" id="{HELD_ID}">(.*?)</script>', page, re.S)
    assert held and held.group(1) == BOOT
    loader = page[held.end():page.index("</script>", held.end()) + len("</script>")]
    assert "requestAnimationFrame" in loader and f'getElementById("{HELD_ID}")' in loader
    # The Content-Security-Policy allows inline scripts by hash: the one the loader inserts has the held text.
    assert sha(BOOT) in inline_script_hashes(page.encode())


def test_rewriting_twice_changes_nothing_and_pages_without_the_boot_script_stay():
    once = paint_first(PAGE)
    assert paint_first(once) == once
    plain = "<html><body><p>Status</p></body></html>"
    assert paint_first(plain) == plain


def test_the_build_step_rewrites_every_page_of_the_folder(tmp_path):
    (tmp_path / "en" / "offers").mkdir(parents=True)
    (tmp_path / "en" / "offers" / "index.html").write_text(PAGE)
    (tmp_path / "index.html").write_text(PAGE)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "root-A.js").write_text("export {}")
    assert rewrite_pages(tmp_path) == 2
    assert "modulepreload" not in (tmp_path / "en" / "offers" / "index.html").read_text()
    assert (tmp_path / "assets" / "root-A.js").read_text() == "export {}"


def served_path(folder, path: str, method: str = "GET") -> str:
    seen = {}

    async def app(scope, receive, send):
        seen["path"] = scope["path"]

    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "headers": []}
    asyncio.run(PrerenderedPages(app, folder)(scope, None, None))
    return seen["path"]


def test_a_built_page_is_served_at_its_own_path_without_a_slash_redirect(tmp_path):
    (tmp_path / "en" / "offers").mkdir(parents=True)
    (tmp_path / "en" / "offers" / "index.html").write_text(PAGE)
    assert served_path(tmp_path, "/en/offers") == "/en/offers/"
    assert served_path(tmp_path, "/en/offers", "HEAD") == "/en/offers/"
    # Not a built page folder, already a folder path, a file or a backend route: untouched. (A POST to a
    # page is sent back to it: tests/integration/test_form_before_scripts.py.)
    assert served_path(tmp_path, "/en/offers/42") == "/en/offers/42"
    assert served_path(tmp_path, "/en/offers/") == "/en/offers/"
    assert served_path(tmp_path, "/api/v1/offers") == "/api/v1/offers"
    assert served_path(tmp_path, "/en/../en/offers") == "/en/../en/offers"
