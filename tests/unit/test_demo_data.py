"""The demo data: the same arguments give the same rows, and it shows every part of the product."""

import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone

import pytest

from influfinder.domain.enums import (
    ApplicationStatus,
    CollaborationStatus,
    Currency,
    OfferCategory,
    OfferStatus,
    Platform,
    Tier,
    UserType,
)
from influfinder.services.demo_data import build_demo
from tests.support import ROOT
from tests.support.demo import NOW, demo_digest, rows_as_data


@pytest.fixture(scope="module")
def demo():
    return build_demo(NOW, "not-a-real-hash")


def test_same_now_and_hash_give_identical_rows_ids_included(demo):
    again = build_demo(NOW, "not-a-real-hash")
    assert rows_as_data(again) == rows_as_data(demo)


def test_the_rows_do_not_depend_on_the_process(demo):
    """Another interpreter with another hash seed builds the same rows (no set or dict-order luck)."""
    script = "from tests.support.demo import NOW, demo_digest; print(demo_digest(NOW))"
    for seed in ("1", "4242"):
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                                env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}, check=True)
        assert result.stdout.strip() == demo_digest(NOW)


def test_another_now_moves_the_dates_but_keeps_the_ids(demo):
    later = build_demo(datetime(2027, 3, 1, tzinfo=timezone.utc), "not-a-real-hash")
    assert [r.id for r in later.rows()] == [r.id for r in demo.rows()]
    assert later.offers[0].created_at > demo.offers[0].created_at


def test_accounts_one_admin_three_businesses_one_an_agency(demo):
    admins = [u for u in demo.users if u.is_admin]
    businesses = [u for u in demo.users if u.user_type in (UserType.BUSINESS, UserType.AGENCY) and not u.is_admin]
    assert len(admins) == 1
    assert len(businesses) == 3
    assert [b.user_type for b in businesses].count(UserType.AGENCY) == 1
    assert all(u.is_verified and u.email == u.email.lower() for u in demo.users)


def test_six_creators_one_in_each_tier(demo):
    creator_ids = {u.id for u in demo.users if u.user_type is UserType.CREATOR}
    tiers = sorted(p.tier_level for p in demo.profiles if p.user_id in creator_ids)
    assert tiers == [int(t) for t in Tier]


def test_forty_offers_across_categories_platforms_currencies_and_statuses(demo):
    offers = demo.offers
    assert len(offers) == 40
    assert len({o.category for o in offers}) >= len(OfferCategory) - 1  # OTHER is the only one left out
    assert {p for o in offers for p in o.platforms} == set(Platform.values())
    assert {o.currency for o in offers} == set(Currency)
    assert {o.status for o in offers} == set(OfferStatus)
    assert any(not o.is_public for o in offers if o.status is OfferStatus.ACTIVE)


def test_applications_and_collaborations_in_every_state(demo):
    assert {a.status for a in demo.applications} == set(ApplicationStatus)
    assert {c.status for c in demo.collaborations} == set(CollaborationStatus)
    assert max(Counter((a.offer_id, a.creator_id) for a in demo.applications).values()) == 1


def test_every_reference_points_at_a_demo_row(demo):
    users = {u.id for u in demo.users}
    offers = {o.id for o in demo.offers}
    applications = {a.id for a in demo.applications}
    assert all(o.business_id in users for o in demo.offers)
    assert all(a.offer_id in offers and a.creator_id in users for a in demo.applications)
    assert all(c.application_id in applications and c.offer_id in offers for c in demo.collaborations)
    assert len({r.id for r in demo.rows()}) == len(demo.rows())


def test_discovery_an_invitation_to_an_invite_only_offer_and_a_saved_search_each_side():
    demo = build_demo(NOW, "not-a-real-hash")
    [invitation] = demo.invitations
    offer = next(o for o in demo.offers if o.id == invitation.offer_id)
    creator = next(u for u in demo.users if u.id == invitation.creator_id)
    assert creator.username == "lucia.eats" and not offer.is_public and offer.status is OfferStatus.ACTIVE
    assert invitation.business_id == offer.business_id
    assert not any(a.offer_id == offer.id and a.creator_id == creator.id for a in demo.applications)
    assert sorted(s.kind.value for s in demo.saved_searches) == ["CREATORS", "OFFERS"]
