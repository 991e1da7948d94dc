"""Words written for whoever reads them: an analysis stored once reads in the reader's language, and
so do recommendation reasons, reputation badges and the Find creators filters."""

from __future__ import annotations

import json

from influfinder.domain.enums import ReputationBadge
from influfinder.domain.recommendations import CreatorFacts
from influfinder.domain import recommendations as rec
from influfinder.i18n import use_language
from influfinder.i18n.advice import suggestions_for_reader
from influfinder.i18n.labels import label
from influfinder.i18n.reasons import why
from influfinder.state.find_creators import ratings, sort_options, tiers
from tests.unit.test_ai_local import SPECS, analyze, blurred, jpeg, scene


def _stored(caption: str) -> dict:
    """As the database keeps it: JSON, written once, whoever submitted it."""
    with use_language("es"):  # a Spanish creator submits ...
        result = analyze(jpeg(scene()), jpeg(blurred()), caption=caption, specs=SPECS)
    return json.loads(json.dumps(result.model_dump(mode="json")))


def test_a_stored_analysis_reads_in_the_language_of_whoever_reads_it():
    stored = _stored("Brunch en el café #brunchtime")
    assert "Add the required hashtag #CafeAurora" in stored["suggestions"]  # the brief's field stays English
    with use_language("en"):
        english = suggestions_for_reader(stored)
    with use_language("es"):
        spanish = suggestions_for_reader(stored)
    assert english[:2] == ["Add the required hashtag #CafeAurora", "Mention @cafe.aurora"]
    assert spanish[:2] == ["Añade el hashtag obligatorio #CafeAurora", "Menciona a @cafe.aurora"]
    assert "La foto 2 se ve borrosa" in spanish and "Photo 2 looks blurry" in english
    assert len(spanish) == len(english) == len(stored["suggestions"])


def test_the_platforms_lacking_a_tag_are_joined_as_the_language_joins_a_list():
    from influfinder.domain.content_analysis import check_captions

    check = check_captions({"INSTAGRAM": "#CafeAurora @cafe.aurora #publi", "TIKTOK": "#publi", "FACEBOOK": "#publi"},
                           "INSTAGRAM", False, SPECS)
    stored = {"suggestions": [a.english for a in check.suggestions],
              "advice": [a.model_dump(mode="json") for a in check.suggestions]}
    with use_language("es"):
        assert "Añade el hashtag obligatorio #CafeAurora a los textos de TikTok y Facebook" in suggestions_for_reader(stored)
    with use_language("en"):
        assert "Add the required hashtag #CafeAurora to the TikTok and Facebook captions" in suggestions_for_reader(stored)


def test_a_model_written_suggestion_and_an_old_analysis_show_as_written():
    old = {"suggestions": ["Consider better lighting"]}
    with use_language("es"):
        assert suggestions_for_reader(old) == ["Consider better lighting"]
        assert suggestions_for_reader({"suggestions": ["x"], "advice": [{"bad": 1}]}) == ["x"]


def test_recommendation_reasons_and_badges_read_in_spanish():
    creator = CreatorFacts("c", "Madrid", frozenset({"FOOD"}), tier=2, rating=4.9, completed=6, available=True,
                           eligible=True)
    scored = rec.score_creator("FOOD", "madrid", creator)
    with use_language("es"):
        assert why(scored).startswith("Creador de Gastronomía en Madrid")
        assert "valoración 4,9" in why(scored)
        assert label(ReputationBadge.TOP_RATED) == "Mejor valorado"
        assert label("Newcomer", ReputationBadge) == "Recién llegado"
    with use_language("en"):
        assert why(scored).startswith("Food creator in Madrid") and "4.9 rating" in why(scored)


def test_find_creators_choices_follow_the_page_language():
    with use_language("es"):
        assert ("rating", "Mejor valorados") in sort_options()
        assert ("4.5", "4,5 o más") in ratings()
        assert all(" or " not in text for _key, text in tiers())
    with use_language("en"):
        assert ("4.5", "4.5 or more") in ratings()


def test_the_timeline_notes_the_services_write_read_in_the_readers_language_and_zone():
    from influfinder.i18n.event_notes import note_words

    with use_language("es"):
        assert note_words("Proposed Wed 09 Dec 2026, 10:00 UTC. Vamos a las 11", "Europe/Madrid") == (
            "Propuesta para el mié 9 dic 2026, 11:00 (hora de España (Madrid)). Vamos a las 11")
        assert note_words("Version 2: 3 photos, 1 link", "UTC") == "Versión 2: 3 fotos, 1 enlace"
        assert note_words("Checked with the creator's visit code.", "UTC") == "Comprobada con el código de visita del creador."
        assert note_words("The creator never came", "UTC") == "The creator never came"  # typed: as typed
    with use_language("en"):
        assert note_words("Visit confirmed for Wed 09 Dec 2026, 10:00 UTC.", "America/Mexico_City").startswith(
            "Visit confirmed for Wed 9 Dec 2026, 04:00")


def test_where_the_audience_figures_come_from_reads_in_spanish():
    from datetime import datetime, timedelta, timezone

    from influfinder.i18n.audience import source_words, verified_words

    now = datetime(2026, 12, 9, 12, tzinfo=timezone.utc)
    with use_language("es"):
        assert verified_words("instagram", now - timedelta(days=2), now) == "Verificado en Instagram, actualizado hace 2 días"
        assert verified_words("tiktok", now - timedelta(hours=30), now) == "Verificado en TikTok, actualizado ayer"
        assert source_words(None) == "Declarado por el creador"
    with use_language("en"):
        assert verified_words("instagram", now, now) == "Verified via Instagram, updated today"
