"""What the server asks of the browser, without sending it code to run.

Reflex's `rx.call_script` (and `rx.scroll_to`, and `call_script` callbacks) make the browser
`eval` a string from the server; our Content-Security-Policy forbids eval (api/security_headers.py).
So the server only sets a var here, and `components/browser_actions.py`, in every page's layout,
runs code compiled into the build when that var changes:

- `full_page_load(url)`: leave the single-page app for `url` (log in, log out, OAuth start), dropping
  the tab's Reflex token so the next page starts from fresh state;
- `ask_zone(then)`: the browser answers its time zone and UTC offset to the handler `then`;
- `scroll_into_view(element_id)`.

Each handler here is a public RPC like any other: it takes only what it validates (a same-site URL,
a handler of ours named load or load_in_zone, an element id), and grants nothing a socket could not
do by calling those handlers itself.
"""

from __future__ import annotations

import re

import reflex as rx
from reflex.state import FrontendEventExceptionState
from reflex_base.registry import RegistrationContext
from reflex_base.utils.format import format_event_handler

from influfinder.settings import get_settings

# Reflex answers some browser errors ("TypeError: Cannot read properties of null") with a reload
# script for the browser to eval. Our CSP refuses it, and the refusal comes back as a second error
# that hides the first. The error is logged; the page is not reloaded behind the person's back.
FrontendEventExceptionState.auto_reload_on_errors = []

ZONE_HANDLERS = ("load", "load_in_zone")  # the names of the handlers that take the browser's zone
_ELEMENT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,80}")


def _is_site_url(url: object) -> bool:
    if not isinstance(url, str) or len(url) > 2000 or any(c.isspace() or c == "\\" for c in url):
        return False
    if url.startswith("/") and not url.startswith("//"):
        return True
    # The site, or in development the backend's own port (state/auth.backend_url).
    origins = (get_settings().public_url.rstrip("/"), rx.config.get_config().api_url.rstrip("/"))
    return any(url.startswith(origin + "/") for origin in origins)


class BrowserState(rx.State):
    leave_to: str = ""
    zone_reply_to: str = ""
    zone_asked: int = 0
    scroll_target: str = ""
    scroll_asked: int = 0

    @rx.event
    def leave(self, url: str):
        if _is_site_url(url):
            self.leave_to = url

    @rx.event
    def ask_zone(self, reply_to: str):
        if _zone_handler(reply_to) is not None:
            self.zone_reply_to = reply_to
            self.zone_asked += 1

    @rx.event
    def answer_zone(self, answer: list):
        handler = _zone_handler(self.zone_reply_to)
        if handler is None or not isinstance(answer, list) or len(answer) != 2:
            return None
        zone, offset = answer
        if not isinstance(zone, str) or not isinstance(offset, int) or isinstance(offset, bool):
            return None
        self.zone_asked = 0  # answered: a page hydrated later with this state must not answer again
        # load_in_zone takes [zone, offset] (the offer form needs both); load takes the zone.
        return handler([zone[:64], offset]) if handler.fn.__name__ == "load_in_zone" else handler(zone[:64])

    @rx.event
    def scroll(self, element_id: str):
        if isinstance(element_id, str) and _ELEMENT_ID.fullmatch(element_id):
            self.scroll_target = element_id
            self.scroll_asked += 1


def _zone_handler(name: object):
    if not isinstance(name, str) or not name.rsplit(".", 1)[-1] in ZONE_HANDLERS:
        return None
    registered = RegistrationContext.get().event_handlers.get(name)
    if registered is None or ".influfinder___state___" not in "." + name.split(".", 1)[-1]:
        return None
    return registered.handler


def full_page_load(url: str) -> rx.event.EventSpec:
    """Leave the single-page app: HTTP routes must see the request, and the socket must reconnect."""
    return BrowserState.leave(url)


def ask_zone(then) -> rx.event.EventSpec:
    """The browser's time zone, then `then(zone)` (or `then([zone, offset])` for load_in_zone)."""
    return BrowserState.ask_zone(format_event_handler(then))


def scroll_into_view(element_id: str) -> rx.event.EventSpec:
    return BrowserState.scroll(element_id)
