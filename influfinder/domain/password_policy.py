"""Password policy and a strength estimate for the meter shown while typing.

The policy follows NIST SP 800-63B: a length window, a blocklist of common passwords and of
the user's own identifiers, and no composition rules ("one upper case, one digit...") since
those push people toward predictable patterns. Length counts Unicode code points after NFC
normalization, so "é" typed as one or as two code points counts once.

Pure: the bundled list is read once, on first use; nothing else touches the outside world.
"""

from __future__ import annotations

import math
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 8
MAX_LENGTH = 128
MIN_IDENTIFIER_LENGTH = 3  # shorter local parts / usernames would refuse too much ("al", "jo")

_COMMON_FILE = Path(__file__).with_name("common_passwords.txt")

MSG_NOT_TEXT = "Password must be text."
MSG_BAD_CHARACTERS = "Password contains characters that cannot be stored; please retype it."
MSG_TOO_SHORT = f"Use at least {MIN_LENGTH} characters."
MSG_TOO_LONG = f"Use at most {MAX_LENGTH} characters."
MSG_COMMON = "This password is too common. Choose one that is harder to guess."
MSG_HAS_EMAIL = "Your password must not contain your email address."
MSG_HAS_USERNAME = "Your password must not contain your username."

LABELS = ("Too weak", "Weak", "Fair", "Good", "Strong")

# Rows of a QWERTY keyboard: walking along one ("qwer", "asdf") is as guessable as "abcd".
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_KEYBOARD_PAIRS = frozenset(
    pair for row in _KEYBOARD_ROWS for r in (row, row[::-1]) for pair in zip(r, r[1:])
)
# Upper bounds of estimated bits for scores 1, 2 and 3; at or above the last one scores 4.
_SCORE_BITS = (45.0, 65.0, 85.0)
_PREDICTABLE_WEIGHT = 0.25  # a character that repeats or continues a sequence adds little


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (refused by the policy) to 4
    label: str
    hint: str


def normalize(password: str) -> str:
    """The form of a password that is measured and (by callers) hashed."""
    return unicodedata.normalize("NFC", password)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = _COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_common(password: str) -> bool:
    return normalize(password).casefold() in common_passwords()


def check_password(password: object, *, email: object = "", username: object = "") -> list[str]:
    """Messages for each rule the password breaks; an empty list means it is acceptable."""
    if not isinstance(password, str):
        return [MSG_NOT_TEXT]
    if not _encodable(password):
        return [MSG_BAD_CHARACTERS]
    text = normalize(password)
    problems = []
    if len(text) < MIN_LENGTH:
        problems.append(MSG_TOO_SHORT)
    if len(text) > MAX_LENGTH:
        problems.append(MSG_TOO_LONG)
    if text.casefold() in common_passwords():
        problems.append(MSG_COMMON)
    problems.extend(_identifier_problems(text, email, username))
    return problems


def strength(password: object, *, email: object = "", username: object = "") -> Strength:
    """A deterministic estimate for the meter; 0 exactly when check_password refuses."""
    problems = check_password(password, email=email, username=username)
    if problems:
        return Strength(0, LABELS[0], problems[0])
    text = normalize(password)  # type: ignore[arg-type]  # check_password proved it is a str
    bits = _effective_length(text) * math.log2(_pool_size(text))
    score = 1 + sum(bits >= limit for limit in _SCORE_BITS)
    if _has_common_core(text):
        score = 1  # "monkey2024!" is guessed as fast as "monkey"
    return Strength(score, LABELS[score], _hint(text, score))


def _encodable(password: str) -> bool:
    # A lone surrogate (possible in a str built from JSON) cannot be encoded for hashing.
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _identifier_problems(text: str, email: object, username: object) -> list[str]:
    folded = text.casefold()
    problems = []
    if any(part in folded for part in _email_parts(email)):
        problems.append(MSG_HAS_EMAIL)
    name = _folded(username)
    if len(name) >= MIN_IDENTIFIER_LENGTH and name in folded:
        problems.append(MSG_HAS_USERNAME)
    return problems


def _email_parts(email: object) -> set[str]:
    """The local part, and its base before a "+tag" (ana+shop -> ana)."""
    local = _folded(email).rpartition("@")[0] or _folded(email)
    parts = {local, local.split("+", 1)[0]}
    return {p for p in parts if len(p) >= MIN_IDENTIFIER_LENGTH}


def _folded(value: object) -> str:
    return normalize(value).strip().casefold() if isinstance(value, str) else ""


def _pool_size(text: str) -> int:
    """Size of the alphabet an attacker would have to try, from the classes present."""
    classes = (
        (string.ascii_lowercase, 26),
        (string.ascii_uppercase, 26),
        (string.digits, 10),
        (string.punctuation + " ", 33),
    )
    pool = sum(size for chars, size in classes if any(c in chars for c in text))
    if any(not c.isascii() for c in text):
        pool += 100  # a rough allowance for letters outside ASCII
    return pool


def _effective_length(text: str) -> float:
    """Length where repeats and sequences ("aaaa", "abcd", "4321", "qwer") count for little."""
    unit = _shortest_period(text)  # "abcabcabc" is no stronger than "abc"
    folded = unit.casefold()
    total = 1.0
    for prev, cur in zip(folded, folded[1:]):
        total += _PREDICTABLE_WEIGHT if _predictable(prev, cur) else 1.0
    return total


def _predictable(prev: str, cur: str) -> bool:
    return prev == cur or abs(ord(cur) - ord(prev)) == 1 or (prev, cur) in _KEYBOARD_PAIRS


def _shortest_period(text: str) -> str:
    period = (text + text).find(text, 1)
    return text[:period] if period < len(text) else text


def _has_common_core(text: str) -> bool:
    """True when only digits and symbols were added around a common password."""
    core = text.strip(string.digits + string.punctuation + " ").casefold()
    return len(core) >= MIN_IDENTIFIER_LENGTH and core != text.casefold() and core in common_passwords()


def _hint(text: str, score: int) -> str:
    if score == 4:
        return "Strong password."
    if _has_common_core(text):
        return "A common word with numbers or symbols added is easy to guess."
    if _effective_length(text) < 0.75 * len(text):
        return "Avoid repeats and sequences such as aaaa, abcd or 1234."
    if score == 1:
        return "Make it longer: a few unrelated words work well."
    if score == 2:
        return "Add another word or a few more characters."
    return "Good. A few more characters would make it strong."
