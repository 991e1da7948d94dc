"""/api/v1/messages: send with attachments (multipart), conversations, the chat and its cursor, read receipts."""

from __future__ import annotations

import uuid

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import messages
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.people import applied, person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture
def pair():
    """A creator and a business linked by an application: they may talk."""
    lucia, shop = person(UserType.CREATOR), person(UserType.BUSINESS)
    applied(lucia, shop)
    return lucia, shop


def send(client, sender, recipient, text="Hello!", files=None, headers=None):
    return client.post(f"{V1}/messages", data={"recipient_id": str(recipient.id), "text": text}, files=files,
                       headers={**bearer(sender), **(headers or {})})


def test_send_text_and_a_pdf_and_both_sides_see_the_conversation(client, pair):
    lucia, shop = pair
    sent = send(client, lucia, shop, "Here is my media kit", files=[("attachments", ("kit.pdf", PDF, "application/pdf"))])
    assert sent.status_code == 201, sent.text
    message = sent.json()
    assert message["mine"] is True and message["text"] == "Here is my media kit"
    assert [a["name"] for a in message["attachments"]] == ["kit.pdf"] and message["attachments"][0]["size"] == len(PDF)
    theirs = client.get(f"{V1}/messages", headers=bearer(shop)).json()
    assert theirs["total"] == 1 and theirs["items"][0]["other"]["id"] == str(lucia.id) and theirs["items"][0]["unread"] == 1
    assert client.get(f"{V1}/messages/unread-count", headers=bearer(shop)).json() == {"count": 1}
    # The attachment's private route takes the API's bearer token too, and only the two of them.
    url = message["attachments"][0]["url"]
    assert client.get(url, headers=bearer(shop)).content == PDF
    assert client.get(url, headers=bearer(person(UserType.BUSINESS))).status_code == 404


def test_sending_is_refused_to_strangers_to_oneself_and_for_unsafe_files(client, pair):
    lucia, shop = pair
    stranger = person(UserType.BUSINESS)
    assert_problem(send(client, lucia, stranger), 403, messages.STRANGER)
    assert_problem(send(client, lucia, lucia), 422, messages.SELF)
    assert_problem(send(client, lucia, shop, ""), 422, messages.EMPTY)
    exe = send(client, lucia, shop, "run this", files=[("attachments", ("kit.pdf", WINDOWS_EXE, "application/pdf"))])
    assert_problem(exe, 422)
    assert_problem(client.post(f"{V1}/messages", data={"recipient_id": str(shop.id), "text": "hi"}), 401)
    assert_problem(client.post(f"{V1}/messages", data={"recipient_id": "nobody", "text": "hi"}, headers=bearer(lucia)), 422)
    assert client.get(f"{V1}/messages", headers=bearer(shop)).json()["total"] == 0


def test_an_unverified_account_cannot_send(client):
    unverified, shop = person(UserType.CREATOR, verified=False), person(UserType.BUSINESS)
    applied(unverified, shop)
    assert_problem(send(client, unverified, shop), 403)


def test_the_chat_pages_back_through_older_messages_by_cursor(client, pair):
    lucia, shop = pair
    for i in range(32):
        assert send(client, lucia if i % 2 else shop, lucia if i % 2 == 0 else shop, f"line {i}").status_code == 201
    first = client.get(f"{V1}/messages/{shop.id}", headers=bearer(lucia)).json()
    assert len(first["items"]) == 30 and first["items"][-1]["text"] == "line 31" and first["can_send"] is True
    older = client.get(first["next"], headers=bearer(lucia)).json()
    assert [m["text"] for m in older["items"]] == ["line 0", "line 1"] and older["next"] is None
    assert_problem(client.get(f"{V1}/messages/{shop.id}", headers=bearer(person())), 404)
    assert_problem(client.get(f"{V1}/messages/{uuid.uuid4()}", headers=bearer(lucia)), 404)


def test_read_receipts_count_what_the_other_sent(client, pair):
    lucia, shop = pair
    send(client, lucia, shop, "one")
    send(client, lucia, shop, "two")
    assert client.post(f"{V1}/messages/{lucia.id}/read", headers=bearer(shop)).json() == {"count": 2}
    assert client.get(f"{V1}/messages/unread-count", headers=bearer(shop)).json() == {"count": 0}
    chat = client.get(f"{V1}/messages/{shop.id}", headers=bearer(lucia)).json()
    assert all(m["is_read"] for m in chat["items"])


def test_an_idempotency_key_sends_a_message_once(client, pair):
    lucia, shop = pair
    first = send(client, lucia, shop, "only once", headers={"Idempotency-Key": "msg-1"})
    again = send(client, lucia, shop, "only once", headers={"Idempotency-Key": "msg-1"})
    assert first.json()["id"] == again.json()["id"]
    assert len(client.get(f"{V1}/messages/{shop.id}", headers=bearer(lucia)).json()["items"]) == 1
