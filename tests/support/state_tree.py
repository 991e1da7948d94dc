"""Reflex state classes below a root, in a fixed order (by full name), so every pytest-xdist worker
collects the same parametrized tests (Reflex keeps substates in a set)."""

from __future__ import annotations


def substates(cls):
    for sub in sorted(cls.get_substates(), key=lambda state: state.get_full_name()):
        yield sub
        yield from substates(sub)
