"""The navbar's to-do counts (services/waiting_work) and how they reach an open page (state/live.py).

A business sees how many applicants wait for a decision (on My offers) and how much submitted
content waits for its review (on Collaborations); deciding or reviewing brings the number down
on every open page of the business. Real database, real services, real live numbering.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from influfinder import database
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, UserType
from influfinder.models import Application, Collaboration
from influfinder.services import applications, collaborations, effects, live_updates, unit_of_work, waiting_work
from influfinder.services.errors import LogInRequired
from influfinder.state.live import MISSED
from tests.integration.test_live_state import Page
from tests.support.people import applied, collaborating, empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('waiting') / 'waiting.db'}"
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, tmp_path) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="waiting-test-secret", UPLOAD_DIR=str(tmp_path / "uploads"))
    reset_app_caches()
    live_updates.install()
    yield
    effects.drain()
    live_updates.uninstall()
    empty_every_table()
    reset_app_caches()


def counts(user) -> dict[str, int]:
    with database.session_scope() as db:
        return waiting_work.waiting_counts(db, user.id)


def set_status(model, row_id, **values) -> None:
    with database.session_scope() as db:
        row = db.get(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def as_user(user):
    return unit_of_work.Credentials(session_token=session_for(user))


def test_undecided_applicants_and_unreviewed_content_are_what_waits_for_a_business():
    cafe, other = person(UserType.BUSINESS), person(UserType.AGENCY)
    ana, ben, eva = person(), person(), person()
    applied(ana, cafe)
    opened = applied(ben, cafe)
    set_status(Application, opened, status=ApplicationStatus.UNDER_REVIEW)  # opened, still undecided
    set_status(Application, applied(eva, cafe), status=ApplicationStatus.REJECTED)
    applied(eva, other)  # someone else's applicant
    submitted, approved, visited = (collaborating(c, cafe) for c in (ana, ben, eva))
    set_status(Collaboration, submitted, status=CollaborationStatus.CONTENT_SUBMITTED)
    set_status(Collaboration, approved, status=CollaborationStatus.IN_REVIEW, approved_at=datetime.now(timezone.utc))
    set_status(Collaboration, visited, status=CollaborationStatus.VISITED)
    assert counts(cafe) == {"applicants": 2, "reviews": 1}
    assert counts(other) == {"applicants": 1, "reviews": 0}  # an agency runs offers too
    assert counts(ana) == {"applicants": 0, "reviews": 0}  # a creator waits for others, not the reverse


def test_the_door_gives_a_signed_in_user_their_own_counts_and_a_visitor_nothing():
    cafe = person(UserType.BUSINESS)
    applied(person(), cafe)
    assert unit_of_work.call(as_user(cafe), waiting_work.my_waiting_work) == waiting_work.WaitingWork(1, 0)
    with pytest.raises(LogInRequired):
        unit_of_work.call(unit_of_work.ANONYMOUS, waiting_work.my_waiting_work)


def test_a_business_page_loads_its_counts_and_follows_a_decision_made_in_another_tab():
    cafe, ana, ben = person(UserType.BUSINESS), person(), person()
    first, second = applied(ana, cafe), applied(ben, cafe)
    token = session_for(cafe)
    live = Page("/dashboard", token).load("track")
    assert (live.waiting_applicants, live.waiting_reviews) == (2, 0)
    loaded = live._seq
    unit_of_work.call(unit_of_work.Credentials(session_token=token), applications.reject, first, "")
    unit_of_work.call(as_user(ben), applications.withdraw, second)  # the creator takes theirs back
    effects.drain()
    with database.session_scope() as db:
        latest = live_updates.current_sequence(db, cafe.id)
    assert latest >= loaded + 2  # each change was numbered for the business's open pages
    assert live._receive({"kind": "sync", "seq": latest}) == MISSED
    asyncio.run(live._catch_up())
    assert (live.waiting_applicants, live.waiting_reviews) == (0, 0)


def test_submitted_content_counts_for_the_business_until_it_is_reviewed():
    cafe, ana = person(UserType.BUSINESS), person()
    collab = collaborating(ana, cafe)
    set_status(Collaboration, collab, status=CollaborationStatus.CONTENT_SUBMITTED)
    live = Page("/collaborations", session_for(cafe)).load("track")
    assert (live.waiting_applicants, live.waiting_reviews) == (0, 1)
    with database.session_scope() as db:
        update = live_updates.snapshot(db, cafe.id)
    assert update["counts"]["reviews"] == 1 and update["counts"]["messages"] == 0


def test_a_change_to_a_collaboration_numbers_an_update_of_the_business_counts():
    cafe, ana = person(UserType.BUSINESS), person()
    collab = collaborating(ana, cafe)
    with database.session_scope() as db:
        before = live_updates.current_sequence(db, cafe.id)
    unit_of_work.call(as_user(ana), collaborations.cancel, collab, "I am ill, sorry.")
    effects.drain()
    with database.session_scope() as db:
        after = live_updates.current_sequence(db, cafe.id)
    assert after > before  # the business's open pages hear it (their "to review" count may have moved)
