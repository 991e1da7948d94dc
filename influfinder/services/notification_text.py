"""A notification's words, written when someone reads it, in their language.

A notification is stored as its type plus a `params` dict: {"text": key, ...values}. `words(params)`
renders the title and content from this table in the current language (the reader's page, or the
recipient's saved language for a push or a mail). Values ending in `_at` are ISO moments, written
for the reader (in the venue's time zone when `zone` is given); `tier` is a tier level.
Rows stored before this table have no "text" and keep their English title and content.
"""

from __future__ import annotations

from datetime import datetime

from influfinder.domain.enums import Tier
from influfinder.i18n import N_, formats, translated, use_language
from influfinder.i18n.labels import label

TEXTS: dict[str, tuple[str, str]] = {
    "application_received": (N_("New application: {title}"), N_("{name} applied to “{title}”.")),
    "application_accepted": (N_("Accepted: {title}"),
                             N_("Your application to “{title}” was accepted. Plan your visit and content next.")),
    "application_rejected": (N_("Not accepted: {title}"), N_("Your application to “{title}” was not accepted.")),
    "application_rejected_reason": (N_("Not accepted: {title}"),
                                    N_("Your application to “{title}” was not accepted. The business said: {reason}")),
    "message_received": (N_("New message from {name}"), "{preview}"),
    "tier_upgraded": (N_("You reached {tier}"),
                      N_("You completed {completed} collaborations and reached the {tier} tier with {karma} karma. "
                         "See what it unlocks on My progress.")),
    "rating_received": (N_("New rating: {title}"), N_("{name} rated you {stars} out of 5.")),
    "rating_received_blind": (N_("New rating: {title}"),
                              N_("{name} rated you. You will see their rating once you rate them too, "
                                 "or 14 days after the content was approved.")),
    "content_submitted": (N_("Content to review: {title}"),
                          N_("{name} submitted version {version} of the content for “{title}”.")),
    "content_approved": (N_("Content approved: {title}"),
                         N_("Your content for “{title}” was approved. Rate the business to complete the collaboration.")),
    "content_changes_requested": (N_("Changes requested: {title}"),
                                  N_("The business asked for changes to your content for “{title}”: {notes}")),
    "visit_proposed": (N_("Visit proposed: {title}"),
                       N_("{name} proposed a visit on {visit_at}. Confirm it or propose another date.")),
    "visit_confirmed": (N_("Visit confirmed: {title}"), N_("{name} confirmed the visit on {visit_at}.")),
    "dispute_opened": (N_("Dispute opened: {title}"), N_("{name} opened a dispute: {reason}")),
    # Reminders (services/reminders.py): {name} is the other party, times on the venue's clock.
    "reminder_tomorrow_creator": (N_("Visit tomorrow: {title}"),
                                  N_("Your visit to {name} for “{title}” is tomorrow, {visit_at}. "
                                     "Show your visit code at the venue.")),
    "reminder_tomorrow_business": (N_("Visit tomorrow: {title}"),
                                   N_("{name} visits you for “{title}” tomorrow, {visit_at}. "
                                      "Mark the visit with their code.")),
    "reminder_today_creator": (N_("Visit today: {title}"),
                               N_("Your visit to {name} for “{title}” is today, {visit_at}. "
                                  "Show your visit code at the venue.")),
    "reminder_today_business": (N_("Visit today: {title}"),
                                N_("{name} visits you for “{title}” today, {visit_at}. Mark the visit with their code.")),
    "reminder_late_creator": (N_("Content late: {title}"),
                              N_("The content deadline for “{title}” passed on {deadline_at}. "
                                 "Submit your content now, or message {name}.")),
    "reminder_late_business": (N_("Content late: {title}"),
                               N_("{name} has not submitted the content for “{title}”; the deadline passed on "
                                  "{deadline_at}. Message them, or open a dispute if it does not come.")),
}


def params_for(text: str, **values: object) -> dict:
    """What to store: the text's key and its values, made JSON-safe (moments as ISO strings)."""
    if text not in TEXTS:
        raise KeyError(text)
    return {"text": text, **{k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}}


def _shown(name: str, value: object, params: dict) -> object:
    if name.endswith("_at") and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        zone = params.get("zone") or "UTC"
        return f"{formats.when(moment, zone=zone)} ({formats.zone_label(zone)})"
    if name == "tier" and isinstance(value, int):
        return label(Tier(value))
    return value


def words(params: dict, title: str = "", content: str = "") -> tuple[str, str]:
    """(title, content) in the current language; the stored English words when params name no text."""
    text = TEXTS.get(params.get("text", "")) if isinstance(params, dict) else None
    if text is None:
        return title, content
    values = {k: _shown(k, v, params) for k, v in params.items() if k != "text"}
    try:
        return translated(text[0]).format(**values)[:200], translated(text[1]).format(**values)[:2000]
    except (KeyError, IndexError, ValueError):
        return title, content


def english(params: dict) -> tuple[str, str]:
    """The copy kept in the row's title and content columns (admin tools, rows read without params)."""
    with use_language("en"):
        return words(params)
