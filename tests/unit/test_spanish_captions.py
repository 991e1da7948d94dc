"""Content checks on real Spanish captions: Spanish disclosure tags, accents, stop words and plurals."""

from __future__ import annotations

import pytest

from influfinder.domain.content_analysis import check_captions
from influfinder.domain.offer_terms import ContentSpecs
from influfinder.integrations.ai_local import rate_relevance, singular, words

OFFER = ("Brunch para dos en Café Aurora",
         "Prueba nuestro nuevo menú de brunch: tostadas de aguacate, huevos benedictinos, zumos naturales "
         "y café de especialidad en la terraza del jardín.")
SPECS = ContentSpecs(required_hashtags=["#CafeAurora", "#BrunchMadrid"], required_mentions=["@cafe.aurora"])

SPANISH_ON_TOPIC = ("¡Qué brunch tan bueno en @cafe.aurora! 🥑 Las tostadas de aguacate y los huevos "
                    "benedictinos, con un café de especialidad en su terraza. #CafeAurora #BrunchMadrid #publi")
SPANISH_OFF_TOPIC = "Hoy tocaba pierna en el gimnasio: nueva marca personal en sentadillas 💪 #fitness #gymlife"


def _check(caption: str, paid: bool = False):
    return check_captions({"INSTAGRAM": caption}, "INSTAGRAM", paid, SPECS)


@pytest.mark.parametrize("tag", ["#publi", "#Publicidad", "#colaboración", "#Colaboracion", "#patrocinado",
                                 "#anuncio", "#ad", "#sponsored", "#PaidPartnership"])
def test_spanish_and_english_disclosure_tags_count(tag):
    assert _check(f"Mi brunch favorito en Madrid {tag}").disclosure_found


def test_a_spanish_caption_without_a_disclosure_is_not_disclosed():
    assert not _check("Mi brunch favorito en Madrid, con mis amigas 🥞 #domingo").disclosure_found


def test_a_complete_spanish_caption_meets_every_requirement():
    check = _check(SPANISH_ON_TOPIC)
    assert check.hashtags_missing == [] and check.mentions_missing == [] and check.disclosure_found
    assert check.compliance_percentage == 100.0


def test_accents_are_folded_and_spanish_stop_words_dropped():
    found = words("¡Qué brunch tan bueno en la terraza del jardín!")
    assert {"brunch", "bueno", "terraza", "jardin"} <= found
    assert not found & {"que", "tan", "en", "la", "del"}


@pytest.mark.parametrize(("plural", "single"), [("tostadas", "tostada"), ("colecciones", "coleccion"),
                                                ("ciudades", "ciudad"), ("luces", "luz"), ("flores", "flor"),
                                                ("menus", "menu"), ("dishes", "dish"), ("glass", "glass")])
def test_plurals_fold_to_the_singular(plural, single):
    assert singular(plural) == single


def test_a_spanish_caption_on_the_offer_is_rated_relevant_and_an_unrelated_one_is_not():
    on_topic = rate_relevance(SPANISH_ON_TOPIC, " ".join(OFFER), "FOOD")
    off_topic = rate_relevance(SPANISH_OFF_TOPIC, " ".join(OFFER), "FOOD")
    assert on_topic >= 8 and off_topic <= 2, (on_topic, off_topic)


def test_a_spanish_caption_matches_an_english_offer_through_its_category_words():
    relevance = rate_relevance("Cena increíble con el menú del chef 🍷", "Chef's table night: a seven-course dinner", "FOOD")
    assert relevance >= 4
