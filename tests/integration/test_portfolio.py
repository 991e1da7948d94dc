"""The portfolio on real databases: a creator shows a completed collaboration on the public profile,
only when the offer allows it; its approved images become viewable by anyone, and stop being so
when the creator hides the item or the business forbids portfolios on the offer.

Collaborations are made with the submission tests' builders (a real offer, application, visit,
content checked and stored, approval and both ratings).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, UserType
from influfinder.models import Collaboration, Offer
from influfinder.services import offer_management, portfolio, ratings, submissions
from influfinder.services.errors import NotAllowed, ServiceError
from tests.integration.test_submissions import (  # noqa: F401 - fixtures: the module's database, the app on it
    Deal, app, call, db_url, deal, fetch, make_user, offer_form, session_cookie, settle, submit,
)

pytestmark = pytest.mark.integration

POST = "https://www.instagram.com/p/Cx1brunch/"


def completed(d: Deal | None = None) -> tuple[Deal, str]:
    """A completed collaboration with approved content (a photo and a post link); the photo's URL."""
    d = d or deal()
    sid = submit(d, content_urls=[POST])
    settle()
    call(submissions.start_review, d.business, sid)
    call(submissions.approve, d.business, sid)
    call(ratings.rate, d.business, d.id, 5, "Lovely photos")
    call(ratings.rate, d.creator, d.id, 5, "Great brunch")
    url = call(submissions.get_submission, d.creator, sid).media[0].url
    return d, url


def forbid_portfolios(d: Deal) -> None:
    with database.session_scope() as db:
        offer_id = db.get(Collaboration, d.id).offer_id
        db.exec(sa.update(Offer).where(Offer.id == offer_id).values(portfolio_allowed=False))


def test_an_item_is_off_until_the_creator_shows_it_then_anyone_sees_it_and_its_photo(app):
    d, url = completed()
    assert call(portfolio.public_portfolio, None, d.creator.username) == []
    assert fetch(url).status_code == 404  # approved, but not shown: still private

    assert call(portfolio.set_shown, d.creator, str(d.id), True) is True
    [item] = call(portfolio.public_portfolio, None, d.creator.username)
    assert (item.offer_title, item.platform, item.post_urls) == ("Weekend brunch at Café Aurora", "INSTAGRAM", [POST])
    assert "#CafeAurora" in item.caption and len(item.image_keys) == 1
    anonymous = fetch(url)
    assert anonymous.status_code == 200 and anonymous.content[:3] == b"\xff\xd8\xff"

    call(portfolio.set_shown, d.creator, str(d.id), False)
    assert call(portfolio.public_portfolio, None, d.creator.username) == []
    assert fetch(url).status_code == 404


def test_only_the_creator_of_a_completed_collaboration_may_show_it(app):
    d, _url = completed()
    stranger = make_user()
    for actor, error in ((d.business, NotAllowed), (stranger, NotAllowed), (None, Exception)):
        with pytest.raises(error):
            call(portfolio.set_shown, actor, str(d.id), True)
    with pytest.raises(NotAllowed):
        call(portfolio.set_shown, d.creator, "not-an-id", True)
    with pytest.raises(ServiceError, match="yes or no"):
        call(portfolio.set_shown, d.creator, str(d.id), "yes")
    assert call(portfolio.public_portfolio, None, d.creator.username) == []

    ongoing = deal()
    with pytest.raises(ServiceError, match="once it is completed"):
        call(portfolio.set_shown, ongoing.creator, str(ongoing.id), True)
    with database.session_scope() as db:
        assert db.get(Collaboration, ongoing.id).in_portfolio is False


def test_a_business_that_forbids_portfolios_keeps_the_content_private(app):
    d, url = completed()
    call(portfolio.set_shown, d.creator, str(d.id), True)
    forbid_portfolios(d)
    assert call(portfolio.public_portfolio, None, d.creator.username) == []
    assert fetch(url).status_code == 404
    assert fetch(url, session_cookie(d.business)).status_code == 200  # the parties still see it
    with pytest.raises(ServiceError, match="stays out of portfolios"):
        call(portfolio.set_shown, d.creator, str(d.id), True)
    assert call(portfolio.set_shown, d.creator, str(d.id), False) is False  # hiding is always allowed


def test_the_collaboration_page_offers_the_switch_to_its_creator_once_completed(app):
    ongoing = deal()
    assert call(portfolio.switch_for, ongoing.creator, str(ongoing.id)).offered is False
    d, _url = completed()
    assert call(portfolio.switch_for, d.creator, str(d.id)) == portfolio.PortfolioSwitch(True, False, True)
    assert call(portfolio.switch_for, d.business, str(d.id)).offered is False
    assert call(portfolio.switch_for, make_user(), str(d.id)).offered is False
    assert call(portfolio.switch_for, d.creator, "junk").offered is False
    forbid_portfolios(d)
    assert call(portfolio.switch_for, d.creator, str(d.id)) == portfolio.PortfolioSwitch(True, False, False)


def test_a_new_offer_allows_portfolios_and_its_owner_can_turn_that_off(app):
    business = make_user(UserType.BUSINESS)
    allowed = call(offer_management.create_draft, business, offer_form())
    forbidden = call(offer_management.create_draft, business, {**offer_form(), "portfolio_allowed": False})
    with database.session_scope() as db:
        assert (db.get(Offer, allowed).portfolio_allowed, db.get(Offer, forbidden).portfolio_allowed) == (True, False)
    with pytest.raises(ServiceError):
        call(offer_management.create_draft, business, {**offer_form(), "portfolio_allowed": "maybe"})


def test_a_status_other_than_completed_is_never_shown_even_if_flagged(app):
    d, _url = completed()
    call(portfolio.set_shown, d.creator, str(d.id), True)
    with database.session_scope() as db:  # an admin reopening it as disputed, say
        db.exec(sa.update(Collaboration).where(Collaboration.id == d.id).values(status=CollaborationStatus.DISPUTED))
    assert call(portfolio.public_portfolio, None, d.creator.username) == []
