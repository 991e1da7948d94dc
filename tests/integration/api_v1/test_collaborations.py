"""/api/v1/collaborations: list, detail, schedule, confirm, the visit code, visit, cancel, dispute, timeline."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import collaborations
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.api_market import collaboration, creator
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def deal(client):
    shop, lucia = person(UserType.BUSINESS), creator(client)
    return shop, lucia, collaboration(client, shop, lucia)


def in_days(days: int) -> str:
    return (datetime.now(timezone.utc) + timedelta(days=days)).replace(microsecond=0).isoformat()


def post(client, who, collab_id: str, action: str, body: dict | None = None):
    return client.post(f"{V1}/collaborations/{collab_id}/{action}", json=body, headers=bearer(who))


def test_both_parties_list_and_read_it_and_nobody_else_can(client, deal):
    shop, lucia, collab_id = deal
    for who, role in ((shop, "owner"), (lucia, "creator")):
        listed = client.get(f"{V1}/collaborations", headers=bearer(who)).json()
        assert [c["id"] for c in listed["items"]] == [collab_id] and listed["counts"]["ACCEPTED"] == 1
        assert client.get(f"{V1}/collaborations/{collab_id}", headers=bearer(who)).json()["viewer_role"] == role
    for stranger in (person(UserType.BUSINESS), person(UserType.CREATOR)):
        assert_problem(client.get(f"{V1}/collaborations/{collab_id}", headers=bearer(stranger)), 404,
                       collaborations.NOT_FOUND)
        assert client.get(f"{V1}/collaborations", headers=bearer(stranger)).json()["total"] == 0
    assert_problem(client.get(f"{V1}/collaborations/{collab_id}"), 401)
    assert_problem(client.get(f"{V1}/collaborations", params={"status": "LOST"}, headers=bearer(lucia)), 422)


def test_schedule_confirm_and_mark_the_visit_with_the_creators_code(client, deal):
    shop, lucia, collab_id = deal
    assert_problem(post(client, lucia, collab_id, "schedule", {"visit_date": in_days(-1)}), 422)
    proposed = post(client, lucia, collab_id, "schedule", {"visit_date": in_days(3), "note": "Lunch?"})
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["status"] == "SCHEDULED" and proposed.json()["awaiting"] == "owner"
    assert_problem(post(client, lucia, collab_id, "confirm"), 422)  # one's own proposal is the other's to confirm
    assert client.get(f"{V1}/collaborations/{collab_id}/visit-code", headers=bearer(lucia)).json() == {"code": None}
    confirmed = post(client, shop, collab_id, "confirm")
    assert confirmed.json()["scheduled_date"] is not None
    code = client.get(f"{V1}/collaborations/{collab_id}/visit-code", headers=bearer(lucia)).json()["code"]
    assert code
    assert_problem(client.get(f"{V1}/collaborations/{collab_id}/visit-code", headers=bearer(shop)), 403)
    assert_problem(post(client, shop, collab_id, "visit", {"code": "WRONG1"}), 422, collaborations.WRONG_CODE)
    visited = post(client, shop, collab_id, "visit", {"code": code})
    assert visited.json()["status"] == "VISITED" and visited.json()["visited_at"]
    actions = [e["action"] for e in client.get(f"{V1}/collaborations/{collab_id}/timeline", headers=bearer(lucia)).json()]
    assert actions[-3:] == ["propose_visit", "confirm_visit", "mark_visited_by_code"]


def test_either_party_proposes_another_date_and_the_other_confirms(client, deal):
    shop, lucia, collab_id = deal
    post(client, lucia, collab_id, "schedule", {"visit_date": in_days(3)})
    other = post(client, shop, collab_id, "schedule", {"visit_date": in_days(4)})
    assert other.json()["awaiting"] == "creator"
    assert post(client, lucia, collab_id, "confirm").json()["scheduled_date"] is not None


def test_the_visit_by_hand_is_the_business_s_and_only_after_a_confirmed_date(client, deal):
    shop, lucia, collab_id = deal
    assert_problem(post(client, shop, collab_id, "visit", {"note": "She came"}), 422)
    post(client, lucia, collab_id, "schedule", {"visit_date": in_days(2)})
    post(client, shop, collab_id, "confirm")
    assert_problem(post(client, lucia, collab_id, "visit", {"note": "I came"}), 403)
    assert post(client, shop, collab_id, "visit", {"note": "She came"}).json()["status"] == "VISITED"


def test_cancel_needs_a_reason_and_ends_it(client, deal):
    shop, lucia, collab_id = deal
    assert_problem(post(client, lucia, collab_id, "cancel", {"reason": "  "}), 422)
    assert_problem(post(client, person(UserType.CREATOR), collab_id, "cancel", {"reason": "Mine now"}), 404)
    cancelled = post(client, lucia, collab_id, "cancel", {"reason": "I broke my phone."})
    assert cancelled.json()["status"] == "CANCELLED"
    assert_problem(post(client, shop, collab_id, "dispute", {"reason": "Too late"}), 422)


def test_a_dispute_is_open_to_either_party_with_a_reason(client, deal):
    shop, _lucia, collab_id = deal
    disputed = post(client, shop, collab_id, "dispute", {"reason": "No show, no answer."})
    assert disputed.json()["status"] == "DISPUTED" and disputed.json()["dispute_reason"] == "No show, no answer."
    assert_problem(post(client, shop, collab_id, "rate", {"stars": 9}), 422)
    assert_problem(post(client, shop, collab_id, "rate", {"stars": 5}), 422)
