"""Where a creator's audience figures come from, in the reader's words (the rules are
domain/verified_audience.py's): "Verificado en Instagram, actualizado hace 2 días" / "Self-reported"."""

from __future__ import annotations

from datetime import datetime

from influfinder.domain.moments import as_utc
from influfinder.domain.verified_audience import LABELS, SELF_REPORTED
from influfinder.i18n.language import _, translated

def source_words(provider: str | None) -> str:
    if not provider:
        return translated(SELF_REPORTED)
    return _("Verified via {platform}").format(platform=LABELS[provider])


def verified_words(provider: str, taken_at: datetime, now: datetime) -> str:
    """"Verified via Instagram, updated 2 days ago", in whole days."""
    platform = LABELS[provider]
    days = (as_utc(now).date() - as_utc(taken_at).date()).days
    if days <= 0:
        return _("Verified via {platform}, updated today").format(platform=platform)
    if days == 1:
        return _("Verified via {platform}, updated yesterday").format(platform=platform)
    return _("Verified via {platform}, updated {n} days ago").format(platform=platform, n=days)  # n >= 2
