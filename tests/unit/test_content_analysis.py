"""The deterministic half of content analysis: the ai_score, hashtags, mentions, disclosure and compliance."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from influfinder.domain.content_analysis import (
    AnalysisResult,
    ai_score,
    check_captions,
    extract_hashtags,
    extract_mentions,
)
from influfinder.domain.offer_terms import ContentSpecs

SPECS = ContentSpecs(required_hashtags=["#Summer2026", "#CafeAurora"], required_mentions=["@cafe.aurora"])


# --- ai_score ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("compliance", "quality", "relevance", "expected"),
    [
        (100, 10, 10, 100.0),  # the top of the scale
        (0, 1, 1, 5.0),  # the bottom: ratings start at 1, so 2.5 + 2.5
        (100, 9, 8, 92.5),  # 50 + 22.5 + 20
        (66.7, 7, 5, 63.4),  # 33.35 + 17.5 + 12.5 = 63.35, one decimal
        (0, 10, 10, 50.0),  # a perfect photo that ignores every requirement scores half
    ],
)
def test_ai_score_is_the_brief_formula_scaled_to_100(compliance, quality, relevance, expected):
    assert ai_score(compliance, quality, relevance) == expected


@pytest.mark.parametrize(("compliance", "quality", "relevance"), [(-1, 5, 5), (100.1, 5, 5), (50, 0, 5), (50, 5, 11)])
def test_ai_score_refuses_values_outside_their_ranges(compliance, quality, relevance):
    with pytest.raises(ValueError):
        ai_score(compliance, quality, relevance)


# --- extraction -------------------------------------------------------------------------------


def test_hashtags_are_found_with_unicode_letters_and_without_trailing_punctuation():
    caption = "¡Gracias! #Colaboración con #café_aurora, #summer2026. ¿Volvemos? #brunch!!"
    assert extract_hashtags(caption) == ["#Colaboración", "#café_aurora", "#summer2026", "#brunch"]


def test_hashtags_are_distinct_case_insensitively_and_keep_their_first_spelling():
    assert extract_hashtags("#Brunch then #brunch and #BRUNCH") == ["#Brunch"]


def test_url_fragments_entities_and_words_with_a_hash_are_not_hashtags():
    text = "see https://cafe.example/menu#drinks, it&#39;s C#sharp ##double"
    assert extract_hashtags(text) == []


def test_mentions_drop_a_sentence_full_stop_and_ignore_email_addresses():
    caption = "Thanks @Cafe.Aurora. Write to hello@cafe.example or @chef_ana!"
    assert extract_mentions(caption) == ["@Cafe.Aurora", "@chef_ana"]


def test_decomposed_accents_match_composed_ones():
    decomposed = "#colaboracio\u0301n"  # "o" + combining acute, as some keyboards type it
    check = check_captions({"INSTAGRAM": decomposed}, "INSTAGRAM", False, ContentSpecs())
    assert check.disclosure_found


# --- comparison with the offer's specs ---------------------------------------------------------


def test_every_requirement_met_in_any_case_gives_full_compliance():
    caption = "Sunny morning at @Cafe.Aurora #summer2026 #cafeaurora #publi"
    check = check_captions({"INSTAGRAM": caption}, "INSTAGRAM", False, SPECS)
    assert check.hashtags_found == ["#Summer2026", "#CafeAurora"]  # as the offer spells them
    assert (check.hashtags_missing, check.mentions_missing) == ([], [])
    assert check.mentions_found == ["@cafe.aurora"]
    assert check.disclosure_found
    assert check.compliance_percentage == 100.0
    assert [a.english for a in check.suggestions] == []


def test_missing_hashtags_and_mentions_are_listed_with_suggestions():
    check = check_captions({"INSTAGRAM": "Great brunch #summer2026 #ad"}, "INSTAGRAM", False, SPECS)
    assert check.hashtags_found == ["#Summer2026"]
    assert check.hashtags_missing == ["#CafeAurora"]
    assert check.mentions_missing == ["@cafe.aurora"]
    # found: 1 hashtag + the disclosure, out of 2 hashtags + 1 mention + 1 disclosure
    assert check.compliance_percentage == 50.0
    assert [a.english for a in check.suggestions] == ["Add the required hashtag #CafeAurora", "Mention @cafe.aurora"]


def test_a_requirement_counts_only_when_every_caption_has_it():
    captions = {"INSTAGRAM": "#summer2026 #cafeaurora @cafe.aurora #ad", "TIKTOK": "#summer2026 #ad", "FACEBOOK": ""}
    check = check_captions(captions, "INSTAGRAM", False, SPECS)
    assert check.hashtags_missing == ["#CafeAurora"]
    assert "Add the required hashtag #CafeAurora to the TikTok caption" in [a.english for a in check.suggestions]
    assert "Mention @cafe.aurora in the TikTok caption" in [a.english for a in check.suggestions]
    assert check.compliance_percentage == 50.0  # #Summer2026 and the disclosure, of 4


@pytest.mark.parametrize("mark", ["#ad", "#AD", "#publi", "#Publicidad", "#colaboración", "#colaboracion"])
def test_each_disclosure_hashtag_counts(mark):
    check = check_captions({"TIKTOK": f"New menu! {mark}"}, "TIKTOK", False, ContentSpecs())
    assert check.disclosure_found
    assert check.compliance_percentage == 100.0


def test_without_disclosure_compliance_loses_the_disclosure_item_and_says_so():
    check = check_captions({"INSTAGRAM": "#adventure #advert time"}, "INSTAGRAM", False, ContentSpecs())
    assert not check.disclosure_found  # #adventure is not #ad
    assert check.compliance_percentage == 0.0
    assert [a.english for a in check.suggestions] == ["Add a disclosure such as #ad or #publi, or turn on the paid-partnership label"]


def test_the_paid_partnership_label_discloses_only_its_own_platform():
    captions = {"INSTAGRAM": "Lovely place", "TIKTOK": "Lovely place"}
    assert not check_captions(captions, "INSTAGRAM", True, ContentSpecs()).disclosure_found
    captions["TIKTOK"] += " #publi"
    assert check_captions(captions, "INSTAGRAM", True, ContentSpecs()).disclosure_found


def test_no_caption_misses_every_requirement_unless_the_label_is_on():
    check = check_captions({"INSTAGRAM": "  "}, "INSTAGRAM", True, SPECS)
    assert check.hashtags_missing == ["#Summer2026", "#CafeAurora"]
    assert check.mentions_missing == ["@cafe.aurora"]
    assert check.disclosure_found
    assert check.compliance_percentage == 25.0


# --- the result -------------------------------------------------------------------------------


def _result(**ratings) -> AnalysisResult:
    check = check_captions({"INSTAGRAM": "#summer2026 #ad"}, "INSTAGRAM", False, SPECS)
    return AnalysisResult.build(check, ratings.get("quality", 8), ratings.get("relevance", 6), ["Consider better lighting"])


def test_the_result_has_the_brief_fields_and_its_score_follows_them():
    stored = _result().model_dump(mode="json")
    assert set(stored) == {
        "hashtags_found", "hashtags_missing", "mentions_found", "mentions_missing", "quality_rating",
        "relevance_rating", "compliance_percentage", "suggestions", "advice", "disclosure_found", "ai_score",
    }
    assert stored["ai_score"] == 60.0  # 50 × 0.5 + 8 × 2.5 + 6 × 2.5
    assert stored["suggestions"][-1] == "Consider better lighting"  # caption advice first


def test_a_stored_result_reads_back_and_its_score_is_recomputed_not_trusted():
    stored = _result().model_dump(mode="json") | {"ai_score": 99.9}
    assert AnalysisResult.model_validate(stored).ai_score == 60.0


@pytest.mark.parametrize("field", ["quality_rating", "relevance_rating"])
@pytest.mark.parametrize("value", [0, 11])
def test_ratings_outside_1_to_10_are_refused(field, value):
    with pytest.raises(ValidationError):
        AnalysisResult.model_validate(_result().model_dump() | {field: value})


def test_suggestions_are_short_single_lines_without_repeats():
    check = check_captions({"INSTAGRAM": "#ad"}, "INSTAGRAM", False, ContentSpecs())
    result = AnalysisResult.build(check, 5, 5, ["Use\nmore  light", "use more light", "", "x" * 500] + [f"tip {i}" for i in range(20)])
    assert result.suggestions[:2] == ["Use more light", "x" * 200]
    assert len(result.suggestions) == 8
