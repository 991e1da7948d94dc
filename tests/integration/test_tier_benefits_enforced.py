"""Tier benefits that the marketplace enforces: NEWBIE creators hold at most 3 undecided
applications, EXPLORER creators 10 (withdrawing one frees a place); PRO creators and up see a new
offer 24 hours before everyone else; LEGEND applicants are listed first for the business."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from influfinder.domain.enums import Tier, UserType
from influfinder.models import Offer
from influfinder.services import applications, early_access, offers
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.offer_filters import OfferSearch
from influfinder.services.offer_search import search_offers
from tests.integration.test_marketplace_services import (  # noqa: F401
    MESSAGE, call, engine, empty_tables, make_user, published,
)
from tests.support.early_access import released

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(("tier", "cap"), [(0, 3), (1, 10)])
def test_open_applications_are_capped_by_tier(engine, tier, cap):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=tier)
    offers_ = [published(engine, business, slots=1) for _ in range(cap + 1)]
    first = None
    for offer_id in offers_[:cap]:
        application_id = call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})
        first = first or application_id
    check = call(engine, applications.check_apply, creator, offers_[cap])
    assert not check.can_apply and any("open applications at a time" in r for r in check.reasons)
    with pytest.raises(ServiceError, match="open applications at a time"):
        call(engine, applications.apply, creator, offers_[cap], {"message": MESSAGE})

    call(engine, applications.withdraw, creator, first)
    assert call(engine, applications.apply, creator, offers_[cap], {"message": MESSAGE})


def test_pro_creators_have_no_cap(engine):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=2)
    for _ in range(11):
        assert call(engine, applications.apply, creator, published(engine, business, slots=1), {"message": MESSAGE})


# ---- early access -------------------------------------------------------------------------------


def _fresh_offer(engine, business) -> str:
    """Published this moment: the builder's `published` lets the day pass, so undo that."""
    offer_id = published(engine, business, title="Omakase night for early birds")

    def now_again(db, key):
        offer = db.get(Offer, key)
        offer.published_at = datetime.now(timezone.utc)
        db.add(offer)

    call(engine, now_again, offer_id)
    return str(offer_id)


def _sees(engine, actor, offer_id) -> dict[str, bool]:
    """Does `actor` find the offer in Browse, open its page, and get past the apply check?"""
    now = datetime.now(timezone.utc)
    found = [c.id for c in call(engine, search_offers, actor, OfferSearch(q="omakase"), now=now).items]
    page = call(engine, lambda db: offers.get_public_offer_detail(
        db, offer_id, early_access.released_condition(db, actor, now)))
    return {"browse": offer_id in found, "page": page is not None}


@pytest.mark.parametrize("tier", [Tier.PRO, Tier.ELITE, Tier.MASTER, Tier.LEGEND])
def test_pro_creators_and_up_see_and_apply_to_a_new_offer_at_once(engine, tier):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=int(tier))
    offer_id = _fresh_offer(engine, business)
    assert _sees(engine, creator, offer_id) == {"browse": True, "page": True}
    assert call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})


@pytest.mark.parametrize("tier", [Tier.NEWBIE, Tier.EXPLORER])
def test_lower_tiers_see_a_new_offer_a_day_later(engine, tier):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=int(tier))
    offer_id = _fresh_offer(engine, business)

    assert _sees(engine, creator, offer_id) == {"browse": False, "page": False}
    with pytest.raises(NotAllowed, match="We could not find that offer."):
        call(engine, applications.check_apply, creator, offer_id)
    with pytest.raises(NotAllowed, match="We could not find that offer."):
        call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})
    assert call(engine, applications.my_applications, creator).page.total == 0

    call(engine, released, offer_id)
    assert _sees(engine, creator, offer_id) == {"browse": True, "page": True}
    assert call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})


def test_during_early_access_visitors_and_other_businesses_wait_but_the_owner_and_admins_do_not(engine):
    owner = make_user(engine, UserType.BUSINESS)
    offer_id = _fresh_offer(engine, owner)
    assert _sees(engine, None, offer_id) == {"browse": False, "page": False}
    assert _sees(engine, make_user(engine, UserType.BUSINESS), offer_id) == {"browse": False, "page": False}
    assert _sees(engine, owner, offer_id) == {"browse": True, "page": True}
    assert _sees(engine, make_user(engine, UserType.BUSINESS, admin=True), offer_id) == {"browse": True, "page": True}


# ---- featured applicants ------------------------------------------------------------------------


def test_legend_applicants_are_listed_first_then_everyone_newest_first(engine):
    business = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, business, slots=3)
    order = {}
    for name, tier in [("newbie", Tier.NEWBIE), ("legend", Tier.LEGEND), ("pro", Tier.PRO)]:
        creator = make_user(engine, tier=int(tier))
        order[creator.username] = name
        call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})

    rows = call(engine, applications.list_for_offer, business, offer_id).items
    assert [order[r.creator.username] for r in rows] == ["legend", "pro", "newbie"]
    assert [r.creator.featured for r in rows] == [True, False, False]
