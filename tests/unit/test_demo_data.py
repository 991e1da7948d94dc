"""The demo's plan: who the accounts are and which offers the businesses publish. The same `now`
gives the same plan in any process; what loading it makes is in tests/integration/test_demo_invariants.py."""

import subprocess
import sys
from datetime import datetime, timezone

from influfinder.domain.enums import Currency, OfferCategory, OfferStatus, Platform, Tier, UserType
from influfinder.domain.tiers import standing
from influfinder.services.demo_data import ACCOUNTS, CREATORS, DEMO_PASSWORD, planned_offers
from tests.support import ROOT
from tests.support.demo import NOW

PLAN_DIGEST = ("import hashlib, json; from influfinder.services.demo_data import planned_offers; "
               "from tests.support.demo import NOW; "
               "print(hashlib.sha256(json.dumps([(p.form, p.status, p.created_at, p.published_at) "
               "for p in planned_offers(NOW)], default=str).encode()).hexdigest())")


def test_the_same_now_gives_the_same_plan_in_another_process():
    digests = {subprocess.run([sys.executable, "-c", PLAN_DIGEST], cwd=ROOT, capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}, check=True).stdout.strip()
               for seed in ("1", "4242")}
    assert len(digests) == 1 and digests != {""}


def test_another_now_moves_the_dates_and_keeps_the_offers():
    later = planned_offers(datetime(2027, 3, 1, tzinfo=timezone.utc))
    now = planned_offers(NOW)
    assert [p.title for p in later] == [p.title for p in now]
    assert later[0].created_at > now[0].created_at


def test_ten_accounts_one_admin_three_businesses_one_an_agency_six_creators():
    assert len(ACCOUNTS) == 10 and len({a.email for a in ACCOUNTS}) == 10
    assert [a.is_admin for a in ACCOUNTS].count(True) == 1
    businesses = [a for a in ACCOUNTS if a.user_type in (UserType.BUSINESS, UserType.AGENCY) and not a.is_admin]
    assert len(businesses) == 3 and [b.user_type for b in businesses].count(UserType.AGENCY) == 1
    assert all(a.email == a.email.lower() for a in ACCOUNTS) and len(DEMO_PASSWORD) >= 12


def test_the_creators_complete_enough_to_stand_in_each_tier():
    assert [standing(c.completed).tier for c in CREATORS] == list(Tier)


def test_forty_offers_across_categories_platforms_currencies_and_statuses():
    offers = planned_offers(NOW)
    assert len(offers) == 40
    assert len({o.category for o in offers}) >= len(OfferCategory) - 1  # OTHER is the only one left out
    assert {p for o in offers for p in o.form["platforms"]} == set(Platform.values())
    assert {o.form["currency"] for o in offers} == {c.value for c in Currency}
    assert {o.status for o in offers} == set(OfferStatus)
    assert any(not o.is_public for o in offers if o.status is OfferStatus.ACTIVE)


def test_every_date_of_the_plan_is_in_order_and_in_the_past():
    for offer in planned_offers(NOW):
        assert offer.created_at <= NOW
        assert offer.published_at is None or offer.published_at == offer.created_at
        assert offer.changed_at is None or offer.created_at < offer.changed_at <= NOW
        assert offer.created_at < offer.form["application_deadline"] < offer.form["content_deadline"]
