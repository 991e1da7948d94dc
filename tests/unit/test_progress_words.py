"""The distance to the next tier on My progress, as one sentence in the reader's language."""

from influfinder.i18n.language import use_language
from influfinder.state.progress import to_next_words


def test_english_counts_collaborations_with_their_plural():
    with use_language("en"):
        assert to_next_words(40.0, 3) == "40% · 3 more collaborations to go"
        assert to_next_words(87.5, 1) == "87.5% · 1 more collaboration to go"


def test_spanish_says_it_in_one_sentence_with_its_own_percent_sign():
    with use_language("es"):
        assert to_next_words(40.0, 3) == "40\xa0% · te faltan 3 colaboraciones"
        assert to_next_words(87.5, 1) == "87,5\xa0% · te falta 1 colaboración"
