"""/api/v1 submissions: the creator submits (multipart), the business reviews, analysis retries; then rating."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import analysis, effects, submissions
from tests.support.api_client import V1, assert_problem, bearer
from tests.support.api_market import collaboration, creator
from tests.support.media import photo
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def visited(client):
    """A collaboration whose visit the business marked: the creator may submit."""
    shop, lucia = person(UserType.BUSINESS), creator(client)
    collab_id = collaboration(client, shop, lucia)
    when = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
    for who, action, body in ((lucia, "schedule", {"visit_date": when}), (shop, "confirm", None),
                              (shop, "visit", {"note": "She came."})):
        assert client.post(f"{V1}/collaborations/{collab_id}/{action}", json=body, headers=bearer(who)).status_code == 200
    return shop, lucia, collab_id


def submit(client, who, collab_id, **form):
    files = form.pop("files", [("files", ("reel.jpg", photo(), "image/jpeg"))])
    data = {"caption": "Brunch at @cafe #ad", "platform": "INSTAGRAM", **form}
    data["collaboration_id"] = collab_id
    return client.post(f"{V1}/submissions", data=data, files=files, headers=bearer(who))


def test_the_creator_submits_a_photo_and_both_parties_read_the_version(client, visited):
    shop, lucia, collab_id = visited
    response = submit(client, lucia, collab_id)
    assert response.status_code == 201, response.text
    view = response.json()
    assert view["version"] == 1 and view["status"] == "SUBMITTED" and view["media"][0]["kind"] == "image"
    assert view["captions"] == {"INSTAGRAM": "Brunch at @cafe #ad"}
    assert response.headers["location"] == f"/api/v1/submissions/{view['id']}"
    effects.drain()  # the analysis is queued by an after-commit effect: wait for it to be queued
    analysis.drain()
    seen = client.get(f"{V1}/submissions/{view['id']}", headers=bearer(shop)).json()
    assert seen["viewer_role"] == "owner" and seen["analysis_status"] in ("DONE", "FAILED")
    listed = client.get(f"{V1}/collaborations/{collab_id}/submissions", headers=bearer(lucia)).json()
    assert [v["id"] for v in listed] == [view["id"]]
    collab = client.get(f"{V1}/collaborations/{collab_id}", headers=bearer(lucia)).json()
    assert collab["status"] == "CONTENT_SUBMITTED"


def test_submitting_is_the_creators_with_real_content_only(client, visited):
    shop, lucia, collab_id = visited
    assert_problem(submit(client, shop, collab_id), 403, submissions.CREATOR_ONLY)
    assert_problem(submit(client, person(UserType.CREATOR), collab_id), 404)
    assert_problem(submit(client, lucia, collab_id, files=[]), 422, submissions.NOTHING_SENT)
    fake = [("files", ("reel.jpg", b"MZ\x90\x00 not a photo", "image/jpeg"))]
    assert_problem(submit(client, lucia, collab_id, files=fake), 422)
    assert_problem(client.post(f"{V1}/submissions", data={"collaboration_id": collab_id,
                                                                "content_urls": "https://x.y/p"}), 401)
    assert client.get(f"{V1}/collaborations/{collab_id}/submissions", headers=bearer(lucia)).json() == []


def test_request_changes_then_a_new_version_approved_then_both_rate(client, visited):
    shop, lucia, collab_id = visited
    first = submit(client, lucia, collab_id).json()["id"]
    effects.drain()  # the analysis is queued by an after-commit effect: wait for it to be queued
    analysis.drain()
    assert client.post(f"{V1}/submissions/{first}/start-review", headers=bearer(shop)).json()["status"] == "UNDER_REVIEW"
    assert_problem(client.post(f"{V1}/submissions/{first}/reject", json={"notes": "x"}, headers=bearer(shop)), 422)
    changes = client.post(f"{V1}/submissions/{first}/reject",
                          json={"notes": "Please tag @cafe_aurora in the first frame."}, headers=bearer(shop))
    assert changes.json()["status"] == "REJECTED" and changes.json()["reviewer_notes"].startswith("Please tag")
    second = submit(client, lucia, collab_id, content_urls="https://instagram.com/p/abc").json()
    assert second["version"] == 2
    effects.drain()  # the analysis is queued by an after-commit effect: wait for it to be queued
    analysis.drain()
    assert_problem(client.post(f"{V1}/submissions/{first}/approve", headers=bearer(shop)), 409, submissions.NOT_LATEST)
    assert_problem(client.post(f"{V1}/submissions/{second['id']}/approve", headers=bearer(lucia)), 403)
    assert client.post(f"{V1}/submissions/{second['id']}/approve", headers=bearer(shop)).json()["status"] == "APPROVED"
    for who in (lucia, shop):
        rated = client.post(f"{V1}/collaborations/{collab_id}/rate", json={"stars": 5, "feedback": "Great"},
                            headers=bearer(who))
        assert rated.status_code == 200, rated.text
    assert rated.json()["status"] == "COMPLETED"
    assert_problem(client.post(f"{V1}/collaborations/{collab_id}/rate", json={"stars": 5}, headers=bearer(shop)), 422)


def test_analyze_again_only_after_a_failure_and_only_for_the_parties(client, visited):
    shop, lucia, collab_id = visited
    submission_id = submit(client, lucia, collab_id).json()["id"]
    effects.drain()  # the analysis is queued by an after-commit effect: wait for it to be queued
    analysis.drain()
    status = client.get(f"{V1}/submissions/{submission_id}", headers=bearer(lucia)).json()["analysis_status"]
    assert status == "DONE"  # the local analyzer: nothing to retry
    assert_problem(client.post(f"{V1}/submissions/{submission_id}/analyze-ai", headers=bearer(lucia)), 422,
                   analysis.NOT_RETRYABLE)
    assert_problem(client.post(f"{V1}/submissions/{submission_id}/analyze-ai", headers=bearer(person())), 404)
    assert_problem(client.post(f"{V1}/submissions/{submission_id}/analyze-ai"), 401)
