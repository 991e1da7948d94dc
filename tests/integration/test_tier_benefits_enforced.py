"""Tier benefits that the marketplace enforces: NEWBIE creators hold at most 3 undecided
applications, EXPLORER creators 10; withdrawing one frees a place."""

from __future__ import annotations

import pytest

from influfinder.services import applications
from influfinder.services.errors import ServiceError
from tests.integration.test_marketplace_services import MESSAGE, call, engine, empty_tables, make_user, published  # noqa: F401
from influfinder.domain.enums import UserType

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(("tier", "cap"), [(0, 3), (1, 10)])
def test_open_applications_are_capped_by_tier(engine, tier, cap):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=tier)
    offers = [published(engine, business, slots=1) for _ in range(cap + 1)]
    first = None
    for offer_id in offers[:cap]:
        application_id = call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})
        first = first or application_id
    check = call(engine, applications.check_apply, creator, offers[cap])
    assert not check.can_apply and any("open applications at a time" in r for r in check.reasons)
    with pytest.raises(ServiceError, match="open applications at a time"):
        call(engine, applications.apply, creator, offers[cap], {"message": MESSAGE})

    call(engine, applications.withdraw, creator, first)
    assert call(engine, applications.apply, creator, offers[cap], {"message": MESSAGE})


def test_pro_creators_have_no_cap(engine):
    business = make_user(engine, UserType.BUSINESS)
    creator = make_user(engine, tier=2)
    for _ in range(11):
        assert call(engine, applications.apply, creator, published(engine, business, slots=1), {"message": MESSAGE})
