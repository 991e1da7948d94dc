"""The production build's pages paint before their JavaScript loads (issue 11, item 8: fast on a phone).

The prerendered HTML of every page already holds its text, styled by the one stylesheet in its head. But
React Router's page also asks for every module the page will run, at high priority, before anything is
painted: ~70 `<link rel="modulepreload">` in the head (React hoists them there) and the inline module
script that imports the entry. On a phone on a slow network the first paint then waited for ~360 KB of
scripts it does not need (Lighthouse: first contentful paint 4.3-4.7 s on every page, 1.3 s without).

After the build (`Plugin.post_build`, before Reflex compresses the files), each HTML page is rewritten:
- the modulepreload links go;
- the inline module script that starts the app is kept, but held (`type="text/x-after-paint"`): a small
  inline script copies it into a real module script in the frame after the first paint (at once in a
  background tab, which does not paint), so the scripts load while the reader already sees the page.
Nothing else changes: the same modules run in the same order, React hydrates the same HTML. The page's
Content-Security-Policy allows inline scripts by their hashes, read from each page as it is served
(api/security_headers.py), and a script inserted with the held script's text has the held script's hash.
The build runs in every production start (`python -m influfinder run --prod`), the browser tests' included.

The scripts start later, so the page is shown for longer before React handles its forms: a form sent in
that time is held and sent by the app once it runs (components/early_submit.py).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import reflex as rx

log = logging.getLogger(__name__)

HELD_TYPE = "text/x-after-paint"
HELD_ID = "app-boot"
_MODULEPRELOAD = re.compile(r'<link rel="modulepreload"[^>]*>')
# React Router's <Scripts>: the one inline module script, which imports the route modules and the entry.
_BOOT = re.compile(r'<script type="module"(?: async="")?>(?=[^<]*import\()')
# Runs when parsed, right after the held script: boots in the task after the next frame is drawn.
LOADER = (
    "<script>(function(){function boot(){var held=document.getElementById(\"" + HELD_ID + "\"),"
    "s=document.createElement(\"script\");s.type=\"module\";s.textContent=held.textContent;"
    "document.head.appendChild(s)}"
    "if(document.visibilityState===\"hidden\"){boot()}"
    "else{requestAnimationFrame(function(){setTimeout(boot,0)})}})()</script>"
)


def paint_first(html: str) -> str:
    """The page with its scripts loaded after the first paint; a page without React Router's boot script
    (or already rewritten) comes back unchanged."""
    if f'id="{HELD_ID}"' in html:
        return html
    boots = list(_BOOT.finditer(html))
    if len(boots) != 1:
        return html
    boot = boots[0]
    end = html.index("</script>", boot.end()) + len("</script>")
    held = f'<script type="{HELD_TYPE}" id="{HELD_ID}">' + html[boot.end():end]
    html = html[:boot.start()] + held + LOADER + html[end:]
    return _MODULEPRELOAD.sub("", html)


def rewrite_pages(static_dir: Path) -> int:
    """Rewrites every HTML page of the build in place; returns how many changed."""
    changed = 0
    for page in static_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rewritten = paint_first(html)
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")
            changed += 1
    return changed


class FirstPaintPlugin(rx.plugins.Plugin):
    """Rewrites the built pages so that they paint before their scripts load (see the module's text)."""

    def post_build(self, **context) -> None:
        static_dir = Path(context["static_dir"])
        changed = rewrite_pages(static_dir)
        log.info("first paint: %d built pages load their scripts after painting", changed)
