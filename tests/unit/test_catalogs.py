"""The catalogs are complete and up to date: the build fails when a Spanish message is missing,
fuzzy, or when the code has a message the catalogs do not (run the commands in README, "Translations")."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from influfinder.i18n import use_language, _, gettext_in
from influfinder.i18n.catalogs import po_path

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "ServiceError": (1,), "NotAllowed": (1,), "counted_phrase": (1, 2),
            "pgettext": ((1, "c"), 2)}


def _catalog(lang: str):
    with po_path(lang).open("rb") as po:
        return read_po(po, locale=lang)


def _msgid(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _in_code() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=[("influfinder/**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_spanish_message_is_translated_and_not_fuzzy():
    problems = []
    for message in _catalog("es"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(_msgid(message))
    assert problems == [], f"untranslated or fuzzy Spanish messages: {problems[:20]}"


def test_catalogs_hold_every_message_in_the_code():
    in_code = _in_code()
    for lang in ("es", "en"):
        in_catalog = {_msgid(m) for m in _catalog(lang) if m.id}
        missing = sorted(in_code - in_catalog)
        assert missing == [], f"{lang}: messages in the code but not in the catalog (extract + update): {missing[:20]}"


def test_spanish_placeholders_match_the_english_ones():
    import re

    def names(text: str) -> set[str]:
        return set(re.findall(r"\{(\w*)\}", text))

    wrong = [_msgid(m) for m in _catalog("es") if m.id and isinstance(m.id, str) and names(m.id) != names(m.string)]
    assert wrong == []


def test_lookups_follow_the_current_language():
    with use_language("en"):
        assert _("Log in") == "Log in"
    with use_language("es"):
        assert _("Log in") == "Iniciar sesión"
    assert gettext_in("es", "Sign up") == "Registrarse"
