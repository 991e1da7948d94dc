"""Marketplace objects for /api/v1 tests, made through the API itself as an app would make them."""

from __future__ import annotations

from fastapi.encoders import jsonable_encoder

from influfinder import database
from tests.support.api_client import V1, bearer
from tests.support.early_access import released
from tests.support.marketplace import offer_form


def offer_body(**changes) -> dict:
    """The offer form as JSON (a paid Instagram reel in Madrid, visit required)."""
    return jsonable_encoder(offer_form(**changes))


def draft(client, business, **changes) -> str:
    response = client.post(f"{V1}/offers", json=offer_body(**changes), headers=bearer(business))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def live_offer(client, business, **changes) -> str:
    """An ACTIVE offer every tier already sees (the early-access day let pass)."""
    offer_id = draft(client, business, **changes)
    response = client.post(f"{V1}/offers/{offer_id}/publish", headers=bearer(business))
    assert response.status_code == 200, response.text
    with database.session_scope() as db:
        released(db, offer_id)
    return offer_id


MESSAGE = "I film food every week and my audience is in Madrid."


def application(client, creator, offer_id: str, **changes) -> str:
    body = {"offer_id": offer_id, "message": MESSAGE, **changes}
    response = client.post(f"{V1}/applications", json=body, headers=bearer(creator))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def collaboration(client, business, creator, **offer_changes) -> str:
    """An ACCEPTED collaboration between them: the creator applied, the business accepted."""
    offer_id = live_offer(client, business, **offer_changes)
    application_id = application(client, creator, offer_id)
    response = client.post(f"{V1}/applications/{application_id}/review", json={"decision": "accept"},
                           headers=bearer(business))
    assert response.status_code == 200, response.text
    return response.json()["collaboration_id"]


def creator(client, **person_options):
    """A verified creator whose profile meets the offer form's requirements (800 followers, 2.5%)."""
    from influfinder.domain.enums import UserType
    from tests.support.people import person

    someone = person(UserType.CREATOR, **person_options)
    audience = {"handle": someone.username[:30], "followers": 800, "engagement": 2.5}
    response = client.patch(f"{V1}/users/me", json={"instagram": audience}, headers=bearer(someone))
    assert response.status_code == 200, response.text
    return someone
