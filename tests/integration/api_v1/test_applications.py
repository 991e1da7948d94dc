"""/api/v1/applications: apply, list, read, review (open, accept, reject), withdraw."""

from __future__ import annotations

import uuid

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import applications, guards
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.api_market import MESSAGE, application, creator, live_offer
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def cast(client):
    return person(UserType.BUSINESS), creator(client)


def test_a_creator_applies_once_and_sees_it_in_their_list(client, cast):
    shop, lucia = cast
    offer_id = live_offer(client, shop)
    response = client.post(f"{V1}/applications", json={"offer_id": offer_id, "message": MESSAGE, "proposed_fee": "180"},
                           headers=bearer(lucia))
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["status"] == "APPLIED" and created["viewer_role"] == "creator" and created["proposed_fee"] == "180.00"
    assert response.headers["location"] == f"/api/v1/applications/{created['id']}"
    again = client.post(f"{V1}/applications", json={"offer_id": offer_id, "message": MESSAGE}, headers=bearer(lucia))
    assert_problem(again, 409, applications.ALREADY_APPLIED)
    mine = client.get(f"{V1}/applications", headers=bearer(lucia)).json()
    assert [a["id"] for a in mine["items"]] == [created["id"]] and mine["counts"]["APPLIED"] == 1


def test_applying_needs_a_creator_a_live_offer_and_a_real_message(client, cast):
    shop, lucia = cast
    offer_id = live_offer(client, shop)
    body = {"offer_id": offer_id, "message": MESSAGE}
    assert_problem(client.post(f"{V1}/applications", json=body), 401)
    assert_problem(client.post(f"{V1}/applications", json=body, headers=bearer(shop)), 403, guards.CREATORS_ONLY)
    short = assert_problem(client.post(f"{V1}/applications", json={**body, "message": "hi"}, headers=bearer(lucia)), 422)
    assert short["errors"] == [{"field": "message", "message": "Write a message of 20 to 2,000 characters."}]
    missing = client.post(f"{V1}/applications", json={**body, "offer_id": str(uuid.uuid4())}, headers=bearer(lucia))
    assert missing.status_code in (404, 422)
    assert client.get(f"{V1}/applications", headers=bearer(lucia)).json()["total"] == 0


def test_the_business_lists_opens_and_accepts_and_a_collaboration_starts(client, cast):
    shop, lucia = cast
    offer_id = live_offer(client, shop)
    application_id = application(client, lucia, offer_id)
    listed = client.get(f"{V1}/offers/{offer_id}/applications", headers=bearer(shop)).json()
    assert [a["id"] for a in listed["items"]] == [application_id]
    opened = client.post(f"{V1}/applications/{application_id}/review", json={"decision": "open"}, headers=bearer(shop))
    assert opened.json()["application"]["status"] == "UNDER_REVIEW"
    accepted = client.post(f"{V1}/applications/{application_id}/review", json={"decision": "accept", "agreed_fee": "200"},
                           headers=bearer(shop))
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["application"]["status"] == "ACCEPTED" and accepted.json()["collaboration_id"]
    seen = client.get(f"{V1}/applications/{application_id}", headers=bearer(lucia)).json()
    assert seen["status"] == "ACCEPTED" and seen["collaboration_id"] == accepted.json()["collaboration_id"]
    assert_problem(client.post(f"{V1}/applications/{application_id}/withdraw", headers=bearer(lucia)), 422)


def test_reject_with_a_reason_the_creator_reads(client, cast):
    shop, lucia = cast
    application_id = application(client, lucia, live_offer(client, shop))
    rejected = client.post(f"{V1}/applications/{application_id}/review",
                           json={"decision": "reject", "reason": "We need TikTok this time."}, headers=bearer(shop))
    assert rejected.json()["application"]["status"] == "REJECTED"
    assert client.get(f"{V1}/applications/{application_id}", headers=bearer(lucia)).json()["rejection_reason"] == \
        "We need TikTok this time."


def test_other_parties_cannot_read_or_decide_and_the_creator_cannot_accept(client, cast):
    shop, lucia = cast
    offer_id = live_offer(client, shop)
    application_id = application(client, lucia, offer_id)
    stranger_shop, stranger = person(UserType.BUSINESS), person(UserType.CREATOR)
    for who in (stranger_shop, stranger):
        assert_problem(client.get(f"{V1}/applications/{application_id}", headers=bearer(who)), 404, applications.NOT_FOUND)
    assert_problem(client.get(f"{V1}/offers/{offer_id}/applications", headers=bearer(stranger_shop)), 404)
    assert_problem(client.post(f"{V1}/applications/{application_id}/review", json={"decision": "accept"},
                               headers=bearer(stranger_shop)), 404)
    assert_problem(client.post(f"{V1}/applications/{application_id}/review", json={"decision": "accept"},
                               headers=bearer(lucia)), 403)
    assert_problem(client.post(f"{V1}/applications/{application_id}/review", json={"decision": "maybe"},
                               headers=bearer(shop)), 422)
    assert_problem(client.get(f"{V1}/applications/{application_id}"), 401)
    assert client.get(f"{V1}/applications/{application_id}", headers=bearer(lucia)).json()["status"] == "APPLIED"


def test_the_creator_withdraws_and_only_they_can(client, cast):
    shop, lucia = cast
    application_id = application(client, lucia, live_offer(client, shop))
    assert_problem(client.post(f"{V1}/applications/{application_id}/withdraw", headers=bearer(shop)), 403)
    assert_problem(client.post(f"{V1}/applications/{application_id}/withdraw", headers=bearer(person())), 404)
    withdrawn = client.post(f"{V1}/applications/{application_id}/withdraw", headers=bearer(lucia))
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "WITHDRAWN"
    assert_problem(client.get(f"{V1}/applications", params={"status": "LOST"}, headers=bearer(lucia)), 422)
