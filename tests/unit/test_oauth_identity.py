"""Usernames and handles from what a sign-in provider says about a person."""

import pytest

from influfinder.domain.identity import normalize_username
from influfinder.domain.oauth_identity import ExternalIdentity, platform_handle, username_base


@pytest.mark.parametrize(("identity", "expected"), [
    (ExternalIdentity("instagram", "1", handle="sofia.films", name="Sofía"), "sofia.films"),
    (ExternalIdentity("google", "2", name="Lucía Romero-Díaz", email="lr@example.com"), "lucia_romero_diaz"),
    (ExternalIdentity("google", "3", name="李", email="marco.d@example.com"), "marco.d"),  # no ASCII in the name
    (ExternalIdentity("facebook", "4", name="Admin"), "facebook_user"),  # reserved names are never suggested
    (ExternalIdentity("tiktok", "5", name="A very long display name that keeps going"), "a_very_long_display_name"),
    (ExternalIdentity("tiktok", "6", handle="_.x._", name=""), "tiktok_user"),
])
def test_username_base_is_readable_and_valid(identity, expected):
    base = username_base(identity)
    assert base == expected
    assert normalize_username(base) == base


def test_the_handle_goes_to_the_profile_only_for_that_platform():
    assert platform_handle(ExternalIdentity("tiktok", "1", handle="@diego_dances")) == "diego_dances"
    assert platform_handle(ExternalIdentity("google", "1", handle="diego")) is None
    assert platform_handle(ExternalIdentity("instagram", "1", handle="not a handle!")) is None
