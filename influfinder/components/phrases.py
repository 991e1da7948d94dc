"""Translated sentences that hold something only the browser knows (a var, a live count, a link).

A sentence is translated whole and the pieces go into its placeholders, so a translator can move
them: never glue sentence parts together in code.

    filled(_("We sent a link to {email}."), email=rx.text.strong(SessionState.own_email))
    counted_phrase("{n} unread", "{n} unread", LiveState.unread_messages)
"""

from __future__ import annotations

import re

import reflex as rx

from influfinder.i18n import ngettext

_MARK = "\x00"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def filled(template: str, **parts) -> list:
    """The sentence as children: text between the placeholders, each placeholder's piece in its place."""
    children = []
    for index, chunk in enumerate(_PLACEHOLDER.split(template)):
        if index % 2 == 0:
            if chunk:
                children.append(chunk)
        else:
            children.append(parts[chunk])
    return children


def counted_phrase(singular: str, plural: str, count: rx.Var, shown: rx.Var | None = None, **values) -> rx.Var:
    """Spanish and English both have two plural forms (one, other), so the browser picks by n == 1.
    Other placeholders are filled first: counted_phrase("{label}, {n} unread", ..., count, label=_("Messages")).
    `shown` is what stands for {n} when the number is written otherwise ("1.000+")."""

    def form(n: int) -> tuple[str, str]:
        before, _mark, after = ngettext(singular, plural, n).format(n=_MARK, **values).partition(_MARK)
        return before, after

    (one_before, one_after), (many_before, many_after) = form(1), form(2)
    number = shown if shown is not None else count.to_string()
    return rx.cond(count == 1, one_before + number + one_after, many_before + number + many_after)
