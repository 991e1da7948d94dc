"""What a content analysis says, and the parts of it that need no model: pure rules, no I/O.

Who decides what:

- Hashtags, mentions, the disclosure check and the compliance percentage are computed here,
  deterministically, from the captions and the offer's content specs. Both analyzers (OpenAI and
  local) use this code, so a model can never claim a hashtag that is not in the caption.
- The analyzer only rates quality (1-10) and relevance (1-10) and may add suggestions.

Definitions:

- A caption is checked per platform; empty captions are ignored. A required hashtag or mention
  is *found* when every non-empty caption carries it, else it is *missing* (and the suggestion
  names the platforms that lack it). `hashtags_found` + `hashtags_missing` is exactly the offer's
  `required_hashtags`, spelled as the offer spells them (same for mentions).
- Matching is case-insensitive (as on Instagram and TikTok) after Unicode NFC normalization;
  accents count (#café and #cafe are different hashtags on the platforms too).
- A caption is *disclosed* when it carries one of the disclosure tags in Spanish or English
  (DISCLOSURE_HASHTAGS: #publi, #publicidad, #colaboración, #patrocinado, #ad, #sponsored, ...), or when it is the caption of the submission's platform and that platform's
  paid-partnership label is on. `disclosure_found` is true when every non-empty caption is
  disclosed; with no caption at all, only the paid-partnership label counts.
- compliance_percentage = 100 × (required hashtags found + required mentions found +
  (1 if disclosure_found else 0)) / (required hashtags + required mentions + 1), rounded to
  one decimal. The disclosure always counts as one item, so an offer with no required tags
  scores 100 with a disclosure and 0 without.
- Advice is stored as an English msgid and its values (`Advice`), so the page writes it in the
  language of whoever reads it (influfinder/i18n/advice.py); `suggestions` holds the same advice in
  English (the brief's field, the API's) plus any free-text suggestion a model wrote.
- ai_score = compliance × 0.5 + quality × 10 × 0.25 + relevance × 10 × 0.25, rounded to one
  decimal. Quality and relevance are rated 1-10, so they are scaled ×10 to the 0-100 range of
  compliance; the score therefore runs from 5.0 (nothing complies, lowest ratings) to 100.0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from influfinder.domain.offer_terms import ContentSpecs

# Spanish (Autocontrol's code asks for #publi or #publicidad) and English (FTC: #ad, #sponsored).
DISCLOSURE_HASHTAGS = (
    "#publi", "#publicidad", "#colaboración", "#colaboracion", "#colaboraciónpagada", "#colaboracionpagada",
    "#patrocinado", "#patrocinada", "#anuncio", "#ad", "#advertisement", "#sponsored", "#sponsor",
    "#paidpartnership", "#paidpartner",
)
MAX_SUGGESTIONS = 8
MAX_SUGGESTION_CHARS = 200

# A hashtag starts after a space or punctuation, not inside a word ("abc#x"), a URL fragment
# ("/#top") or an HTML entity ("&#39;"); \w is Unicode-aware, so #colaboración is one tag and
# trailing punctuation ("#summer2026!") is left out.
_HASHTAG = re.compile(r"(?<![\w#/&])#(\w{1,100})")
# Handles hold letters, digits, "_" and "."; a leading word character would make it an email.
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_.]{1,30})")


def _key(tag: str) -> str:
    return unicodedata.normalize("NFC", tag).casefold()


def extract_hashtags(text: str) -> list[str]:
    """Distinct hashtags in order of first appearance, as written (with the #)."""
    return _distinct("#" + m for m in _HASHTAG.findall(unicodedata.normalize("NFC", text or "")))


def extract_mentions(text: str) -> list[str]:
    """Distinct @handles in order of first appearance; a sentence's final "." is not part of one."""
    handles = (m.rstrip(".") for m in _MENTION.findall(text or ""))
    return _distinct("@" + h for h in handles if h)


def _distinct(tags: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(_key(tag), tag)
    return list(seen.values())


def ai_score(compliance: float, quality: int, relevance: int) -> float:
    """The brief's score: compliance (0-100) × 0.5 + quality × 10 × 0.25 + relevance × 10 × 0.25."""
    if not 0 <= compliance <= 100:
        raise ValueError("compliance must be between 0 and 100")
    if not (1 <= quality <= 10 and 1 <= relevance <= 10):
        raise ValueError("quality and relevance are rated 1 to 10")
    return round(compliance * 0.5 + quality * 10 * 0.25 + relevance * 10 * 0.25, 1)


def N_(message: str) -> str:
    """Marks an English msgid for the catalogs (Babel extracts it); domain imports nothing of ours."""
    return message


class Advice(BaseModel):
    """One suggestion as an English msgid with {placeholders} and its values. `platforms` is a list
    of platform codes (written as their names, joined as the reader's language joins a list);
    `plural` is the msgid used when more than one platform is named (both are msgids of their own:
    Spanish and English both have two forms, one and other)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(max_length=MAX_SUGGESTION_CHARS)
    values: dict[str, str | int | list[str]] = Field(default_factory=dict)
    plural: str = ""

    def written(self, gettext=lambda m: m, join=lambda names: " and ".join(names)) -> str:
        values = dict(self.values)
        count = 1
        if isinstance(values.get("platforms"), list):
            count = len(values["platforms"])
            values["platforms"] = join([_PLATFORM_NAMES.get(p, p.title()) for p in values["platforms"]])
        template = self.plural if self.plural and count != 1 else self.text
        return gettext(template).format(**values)

    @property
    def english(self) -> str:
        return self.written()


@dataclass(frozen=True)
class CaptionCheck:
    """The deterministic half of an analysis (see the module's definitions)."""

    hashtags_found: list[str]
    hashtags_missing: list[str]
    mentions_found: list[str]
    mentions_missing: list[str]
    disclosure_found: bool
    compliance_percentage: float
    suggestions: list[Advice]


def check_captions(
    captions: Mapping[str, str], platform: str, paid_partnership: bool, specs: ContentSpecs
) -> CaptionCheck:
    """Compare the captions (platform -> text) with the offer's required hashtags and mentions."""
    texts = {str(p).upper(): t for p, t in captions.items() if t and t.strip()}
    tags = {p: {_key(h) for h in extract_hashtags(t)} for p, t in texts.items()}
    handles = {p: {_key(m) for m in extract_mentions(t)} for p, t in texts.items()}
    h_found, h_missing, h_lacking = _compare(specs.required_hashtags, tags)
    m_found, m_missing, m_lacking = _compare(specs.required_mentions, handles)
    disclosed = _disclosed(tags, str(platform).upper(), paid_partnership)
    items = len(specs.required_hashtags) + len(specs.required_mentions) + 1
    compliance = round(100 * (len(h_found) + len(m_found) + int(disclosed)) / items, 1)
    suggestions = _hashtag_advice(h_lacking, len(texts)) + _mention_advice(m_lacking, len(texts))
    if not disclosed:
        suggestions.append(Advice(text=N_("Add a disclosure such as #ad or #publi, or turn on the paid-partnership label")))
    return CaptionCheck(h_found, h_missing, m_found, m_missing, disclosed, compliance, suggestions)


def _compare(required: list[str], present: dict[str, set[str]]) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(found, missing, platforms lacking each missing one); missing everywhere when no caption."""
    found, missing, lacking = [], [], {}
    for tag in required:
        without = [p for p, keys in present.items() if _key(tag) not in keys]
        if present and not without:
            found.append(tag)
        else:
            missing.append(tag)
            lacking[tag] = without
    return found, missing, lacking


def _disclosed(tags: dict[str, set[str]], platform: str, paid_partnership: bool) -> bool:
    if not tags:
        return paid_partnership
    marks = {_key(h) for h in DISCLOSURE_HASHTAGS}
    return all((p == platform and paid_partnership) or bool(keys & marks) for p, keys in tags.items())


_PLATFORM_NAMES = {"INSTAGRAM": "Instagram", "TIKTOK": "TikTok", "FACEBOOK": "Facebook"}


def _advice(plain: str, where: str, where_plural: str, value: dict, platforms: list[str], caption_count: int) -> Advice:
    # Naming the platforms only helps when some captions already have the tag.
    if not platforms or len(platforms) == caption_count:
        return Advice(text=plain, values=value)
    return Advice(text=where, values={**value, "platforms": platforms}, plural=where_plural)


def _hashtag_advice(lacking: dict[str, list[str]], caption_count: int) -> list[Advice]:
    return [_advice(N_("Add the required hashtag {tag}"), N_("Add the required hashtag {tag} to the {platforms} caption"),
                    N_("Add the required hashtag {tag} to the {platforms} captions"), {"tag": t}, ps, caption_count)
            for t, ps in lacking.items()]


def _mention_advice(lacking: dict[str, list[str]], caption_count: int) -> list[Advice]:
    return [_advice(N_("Mention {handle}"), N_("Mention {handle} in the {platforms} caption"),
                    N_("Mention {handle} in the {platforms} captions"), {"handle": m}, ps, caption_count)
            for m, ps in lacking.items()]


class AnalysisResult(BaseModel):
    """The brief's `ai_analysis` fields plus the disclosure check; `ai_score` is derived.

    Store it with `model_dump(mode="json")` (ai_score included) and read it back with
    `model_validate` (a stored ai_score is recomputed, never trusted).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    hashtags_found: list[str]
    hashtags_missing: list[str]
    mentions_found: list[str]
    mentions_missing: list[str]
    quality_rating: int = Field(ge=1, le=10)
    relevance_rating: int = Field(ge=1, le=10)
    compliance_percentage: float = Field(ge=0, le=100)
    suggestions: list[str] = Field(default_factory=list, max_length=MAX_SUGGESTIONS)
    advice: list[Advice] = Field(default_factory=list, max_length=MAX_SUGGESTIONS)  # the rules' part, as msgids
    disclosure_found: bool

    @model_validator(mode="before")
    @classmethod
    def _drop_stored_score(cls, data: Any) -> Any:
        if isinstance(data, dict) and "ai_score" in data:
            data = {k: v for k, v in data.items() if k != "ai_score"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ai_score(self) -> float:
        return ai_score(self.compliance_percentage, self.quality_rating, self.relevance_rating)

    @classmethod
    def build(cls, check: CaptionCheck, quality: int, relevance: int,
              suggestions: Iterable[str | Advice] = ()) -> AnalysisResult:
        """Join the caption check with an analyzer's ratings; caption advice comes first. A model's
        suggestions are free text (str); the rules' are Advice, kept as msgids for the reader."""
        every = [*check.suggestions, *suggestions]
        return cls(
            hashtags_found=check.hashtags_found,
            hashtags_missing=check.hashtags_missing,
            mentions_found=check.mentions_found,
            mentions_missing=check.mentions_missing,
            quality_rating=quality,
            relevance_rating=relevance,
            compliance_percentage=check.compliance_percentage,
            suggestions=_tidy(a.english if isinstance(a, Advice) else a for a in every),
            advice=_distinct_advice(a for a in every if isinstance(a, Advice))[:MAX_SUGGESTIONS],
            disclosure_found=check.disclosure_found,
        )


def _distinct_advice(advice: Iterable[Advice]) -> list[Advice]:
    seen, kept = set(), []
    for item in advice:
        if item.english not in seen:
            seen.add(item.english)
            kept.append(item)
    return kept


def _tidy(suggestions: Iterable[str]) -> list[str]:
    """Distinct, non-empty, single-line and short: they are shown as a list on the review page."""
    lines = (" ".join(s.split())[:MAX_SUGGESTION_CHARS] for s in suggestions)
    return _distinct(s for s in lines if s)[:MAX_SUGGESTIONS]
