"""The demo agrees with itself: it is built by the real services, so every counter equals its records,
every karma history ends where the profile is, every analysis is what the local analyzer says, and
every collaboration's dates come in the order things happen. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import (
    AnalysisStatus, ApplicationStatus, CollaborationStatus, OfferStatus, SavedSearchKind, Tier, UserType,
)
from influfinder.domain.moments import as_utc
from influfinder.domain.tiers import standing
from influfinder.integrations.ai_local import LocalAnalyzer
from influfinder.models import (
    Application, Collaboration, CollaborationEvent, ContentSubmission, Invitation, Offer, Profile, SavedSearch, User,
)
from influfinder.services.demo_data import SELF_REPORTED_CREATOR, VERIFIED_CREATOR
from influfinder.services import analysis, progress
from influfinder.services.actors import actor_for_user
from influfinder.services.creator_profiles import creator_card
from tests.support.demo import NOW, demo_engine

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]  # a year of work, played


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path_factory) -> Iterator[Session]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    engine = demo_engine(url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def creators(db: Session) -> list[tuple[User, Profile]]:
    return db.exec(select(User, Profile).join(Profile, Profile.user_id == User.id)
                   .where(User.user_type == UserType.CREATOR).order_by(User.username)).all()


def test_every_creator_is_in_another_tier_from_newbie_to_legend(db):
    assert sorted(profile.tier_level for _, profile in creators(db)) == [int(t) for t in Tier]


def test_completed_count_karma_and_tier_are_what_the_completed_collaborations_make(db):
    done = Counter(db.exec(select(Collaboration.creator_id)
                           .where(Collaboration.status == CollaborationStatus.COMPLETED)).all())
    for user, profile in creators(db):
        expected = standing(done[user.id])
        assert (profile.completed_collaborations, profile.karma_score, profile.tier_level) == (
            done[user.id], expected.karma, int(expected.tier)), user.username
        assert profile.tier_progress == expected.progress, user.username


def test_every_rating_count_and_average_is_the_ratings_received(db):
    received: dict = {}
    for collab in db.exec(select(Collaboration)).all():
        if collab.creator_rating is not None and collab.business_rating is not None:  # both rated: visible
            received.setdefault(collab.creator_id, []).append(collab.creator_rating)
            received.setdefault(collab.business_id, []).append(collab.business_rating)
    for profile in db.exec(select(Profile)).all():
        stars = received.get(profile.user_id, [])
        assert profile.rating_count == len(stars)
        assert profile.rating == (round(sum(stars) / len(stars), 2) if stars else None)
    assert sum(1 for _, p in creators(db) if p.rating_count) == 5  # every creator but the Newbie was rated


def test_every_karma_history_ends_at_the_creators_karma_and_tier(db):
    for user, profile in creators(db):
        mine = progress.my_progress(db, actor_for_user(db, user.id, "test"))
        assert (mine.karma, mine.completed, mine.tier_level) == (
            profile.karma_score, profile.completed_collaborations, profile.tier_level)
        assert mine.history.total == profile.completed_collaborations
        if profile.completed_collaborations:
            latest = mine.history.items[0]
            assert (latest.karma_total, latest.tier) == (profile.karma_score, Tier(profile.tier_level).label)


def test_every_stored_analysis_is_what_the_local_analyzer_says_again(db):
    submissions = db.exec(select(ContentSubmission)).all()
    assert submissions and all(s.analysis_status is AnalysisStatus.DONE for s in submissions)
    for submission in submissions:
        collab = db.get(Collaboration, submission.collaboration_id)
        offer = db.get(Offer, collab.offer_id)
        request = analysis._request(offer, [], submission.captions, submission.platform.value,
                                    submission.paid_partnership)
        again = analysis.done_values(LocalAnalyzer().analyze(request))
        assert submission.ai_analysis == again["ai_analysis"]
        assert (submission.ai_score, submission.passed_requirements) == (again["ai_score"], again["passed_requirements"])
        # The demo's creators disclose and tag as asked: "#ad found" and "disclosed" agree.
        assert submission.ai_analysis["disclosure_found"] is True
        assert submission.ai_analysis["compliance_percentage"] == 100


def test_every_collaboration_happens_in_order(db):
    for collab in db.exec(select(Collaboration)).all():
        application = db.get(Application, collab.application_id)
        first = db.exec(select(sa.func.min(ContentSubmission.submitted_at))
                        .where(ContentSubmission.collaboration_id == collab.id)).one()
        moments = [application.created_at, collab.created_at, collab.schedule_confirmed_at, collab.visited_at,
                   first, collab.approved_at, collab.completed_date]
        present = [as_utc(m) for m in moments if m is not None]
        assert present == sorted(present), collab.status
        assert all(m <= NOW for m in present)
        events = db.exec(select(CollaborationEvent).where(CollaborationEvent.collaboration_id == collab.id)
                         .order_by(CollaborationEvent.created_at)).all()
        assert [e.to_status for e in events][-1] is collab.status
        assert all(a.to_status == b.from_status for a, b in zip(events, events[1:]))


def test_a_visit_still_waiting_is_in_the_future_and_one_that_happened_is_in_the_past(db):
    for collab in db.exec(select(Collaboration).where(Collaboration.scheduled_date.is_not(None))).all():
        if collab.status is CollaborationStatus.SCHEDULED:
            assert as_utc(collab.scheduled_date) > NOW
        elif collab.visited_at is not None:
            assert as_utc(collab.scheduled_date) <= as_utc(collab.visited_at)


# ---- what the demo shows (the e2e tests and a first visit rely on it) ---------------------------


def test_applications_and_collaborations_in_every_state(db):
    assert set(db.exec(select(Application.status)).all()) == set(ApplicationStatus)
    assert set(db.exec(select(Collaboration.status)).all()) == set(CollaborationStatus)


def test_offers_in_every_state_many_open_and_one_invite_only(db):
    offers = db.exec(select(Offer)).all()
    assert {o.status for o in offers} == set(OfferStatus)
    assert sum(1 for o in offers if o.status is OfferStatus.ACTIVE and o.is_public) >= 20
    assert any(o.status is OfferStatus.ACTIVE and not o.is_public for o in offers)


def test_a_newbie_is_invited_to_an_invite_only_offer_and_each_side_keeps_a_saved_search(db):
    [invitation] = db.exec(select(Invitation)).all()
    offer = db.get(Offer, invitation.offer_id)
    creator = db.get(User, invitation.creator_id)
    assert creator.username == "lucia.eats" and not offer.is_public and offer.status is OfferStatus.ACTIVE
    assert invitation.business_id == offer.business_id
    assert db.exec(select(Application).where(Application.offer_id == offer.id,
                                             Application.creator_id == creator.id)).first() is None
    assert sorted(s.kind for s in db.exec(select(SavedSearch)).all()) == [SavedSearchKind.CREATORS,
                                                                          SavedSearchKind.OFFERS]


def test_one_creator_has_verified_figures_and_one_only_typed_hers(db):
    def profile_of(username):
        return db.exec(select(Profile).join(User, User.id == Profile.user_id).where(User.username == username)).one()

    verified, typed = profile_of(VERIFIED_CREATOR.username), profile_of(SELF_REPORTED_CREATOR.username)
    assert sorted(verified.verified_audience) == ["instagram", "tiktok"]
    assert typed.verified_audience == {} and typed.instagram_followers > 0


def test_every_creator_total_is_the_one_her_profile_shows(db):
    """Find creators filters and sorts by Profile.audience_followers: the demo leaves it at the total the
    profile page shows (verified figures where the demo connected accounts, typed ones elsewhere)."""
    for user, profile in creators(db):
        card = creator_card(user, profile)
        assert profile.audience_followers == card.total_followers, user.username
        assert profile.audience_verified == any(f.source != "Self-reported" for f in card.figures), user.username
    verified = next(p for u, p in creators(db) if u.username == VERIFIED_CREATOR.username)
    assert verified.audience_verified
    assert verified.audience_followers != verified.instagram_followers + verified.tiktok_followers
