"""A form submitted before the app runs is held, then sent by the app: nothing typed is lost.

Pages are prerendered: on a slow phone the login form is on screen, and can be filled in and sent,
before the page's scripts have loaded and React has taken it over (influfinder/first_paint.py widens
that time on purpose, so the page paints sooner). The browser would then send the form itself: a POST
the server can only answer by showing the page again (api/prerendered_pages.py), what was typed gone.

So every page's head carries a small inline script (allowed by its hash, api/security_headers.py)
that listens for submits on the window, after React's own listener. A POST form's submit that nobody
handled is held: the form shows busy (aria-busy, styles.css) and, when <AppReady> mounts
(assets/app_ready.jsx, in every page's frame), the held submit is sent again, now to the app's own
handler. The search forms are GET forms: sent before the app runs they work as plain links, untouched.
"""

from __future__ import annotations

import reflex as rx

READY_EVENT = "influfinder:ready"

# No "&", "<" or ">" in it: it is the text of a <script> element of the prerendered page.
SCRIPT = (
    "(function () {"
    " var ready = false, held = null;"
    " window.addEventListener('submit', function (event) {"
    "  var form = event.target;"
    "  if (ready || event.defaultPrevented || form.method !== 'post') return;"
    "  event.preventDefault();"
    "  held = {form: form, submitter: event.submitter};"
    "  form.setAttribute('aria-busy', 'true');"
    " });"
    f" window.addEventListener('{READY_EVENT}', function () {{"
    "  ready = true;"
    "  if (!held) return;"
    "  var form = held.form, submitter = held.submitter;"
    "  held = null;"
    "  form.removeAttribute('aria-busy');"
    "  if (!form.isConnected) return;"
    "  form.requestSubmit(submitter ? (submitter.form === form ? submitter : undefined) : undefined);"
    " });"
    "})();"
)


class AppReady(rx.Component):
    """assets/app_ready.jsx: renders nothing; tells the early-submit script that React runs the page."""

    library = "$/public/app_ready.jsx"
    tag = "AppReady"


def early_submit_script() -> rx.Component:
    """For the head of every page."""
    return rx.el.script(SCRIPT)


def app_ready() -> rx.Component:
    """For the frame of every page."""
    return AppReady.create()
