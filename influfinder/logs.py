"""Logging of the server processes: one line per record, text or JSON, each with the request or event id.

`LOG_FORMAT=json` writes one JSON object per line (python-json-logger): time, level, logger,
message, `request_id` and any `extra=` fields, for a log collector. The default, `text`, is
`LEVEL logger [request_id]: message`. The id names what the line was done for:

- an HTTP request (api/request_context.py): the client's `X-Request-ID` if it sent a sane one, else a
  new one; it is echoed in the response's `X-Request-ID` header;
- a Reflex event (state/guards.py): `ev-` and a new id, one per event a socket sent;
- nothing (start-up, periodic jobs, live delivery): `-`.
"""

from __future__ import annotations

import logging
import sys
import uuid
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

from influfinder.settings import get_settings

request_id: ContextVar[str] = ContextVar("request_id", default="-")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s"
_HANDLER_NAME = "influfinder"


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request or event being handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def new_id(prefix: str = "") -> str:
    return prefix + uuid.uuid4().hex[:16]


def configure_logging() -> None:
    """Install the one handler on the root logger (idempotent: a second call replaces it)."""
    json_lines = get_settings().log_format == "json"
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter(JSON_FIELDS, rename_fields={"levelname": "level", "name": "logger",
                                                                   "asctime": "time"})
                         if json_lines else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
