"""The password rules a person meets at sign-up and password change, and the strength meter."""

import unicodedata

import pytest

from influfinder.domain.password_policy import (
    LABELS,
    MAX_LENGTH,
    MIN_LENGTH,
    MSG_BAD_CHARACTERS,
    MSG_COMMON,
    MSG_HAS_EMAIL,
    MSG_HAS_USERNAME,
    MSG_NOT_TEXT,
    MSG_TOO_LONG,
    MSG_TOO_SHORT,
    check_password,
    common_passwords,
    strength,
)

EMAIL = "maria.lopez@example.com"
USERNAME = "mlopez_creates"
GOOD = "velvet harbor quietly"  # not common, unrelated to the user


def check(password, email=EMAIL, username=USERNAME):
    return check_password(password, email=email, username=username)


def test_a_plain_unrelated_passphrase_is_accepted():
    assert check(GOOD) == []


def test_no_composition_rules_all_lowercase_letters_pass():
    assert check("zebralantern") == []


@pytest.mark.parametrize(
    "password, ok",
    [("Hq7vLm2", False), ("Hq7vLm2x", True), ("Hq7vLm2x" * 16, True), ("Hq7vLm2x" * 16 + "z", False)],
    ids=["7", "8", "128", "129"],
)
def test_length_window_is_8_to_128(password, ok):
    expected = [] if ok else [MSG_TOO_SHORT] if len(password) < MIN_LENGTH else [MSG_TOO_LONG]
    assert check(password) == expected


def test_length_counts_characters_after_nfc_not_code_points_typed():
    # 16 code points as typed on some keyboards, 8 characters once composed
    decomposed = unicodedata.normalize("NFD", "ñ") * 7 + unicodedata.normalize("NFD", "é")
    assert len(decomposed) == 16
    assert check(decomposed) == []
    seven = unicodedata.normalize("NFD", "ü") * 7  # 14 code points, 7 characters
    assert check(seven) == [MSG_TOO_SHORT]


def test_any_characters_are_allowed_emoji_spaces_and_scripts():
    assert check("🐙🌵🎻🚲 мир 世界") == []
    assert check("🔑" * MAX_LENGTH) == []
    assert check("🔑" * (MAX_LENGTH + 1)) == [MSG_TOO_LONG]


@pytest.mark.parametrize("password", ["password", "PASSWORD", "PaSsWoRd", "iloveyou", "ILoveYou", "trustno1"])
def test_common_passwords_are_refused_in_any_case(password):
    assert MSG_COMMON in check(password)


def test_the_bundled_list_is_the_ten_thousand_most_common():
    common = common_passwords()
    assert len(common) == 10_000
    assert {"123456", "password", "qwerty"} <= common


def test_password_containing_email_local_part_is_refused_in_any_case():
    assert check("xxMaria.Lopez2024!!") == [MSG_HAS_EMAIL]


def test_plus_tag_does_not_hide_the_local_part():
    assert check("long-maria-password", email="maria+shop@example.com", username="") == [MSG_HAS_EMAIL]


def test_password_containing_username_is_refused_in_any_case():
    assert check("my MLOPEZ_CREATES secret") == [MSG_HAS_USERNAME]


def test_short_local_parts_and_usernames_are_ignored():
    assert check("jollybonfire", email="jo@example.com", username="bo") == []
    assert check("joebonfire", email="joe@example.com", username="bon") == [MSG_HAS_EMAIL, MSG_HAS_USERNAME]


def test_every_broken_rule_is_reported():
    assert check("Maria", email="maria@example.com") == [MSG_TOO_SHORT, MSG_HAS_EMAIL]


@pytest.mark.parametrize("value", [None, 12345678, b"bytes-password", ["a" * 10], {"$gt": ""}])
def test_non_text_input_gets_a_message_not_an_exception(value):
    assert check(value) == [MSG_NOT_TEXT]
    assert strength(value).score == 0 and strength(value).hint == MSG_NOT_TEXT


def test_non_text_email_or_username_is_treated_as_absent():
    assert check_password(GOOD, email=None, username={"x": 1}) == []


def test_a_lone_surrogate_is_refused_before_it_could_break_hashing():
    assert check("abcdefgh\ud800xyz") == [MSG_BAD_CHARACTERS]


def test_strength_orders_a_long_passphrase_above_password1():
    weak = strength("password1")
    passphrase = strength("correct horse battery staple")
    assert passphrase.score > weak.score
    assert passphrase.label == "Strong"


def test_refused_passwords_score_zero_with_the_reason_as_hint():
    result = strength("Password")
    assert (result.score, result.label, result.hint) == (0, "Too weak", MSG_COMMON)
    assert strength("maria.lopez rocks hard", email=EMAIL).hint == MSG_HAS_EMAIL


def test_accepted_passwords_score_at_least_one():
    assert check("abcdefgh") == []
    assert strength("abcdefgh").score == 1


def test_sequences_and_repeats_score_below_random_characters_of_the_same_length():
    assert strength("abcdefgh").score < strength("q8Rz!m2K").score
    assert strength("12345678abcdefgh").score < strength("t7Kq9mZ2xW4pR8vN").score
    assert strength("xyzxyzxyzxyzxyz").score < strength("velvetharborqui").score
    assert "sequences" in strength("abcdefghij").hint


def test_adding_digits_to_a_common_word_stays_weak():
    result = strength("monkey2024!")
    assert result.score == 1
    assert "common word" in result.hint


def test_longer_passphrases_never_score_lower():
    phrases = ("velvet harbor", "velvet harbor quietly", "velvet harbor quietly sings")
    scores = [strength(p).score for p in phrases]
    assert scores == sorted(scores)
    assert scores[-1] == 4


def test_strength_is_deterministic_and_labelled():
    first = strength("Tr0ub4dor&3")
    assert first == strength("Tr0ub4dor&3")
    assert first.label == LABELS[first.score]
    assert first.hint
