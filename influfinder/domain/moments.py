"""Moments in time as the app compares them: always timezone-aware, in UTC."""

from __future__ import annotations

from datetime import datetime, timezone


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone-aware columns; they were written in UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def as_utc_or_none(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment)


def day_label(moment: datetime, *, year: bool = True) -> str:
    """A day as every page writes it: "9 Dec 2026", or "9 Dec" where the year goes without saying."""
    return f"{moment.day} {moment:%b %Y}" if year else f"{moment.day} {moment:%b}"
