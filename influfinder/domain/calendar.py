"""An iCalendar (RFC 5545) file with one VEVENT: the visit, for the parties' calendars.

The rules that matter to calendar apps: lines end with CRLF; a line longer than 75 octets is
folded (CRLF plus one space, never inside a UTF-8 character); in TEXT values backslash,
semicolon, comma and newlines are escaped; times are UTC ("Z"), so no VTIMEZONE is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Influfinder//Collaborations//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    stamp: datetime  # when the file was made (DTSTAMP)
    start: datetime
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    sequence: int = 0  # a rescheduled visit gets a higher one, so calendars replace the old event


def to_ics(event: CalendarEvent) -> str:
    """The whole VCALENDAR, CRLF line ends included."""
    if event.end <= event.start:
        raise ValueError("an event must end after it starts")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(event.stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SEQUENCE:{int(event.sequence)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash first, so the escapes added after stay single."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def utc_stamp(moment: datetime) -> str:
    """20261201T093000Z. A naive datetime is taken as UTC (SQLite returns them so)."""
    moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets; continuation lines start with a space."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            pieces.append(current)
            current, size = " ", 1  # the leading space counts toward the next line's 75
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)
