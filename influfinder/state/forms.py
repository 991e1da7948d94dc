"""What every form state shares: field errors, a busy flag, and how refusals and faults show."""

from __future__ import annotations

from typing import Any

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.services.errors import ServiceError

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

    def _unexpected(self) -> None:
        """An error that is ours, already logged (state/service_handler.py): the same words for everyone."""
        self.error = translated(UNEXPECTED)
