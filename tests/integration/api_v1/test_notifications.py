"""/api/v1/notifications: list, unread count, read, read all, delete; each person sees only their own."""

from __future__ import annotations

import uuid

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import notifications
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.api_market import application, creator, live_offer
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def shop_with_news(client):
    """A business told of two applications."""
    shop = person(UserType.BUSINESS)
    offer_id = live_offer(client, shop)
    for _ in range(2):
        application(client, creator(client), offer_id)
    return shop


def unread(client, who) -> int:
    return client.get(f"{V1}/notifications/unread-count", headers=bearer(who)).json()["count"]


def test_the_business_lists_its_notifications_and_the_unread_count(client, shop_with_news):
    listed = client.get(f"{V1}/notifications", headers=bearer(shop_with_news)).json()
    assert listed["total"] == 2 and {n["type"] for n in listed["items"]} == {"APPLICATION_RECEIVED"}
    assert unread(client, shop_with_news) == 2
    assert client.get(f"{V1}/notifications", headers=bearer(person())).json()["total"] == 0
    assert_problem(client.get(f"{V1}/notifications"), 401)
    assert_problem(client.get(f"{V1}/notifications/unread-count"), 401)
    assert_problem(client.get(f"{V1}/notifications", params={"unread_only": "perhaps"}, headers=bearer(shop_with_news)), 422)


def test_read_one_then_all_and_the_unread_filter_follows(client, shop_with_news):
    first = client.get(f"{V1}/notifications", headers=bearer(shop_with_news)).json()["items"][0]["id"]
    assert client.patch(f"{V1}/notifications/{first}/read", headers=bearer(shop_with_news)).status_code == 204
    assert unread(client, shop_with_news) == 1
    left = client.get(f"{V1}/notifications", params={"unread_only": "true"}, headers=bearer(shop_with_news)).json()
    assert [n["id"] for n in left["items"]] != [first] and left["total"] == 1
    assert client.post(f"{V1}/notifications/read-all", headers=bearer(shop_with_news)).json() == {"count": 1}
    assert unread(client, shop_with_news) == 0


def test_nobody_reads_or_deletes_another_persons_notification(client, shop_with_news):
    note = client.get(f"{V1}/notifications", headers=bearer(shop_with_news)).json()["items"][0]["id"]
    stranger = person(UserType.BUSINESS)
    assert_problem(client.patch(f"{V1}/notifications/{note}/read", headers=bearer(stranger)), 404, notifications.NOT_FOUND)
    assert_problem(client.delete(f"{V1}/notifications/{note}", headers=bearer(stranger)), 404)
    assert_problem(client.delete(f"{V1}/notifications/{note}"), 401)
    assert unread(client, shop_with_news) == 2


def test_delete_removes_it_once(client, shop_with_news):
    note = client.get(f"{V1}/notifications", headers=bearer(shop_with_news)).json()["items"][0]["id"]
    assert client.delete(f"{V1}/notifications/{note}", headers=bearer(shop_with_news)).status_code == 204
    assert client.get(f"{V1}/notifications", headers=bearer(shop_with_news)).json()["total"] == 1
    assert_problem(client.delete(f"{V1}/notifications/{note}", headers=bearer(shop_with_news)), 404)
    assert_problem(client.delete(f"{V1}/notifications/{uuid.uuid4()}", headers=bearer(shop_with_news)), 404)
    assert_problem(client.delete(f"{V1}/notifications/not-an-id", headers=bearer(shop_with_news)), 422)
