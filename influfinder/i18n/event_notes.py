"""The collaboration timeline's notes in the reader's language and time zone.

The services write a move's note in one known English shape ("Proposed Wed 09 Dec 2026, 10:00 UTC.",
"Version 1: 1 photo", "Marked by hand. <the person's words>"); the page recognizes each shape and
writes it again for whoever reads it. What a person typed stays as typed; a note of no known shape
(an admin's, a dispute reason) is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone

from influfinder.i18n import formats
from influfinder.i18n.language import N_, _, translated

_MOMENT = r"(?P<when>\w{3} \d{2} \w{3} \d{4}, \d{2}:\d{2}) UTC"
# Whole sentences the services write as they are (msgids).
FIXED = (N_("Checked with the creator's visit code."), N_("Both parties have rated."))


def _moment(text: str, zone: str) -> str:
    moment = datetime.strptime(text, "%a %d %b %Y, %H:%M").replace(tzinfo=timezone.utc)
    return f"{formats.when(moment, zone=zone)} ({formats.zone_label(zone)})"


# One and other: the two forms Spanish and English both have.
COUNTED = {"photo": (N_("{n} photo"), N_("{n} photos")), "video": (N_("{n} video"), N_("{n} videos")),
           "link": (N_("{n} link"), N_("{n} links"))}


def _counts(text: str) -> str:
    parts = []
    for n, word in re.findall(r"(\d+) (photo|video|link)s?", text):
        one, many = COUNTED[word]
        parts.append(translated(one if n == "1" else many).format(n=n))
    return ", ".join(parts)


def _with_rest(sentence: str, rest: str | None) -> str:
    return f"{sentence} {rest}" if rest else sentence


# (shape, how to write it): `m` is the match, `zone` the reader's time zone.
SHAPES: tuple[tuple[re.Pattern, Callable[[re.Match, str], str]], ...] = (
    (re.compile(rf"^Proposed {_MOMENT}\.(?: (?P<rest>.*))?$", re.S),
     lambda m, zone: _with_rest(_("Proposed for {when}.").format(when=_moment(m["when"], zone)), m["rest"])),
    (re.compile(rf"^Visit confirmed for {_MOMENT}\.$"),
     lambda m, zone: _("Visit confirmed for {when}.").format(when=_moment(m["when"], zone))),
    (re.compile(r"^Version (?P<n>\d+): (?P<counts>.+)$"),
     lambda m, zone: _("Version {n}: {counts}").format(n=m["n"], counts=_counts(m["counts"]))),
    (re.compile(r"^Reviewing version (?P<n>\d+)$"), lambda m, zone: _("Reviewing version {n}").format(n=m["n"])),
    (re.compile(r"^Version (?P<n>\d+) approved$"), lambda m, zone: _("Version {n} approved").format(n=m["n"])),
    (re.compile(r"^Marked by hand\.(?: (?P<rest>.*))?$", re.S),
     lambda m, zone: _with_rest(_("Marked by hand."), m["rest"])),
)


def note_words(note: str, zone: str) -> str:
    if note in FIXED:
        return translated(note)
    for shape, write in SHAPES:
        match = shape.match(note)
        if match:
            try:
                return write(match, zone)
            except ValueError:  # a date that does not read back: show the note as stored
                return note
    return note
