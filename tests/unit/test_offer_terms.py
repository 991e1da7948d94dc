"""What an offer asks of creators is validated, not free JSON: bad tags and handles are refused."""

import pytest
from pydantic import ValidationError

from influfinder.domain.enums import ContentFormat
from influfinder.domain.offer_terms import ContentSpecs, Requirements


def test_well_formed_specs_are_kept_as_given():
    specs = ContentSpecs(formats=["REEL", "POST"], required_hashtags=["#ad", "#CaféAurora", "#brunch_2026"],
                         required_mentions=["@cafe_aurora", "@bloom.studio"])
    assert specs.formats == [ContentFormat.REEL, ContentFormat.POST]
    assert specs.required_hashtags == ["#ad", "#CaféAurora", "#brunch_2026"]
    assert specs.required_mentions == ["@cafe_aurora", "@bloom.studio"]


@pytest.mark.parametrize("tag", ["ad", "#", "##ad", "#two words", "#semi;colon", "#" + "a" * 61, ""])
def test_a_bad_hashtag_is_refused_and_named(tag):
    with pytest.raises(ValidationError, match="hashtags start with #"):
        ContentSpecs(required_hashtags=["#ok", tag])


@pytest.mark.parametrize("handle", ["cafe_aurora", "@", "@two words", "@emoji😀", "@" + "a" * 31, "@@twice"])
def test_a_bad_mention_is_refused(handle):
    with pytest.raises(ValidationError, match="mentions start with @"):
        ContentSpecs(required_mentions=[handle])


def test_an_unknown_format_is_refused():
    with pytest.raises(ValidationError):
        ContentSpecs(formats=["LIVESTREAM"])


def test_requirements_refuse_unknown_keys_and_impossible_numbers():
    with pytest.raises(ValidationError):
        Requirements.model_validate({"influencer": {"min_followers": 100, "likes": 5}})
    with pytest.raises(ValidationError):
        Requirements.model_validate({"regular": {"min_followers": -1}})
    with pytest.raises(ValidationError):
        Requirements.model_validate({"regular": {"min_engagement": 101}})


def test_requirements_read_the_briefs_shape():
    parsed = Requirements.model_validate({
        "influencer": {"min_followers": 10_000, "min_engagement": 2.0, "verified": True},
        "regular": {"min_followers": 500, "min_engagement": 1.5},
    })
    assert parsed.influencer.verified is True
    assert parsed.regular.min_followers == 500
