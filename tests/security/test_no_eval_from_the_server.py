"""The server never sends the browser code to eval: our CSP refuses it (api/security_headers.py).

Reflex's own answer to some browser errors is such a script (a reload); it must not be sent.
"""

from __future__ import annotations

import pytest
from reflex.state import FrontendEventExceptionState

from tests.support.socket_events import connected_root

def _sent_events(info: str) -> list[str]:
    import influfinder.influfinder  # noqa: F401 - the app, as the server runs it

    root, _data = connected_root("/offers")
    state = root.substates[FrontendEventExceptionState.get_name()]
    answer = FrontendEventExceptionState.handle_frontend_exception.fn(state, info, "at Offers")
    return [spec.handler.fn.__name__ for spec in answer or ()]


@pytest.mark.parametrize("info", [
    "TypeError: Cannot read properties of null (reading 'useContext')",  # Chrome's words: Reflex would reload
    "TypeError: null is not an object (evaluating 'a.b')",  # Safari's
    "ReferenceError: x is not defined",
])
def test_a_browser_error_gets_no_script_back(info):
    assert _sent_events(info) == []  # Reflex's reload would be a _call_script for the browser to eval
