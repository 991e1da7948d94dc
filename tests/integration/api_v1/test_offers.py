"""/api/v1/offers: create, browse, the public page with its ETag, change, publish, pause, resume, archive."""

from __future__ import annotations

import uuid

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import guards, offer_management
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.api_market import draft, live_offer, offer_body
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def shop():
    return person(UserType.BUSINESS)


def test_a_business_creates_a_draft_and_reads_it_back_as_its_owner(client, shop):
    response = client.post(f"{V1}/offers", json=offer_body(title="Brunch in Malasaña"), headers=bearer(shop))
    assert response.status_code == 201, response.text
    offer = response.json()
    assert offer["status"] == "DRAFT" and offer["values"]["title"] == "Brunch in Malasaña"
    assert "publish" in offer["actions"]
    assert response.headers["location"] == f"/api/v1/offers/me/created/{offer['id']}"
    assert client.get(response.headers["location"], headers=bearer(shop)).json()["id"] == offer["id"]


def test_creating_an_offer_needs_a_business_and_valid_fields(client, shop):
    assert_problem(client.post(f"{V1}/offers", json=offer_body()), 401)
    assert_problem(client.post(f"{V1}/offers", json=offer_body(), headers=bearer(person(UserType.CREATOR))), 403,
                   guards.BUSINESSES_ONLY)
    bad = assert_problem(client.post(f"{V1}/offers", json=offer_body(title="x"), headers=bearer(shop)), 422)
    assert bad["errors"][0]["field"] == "title"
    assert_problem(client.post(f"{V1}/offers", json=offer_body(is_admin=True), headers=bearer(shop)), 422)
    assert_problem(client.post(f"{V1}/offers", json=["not", "a", "form"], headers=bearer(shop)), 422)
    assert client.get(f"{V1}/offers/me/created", headers=bearer(shop)).json()["total"] == 0


def test_an_idempotency_key_makes_one_offer_for_two_identical_posts(client, shop):
    headers, body = {**bearer(shop), "Idempotency-Key": "offer-1"}, offer_body()
    first = client.post(f"{V1}/offers", json=body, headers=headers)
    second = client.post(f"{V1}/offers", json=body, headers=headers)
    assert first.status_code == second.status_code == 201 and first.json()["id"] == second.json()["id"]
    assert client.get(f"{V1}/offers/me/created", headers=bearer(shop)).json()["total"] == 1
    # Keys belong to their caller: another business's same key makes its own offer.
    other = person(UserType.BUSINESS)
    theirs = client.post(f"{V1}/offers", json=body, headers={**bearer(other), "Idempotency-Key": "offer-1"})
    assert theirs.json()["id"] != first.json()["id"]


def test_browse_lists_live_offers_with_the_browse_filters_and_cursor_links(client, shop):
    tag = uuid.uuid4().hex[:8]
    ids = {live_offer(client, shop, title=f"Ramen night {tag} {i}", city="Bilbao") for i in range(3)}
    draft(client, shop, title=f"Ramen draft {tag}", city="Bilbao")
    first = client.get(f"{V1}/offers", params={"q": tag, "city": "Bilbao"})
    assert first.status_code == 200, first.text
    assert {o["id"] for o in first.json()["items"]} == ids and first.json()["total"] == 3
    assert first.json()["next"] is None
    assert client.get(f"{V1}/offers", params={"q": tag, "category": "TRAVEL"}).json()["items"] == []
    bad = assert_problem(client.get(f"{V1}/offers", params={"category": "GOLF"}), 422)
    assert bad["errors"][0]["field"] == "category"
    assert_problem(client.get(f"{V1}/offers", params={"cursor": "bm90LWpzb24"}), 400)


def test_browse_pages_follow_the_next_link_until_the_end(client, shop):
    tag = uuid.uuid4().hex[:8]
    made = {live_offer(client, shop, title=f"Pintxos tour {tag} {i}") for i in range(21)}
    seen, link = [], f"{V1}/offers?q={tag}"
    while link:
        page = client.get(link).json()
        seen += [o["id"] for o in page["items"]]
        link = page["next"]
    assert sorted(seen) == sorted(made) and len(seen) == 21


def test_the_public_page_has_an_etag_and_answers_304_when_unchanged(client, shop):
    offer_id = live_offer(client, shop, title="Tapas crawl")
    first = client.get(f"{V1}/offers/{offer_id}")
    assert first.status_code == 200 and first.json()["summary"]["title"] == "Tapas crawl"
    etag = first.headers["etag"]
    assert client.get(f"{V1}/offers/{offer_id}", headers={"If-None-Match": etag}).status_code == 304
    client.patch(f"{V1}/offers/{offer_id}", json={"title": "Tapas crawl, reloaded"}, headers=bearer(shop))
    changed = client.get(f"{V1}/offers/{offer_id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_the_public_page_hides_drafts_and_unknown_ids(client, shop):
    assert_problem(client.get(f"{V1}/offers/{draft(client, shop)}"), 404)
    assert_problem(client.get(f"{V1}/offers/{uuid.uuid4()}"), 404)
    assert_problem(client.get(f"{V1}/offers/not-a-uuid"), 422)


def test_only_the_owner_changes_an_offer_and_a_live_one_stays_complete(client, shop):
    offer_id = live_offer(client, shop)
    changed = client.patch(f"{V1}/offers/{offer_id}", json={"slots": 5}, headers=bearer(shop))
    assert changed.status_code == 200 and changed.json()["values"]["slots"] == 5
    assert_problem(client.patch(f"{V1}/offers/{offer_id}", json={"slots": 1}, headers=bearer(person(UserType.BUSINESS))),
                   404, offer_management.OFFER_NOT_FOUND)
    assert_problem(client.patch(f"{V1}/offers/{offer_id}", json={"slots": 1}, headers=bearer(person())), 403)
    assert_problem(client.patch(f"{V1}/offers/{offer_id}", json={"slots": 1}), 401)
    bad = assert_problem(client.patch(f"{V1}/offers/{offer_id}", json={"slots": 0}, headers=bearer(shop)), 422)
    assert bad["errors"][0]["field"] == "slots"


def test_publish_pause_resume_archive_follow_the_offer_lifecycle(client, shop):
    offer_id = draft(client, shop)
    assert_problem(client.post(f"{V1}/offers/{offer_id}/pause", headers=bearer(shop)), 422)
    assert client.post(f"{V1}/offers/{offer_id}/publish", headers=bearer(shop)).json()["status"] == "ACTIVE"
    assert client.post(f"{V1}/offers/{offer_id}/pause", headers=bearer(shop)).json()["status"] == "PAUSED"
    assert client.post(f"{V1}/offers/{offer_id}/resume", headers=bearer(shop)).json()["status"] == "ACTIVE"
    assert_problem(client.post(f"{V1}/offers/{offer_id}/archive", headers=bearer(person(UserType.BUSINESS))), 404)
    assert client.post(f"{V1}/offers/{offer_id}/archive", headers=bearer(shop)).json()["status"] == "ARCHIVED"


def test_an_unverified_business_cannot_publish(client):
    unverified = person(UserType.BUSINESS, verified=False)
    offer_id = draft(client, unverified)
    assert_problem(client.post(f"{V1}/offers/{offer_id}/publish", headers=bearer(unverified)), 403)


def test_my_offers_lists_only_the_callers_offers_with_counts(client, shop):
    draft(client, shop)
    live_offer(client, shop)
    draft(client, person(UserType.BUSINESS))
    mine = client.get(f"{V1}/offers/me/created", headers=bearer(shop)).json()
    assert mine["total"] == 2 and mine["counts"]["DRAFT"] == 1 and mine["counts"]["ACTIVE"] == 1
    drafts = client.get(f"{V1}/offers/me/created", params={"status": "DRAFT"}, headers=bearer(shop)).json()
    assert [o["status"] for o in drafts["items"]] == ["DRAFT"]
    assert_problem(client.get(f"{V1}/offers/me/created", headers=bearer(person())), 403)
    assert_problem(client.get(f"{V1}/offers/me/created", params={"status": "LOST"}, headers=bearer(shop)), 422)
