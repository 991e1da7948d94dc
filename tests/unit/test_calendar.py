"""The visit's .ics file follows RFC 5545 where calendar apps are strict: CRLF, folding, escaping, UTC."""

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.calendar import CalendarEvent, escape_text, fold, to_ics
from influfinder.domain.visit_code import ALPHABET, LENGTH, derive, fingerprint, matches, normalize

START = datetime(2026, 12, 2, 10, 30, tzinfo=timezone.utc)


def event(**changes) -> CalendarEvent:
    fields = dict(uid="visit-1234@influfinder", stamp=datetime(2026, 11, 28, 9, 0, 5, tzinfo=timezone.utc),
                  start=START, end=START + timedelta(hours=1), summary="Influfinder visit: Brunch for two",
                  location="Calle Mayor 1, Madrid", description="Bring your camera.", sequence=3)
    fields.update(changes)
    return CalendarEvent(**fields)


def unfold(text: str) -> list[str]:
    """The content lines a calendar app reads back (RFC 5545 3.1)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_the_file_is_one_vevent_in_a_vcalendar_with_the_required_properties():
    lines = unfold(to_ics(event()))
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1
    assert any(line.startswith("PRODID:") for line in lines)
    assert "UID:visit-1234@influfinder" in lines
    assert "DTSTAMP:20261128T090005Z" in lines
    assert "DTSTART:20261202T103000Z" in lines and "DTEND:20261202T113000Z" in lines
    assert "SEQUENCE:3" in lines
    assert "SUMMARY:Influfinder visit: Brunch for two" in lines
    assert "LOCATION:Calle Mayor 1\\, Madrid" in lines


def test_every_line_ends_with_crlf_and_no_bare_newline_is_left():
    text = to_ics(event(description="line one\nline two\r\nline three"))
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    assert "DESCRIPTION:line one\\nline two\\nline three" in unfold(text)


def test_times_in_other_zones_are_written_in_utc():
    madrid = timezone(timedelta(hours=1))
    lines = unfold(to_ics(event(start=datetime(2026, 12, 2, 11, 30, tzinfo=madrid),
                                end=datetime(2026, 12, 2, 12, 30, tzinfo=madrid))))
    assert "DTSTART:20261202T103000Z" in lines


def test_an_event_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        to_ics(event(end=START))


@pytest.mark.parametrize("raw,escaped", [
    ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"),
    ("back\\,slash", "back\\\\\\,slash"), ("plain: text", "plain: text"),
])
def test_text_values_escape_comma_semicolon_backslash_and_newline(raw, escaped):
    assert escape_text(raw) == escaped


def test_long_lines_are_folded_at_75_octets_and_unfold_to_the_original():
    summary = "Visita: " + "brunch con vistas al mar y menú degustación " * 6
    text = to_ics(event(summary=summary))
    for physical in text.split("\r\n")[:-1]:
        assert len(physical.encode("utf-8")) <= 75
    assert f"SUMMARY:{escape_text(summary)}" in unfold(text)
    assert any(line.startswith(" ") for line in text.split("\r\n")), "nothing was folded"


def test_folding_never_splits_a_multibyte_character():
    line = "SUMMARY:" + "é" * 100  # two octets each: a naive 75-octet cut would land mid-character
    for physical in fold(line).split("\r\n"):
        physical.encode("utf-8").decode("utf-8")  # would raise on half a character
        assert len(physical.encode("utf-8")) <= 75
    assert fold(line).replace("\r\n ", "") == line


def test_a_short_line_is_left_alone():
    assert fold("UID:abc") == "UID:abc"
    exactly = "X" * 75
    assert fold(exactly) == exactly
    assert fold(exactly + "Y") == exactly + "\r\n Y"


# ---- the visit code (pure rules in domain/visit_code.py) ---------------------------------------


def test_a_visit_code_is_8_unambiguous_characters_and_the_same_inputs_give_the_same_code():
    code = derive("secret", "collab-1", "nonce-1")
    assert len(code) == LENGTH and set(code) <= set(ALPHABET)
    assert not set("01OIL") & set(ALPHABET)
    assert derive("secret", "collab-1", "nonce-1") == code
    assert derive("secret", "collab-1", "nonce-2") != code
    assert derive("other secret", "collab-1", "nonce-1") != code


def test_a_typed_code_is_checked_against_its_fingerprint_whatever_the_spacing_and_case():
    code = derive("secret", "collab-1", "n")
    stored = fingerprint("secret", "collab-1", code)
    typed = f" {code[:4].lower()}-{code[4:]} "
    assert matches("secret", "collab-1", typed, stored)
    assert not matches("secret", "collab-2", code, stored)  # another collaboration's code
    assert not matches("secret", "collab-1", code, None)
    wrong = ("2" if code[0] != "2" else "3") + code[1:]
    assert not matches("secret", "collab-1", wrong, stored)


@pytest.mark.parametrize("typed", ["", "ABC", "ABCDEFGH1", "ABCDEF0O", None, 12345678, {"$ne": ""}, "A" * 100])
def test_anything_that_cannot_be_a_code_is_not_one(typed):
    assert normalize(typed) is None
