"""The browser's side of state/browser.py: code compiled into the build, run when a var changes.

Each piece is an invisible element keyed by what it must do; a new key mounts it again, and its
on_mount runs a function that is part of the page's JavaScript bundle. Nothing is eval'd, so the
Content-Security-Policy needs no 'unsafe-eval'.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.vars import Var
from reflex.vars.function import ArgsFunctionOperation, FunctionStringVar

from influfinder.state.auth import backend_url
from influfinder.state.browser import BrowserState

# [IANA zone name, minutes from UTC as getTimezoneOffset() counts them]
ZONE_ANSWER = Var("[Intl.DateTimeFormat().resolvedOptions().timeZone || '', new Date().getTimezoneOffset()]")

_LEAVE = FunctionStringVar.create(
    "((url) => { window.sessionStorage.removeItem('token'); window.location.assign(url); })"
)
_SCROLL = FunctionStringVar.create(
    "((id) => { const element = document.getElementById(id); if (element) element.scrollIntoView(true); })"
)


def _when(condition: Var, key: Var, on_mount) -> rx.Component:
    return rx.cond(condition, rx.el.span(key=key, on_mount=on_mount, hidden=True, aria_hidden="true"))


def browser_actions() -> rx.Component:
    return rx.fragment(
        _when(BrowserState.leave_to != "", BrowserState.leave_to,
              rx.call_function(ArgsFunctionOperation.create((), _LEAVE.call(BrowserState.leave_to)))),
        _when(BrowserState.zone_asked > 0, BrowserState.zone_asked.to_string(),
              BrowserState.answer_zone(ZONE_ANSWER)),
        _when(BrowserState.scroll_asked > 0, BrowserState.scroll_asked.to_string(),
              rx.call_function(ArgsFunctionOperation.create((), _SCROLL.call(BrowserState.scroll_target)))),
    )


def log_out() -> rx.event.EventSpec:
    """Log out: a POST to /auth/signout from this page (the route checks its Origin), as a form the
    browser submits itself; the tab's Reflex token goes too, so the next page starts fresh."""
    action = json.dumps(backend_url("/auth/signout"))
    return rx.call_function(FunctionStringVar.create(
        "(() => { window.sessionStorage.removeItem('token'); const form = document.createElement('form'); "
        f"form.method = 'post'; form.action = {action}; document.body.appendChild(form); form.submit(); }})"
    ))
