"""No page or component shows a bare English string: every word a person reads goes through `_()`
(or `translated(N_(...))`). A string literal passed straight to rx.text/rx.heading/rx.button/... or as
a visible keyword (placeholder, aria_label, title, ...) is a word the Spanish page would show in English.

It reads the source (ast), so it is precise about what is a literal argument and fast. Non-words
(punctuation, symbols, numbers) and brand names are allowed; anything with a letter is not."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "influfinder"
MODULES = sorted([*ROOT.glob("pages/**/*.py"), *ROOT.glob("components/*.py")])
STATES = sorted(ROOT.glob("state/*.py"))
SENTENCE = re.compile(r"^[A-Z][^\s]*\s+\S")  # "Profile saved.", not "done", "relevance" or "INSTAGRAM"

# Components whose positional arguments are shown to the reader.
SHOWN_BY = {
    "text", "heading", "button", "link", "badge", "callout", "strong", "em", "span", "code", "label",
    "tooltip", "option", "item", "trigger", "title", "description", "cell", "column_header_cell", "p",
    "h1", "h2", "h3", "h4", "li", "summary", "legend", "caption", "root", "value", "tab", "small",
}
# Keywords whose value is shown or read aloud.
SHOWN_AS = {"placeholder", "aria_label", "title", "content", "alt", "label", "text"}
# Literals that are not words in any language.
ALLOWED = {"Influfinder", "Instagram", "TikTok", "YouTube", "Google", "PDF", "EUR", "USD", "MXN", "AI", "OK", "QR",
           "ICS", "Español", "English", "ES", "EN", "https://", "ABCD2345"}  # ABCD2345: a visit code's shape
HAS_LETTER = re.compile(r"[^\W\d_]")


def _is_rx_call(func: ast.expr) -> str | None:
    """The last name of an rx.… call (rx.text, rx.text.strong, rx.el.span), else None."""
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name) and func.id == "rx" and parts:
        return parts[0]
    return None


def _bare(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
        if HAS_LETTER.search(text) and text not in ALLOWED:
            return text
    if isinstance(node, ast.JoinedStr):  # an f-string with words in it is a glued sentence
        words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if HAS_LETTER.search(words):
            return ast.unparse(node)
    return None


def _is_copy_lookup(node: ast.expr) -> bool:
    """COPY["title"]: a table entry (an English msgid) shown without translated()."""
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id.endswith("COPY")


def _copy_table_words(node: ast.AST) -> list[tuple[int, str]]:
    """COPY = {"title": "My offers"}: a table's words must be marked N_("My offers") for the catalogs."""
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
            and any(isinstance(t, ast.Name) and t.id.endswith("COPY") for t in node.targets)):
        return []
    return [(value.lineno, text) for value in node.value.values if (text := _bare(value)) is not None]


def bare_strings(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        found += _copy_table_words(node)
        if not isinstance(node, ast.Call):
            continue
        name = _is_rx_call(node.func)
        if name is None:  # our own helpers pass these on to rx: _input(..., placeholder="Any city")
            found += [(kw.value.lineno, text) for kw in node.keywords if kw.arg in ("placeholder", "aria_label")
                      and (text := _bare(kw.value)) is not None]
            continue
        if name == "meta":  # <meta> content is for machines (og:type="profile")
            continue
        candidates = list(node.args) if name in SHOWN_BY else []
        candidates += [kw.value for kw in node.keywords if kw.arg in SHOWN_AS]
        for candidate in candidates:
            text = ast.unparse(candidate) if _is_copy_lookup(candidate) else _bare(candidate)
            if text is not None:
                found.append((candidate.lineno, text))
    return found


def _sentences(node: ast.expr) -> list[ast.Constant]:
    """The English sentences an assigned value can be: a literal, either side of `a if c else b`, a dict's values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and SENTENCE.match(node.value):
        return [node]
    if isinstance(node, ast.IfExp):
        return _sentences(node.body) + _sentences(node.orelse)
    if isinstance(node, ast.Dict):
        return [found for value in node.values for found in _sentences(value)]
    return []


def bare_state_sentences(source: str) -> list[tuple[int, str]]:
    """`self.notice = "Profile saved."` in a state: a message shown in English on a Spanish page."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
                   for target in targets for t in ast.walk(target)) and node.value is not None:
                found += [(c.lineno, c.value) for c in _sentences(node.value)]
        if isinstance(node, ast.Return) and node.value is not None:
            found += [(c.lineno, c.value) for c in _sentences(node.value)]
    return found


def test_the_check_sees_a_bare_word_and_lets_translated_ones_and_symbols_pass():
    source = (
        'rx.text("Find creators")\n'
        'rx.text(_("Find creators"))\n'
        'rx.text.strong("Top rated", size="2")\n'
        'rx.input(placeholder="Search")\n'
        '_input("City", placeholder="Any city")\n'
        'rx.text(" · ", "%", "—")\n'
        'rx.icon("arrow-left")\n'
        'rx.text("Instagram")\n'
        'rx.button(f"Save {name}")\n'
        'COPY = {"title": "My offers", "ok": N_("Saved")}\n'
        'rx.heading(COPY["ok"])\n'
        'rx.heading(translated(COPY["ok"]))\n'
    )
    assert sorted(text for _line, text in bare_strings(source)) == sorted(
        ["Find creators", "Top rated", "Search", "Any city", "f'Save {name}'", "My offers", "COPY['ok']"])


def test_no_page_or_component_shows_a_bare_english_string():
    problems = [
        f"{path.relative_to(ROOT.parent)}:{line}: {text!r}"
        for path in MODULES
        for line, text in bare_strings(path.read_text(encoding="utf-8"))
    ]
    assert problems == [], "wrap these in _() (and run the catalog commands):\n" + "\n".join(problems)


def test_the_state_check_sees_a_message_set_without_translation():
    source = (
        'self.notice = "Profile saved."\n'
        'self.notice = _("Profile saved.")\n'
        'self.sort = "relevance"\n'
        'self.field_errors = {"confirm": "The two passwords do not match."}\n'
        'self.error = "A" if x else "Your session has ended."\n'
    )
    assert [text for _line, text in bare_state_sentences(source)] == [
        "Profile saved.", "The two passwords do not match.", "Your session has ended."]


def test_no_state_sets_a_bare_english_message():
    problems = [
        f"{path.relative_to(ROOT.parent)}:{line}: {text!r}"
        for path in STATES
        for line, text in bare_state_sentences(path.read_text(encoding="utf-8"))
    ]
    assert problems == [], "wrap these in _() (and run the catalog commands):\n" + "\n".join(problems)
