"""An analysis' suggestions in the reader's language, written when the page is read.

The rules' advice is stored as msgids and values (domain/content_analysis.Advice); a model's free
text (the OpenAI analyzer's) and analyses stored before advice was kept are shown as written.
"""

from __future__ import annotations

from babel.lists import format_list
from pydantic import ValidationError

from influfinder.domain.content_analysis import Advice
from influfinder.i18n.formats import locale_for
from influfinder.i18n.language import _


def advice_words(advice: Advice) -> str:
    return advice.written(_, lambda names: format_list(names, locale=locale_for()))


def suggestions_for_reader(analysis: dict) -> list[str]:
    """The stored analysis' suggestions, the rules' ones in the current language, in their order."""
    try:
        advice = [Advice.model_validate(item) for item in analysis.get("advice") or []]
    except ValidationError:
        advice = []
    ours = {item.english: advice_words(item) for item in advice}
    return [ours.get(text, text) for text in analysis.get("suggestions") or []]
