"""What every form state shares: field errors, a busy flag, and running a service off the loop."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, TypeVar

import reflex as rx

from influfinder.database import session_scope
from influfinder.i18n import N_, translated
from influfinder.services.errors import ServiceError

log = logging.getLogger(__name__)
T = TypeVar("T")

UNEXPECTED = N_("Something went wrong on our side. Please try again in a moment.")


def form_text(form: Any, name: str, max_len: int = 4096) -> str | None:
    """A text field from submitted form data, or None when the data is not what a form sends."""
    if not isinstance(form, dict):
        return None
    value = form.get(name, "")
    if not isinstance(value, str) or len(value) > max_len:
        return None
    return value


def form_flag(form: Any, name: str) -> bool:
    return isinstance(form, dict) and form.get(name) in ("on", "true", True)


async def run_service(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn(db, *args)` in a transaction, in a worker thread (bcrypt and SMTP never block the loop)."""

    def work() -> T:
        with session_scope() as db:
            return fn(db, *args, **kwargs)

    return await asyncio.to_thread(work)


class FormState(rx.State, mixin=True):
    error: str = ""
    field_errors: dict[str, str] = {}
    busy: bool = False

    def _reset_errors(self) -> None:
        self.error = ""
        self.field_errors = {}

    def _refused(self, error: ServiceError) -> None:
        if error.field:
            self.field_errors = {error.field: error.message}
        else:
            self.error = error.message

    def _failed(self, where: str) -> None:
        log.exception("%s failed", where)
        self.error = translated(UNEXPECTED)
