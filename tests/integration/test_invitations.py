"""Invitations: a business invites a creator to its offer; the creator is notified, accepts (which
applies, past what the invitation waives) or declines; invite-only offers are for the invited; the
daily limit; muting. On SQLite and PostgreSQL, through the services the pages call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from influfinder.domain import invitations as rules
from influfinder.domain.enums import ApplicationStatus, InvitationStatus, NotificationType, UserType
from influfinder.models import Application, Invitation, Notification
from influfinder.services import applications, guards, invitations
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.invite_only import listed_condition
from influfinder.services.offers import get_public_offer_detail
from tests.support.marketplace import DATABASES, call, make_user, migrated_database, published, scope

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=DATABASES)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    with migrated_database(request, tmp_path_factory, "invitations") as (_url, built):
        yield built


def test_an_invitation_notifies_the_creator_who_accepts_it_into_an_application(engine):
    brand, creator = make_user(engine, UserType.BUSINESS, company=True), make_user(engine)
    offer_id = published(engine, brand)
    invitation_id = call(engine, invitations.invite, brand, offer_id, creator.username, "Loved your brunch reels!")
    with scope(engine) as db:
        note = db.exec(select(Notification).where(Notification.user_id == creator.id)).one()
    assert note.type is NotificationType.INVITATION_RECEIVED and "Loved your brunch reels!" in note.content
    [row] = call(engine, invitations.my_invitations, creator)
    assert (row.id, row.status, row.note) == (str(invitation_id), "PENDING", "Loved your brunch reels!")
    application_id = call(engine, invitations.accept, creator, invitation_id, "")
    with scope(engine) as db:
        application = db.get(Application, application_id)
        invitation = db.get(Invitation, invitation_id)
    assert application.status is ApplicationStatus.APPLIED and application.creator_id == creator.id
    assert invitation.status is InvitationStatus.ACCEPTED and invitation.application_id == application_id
    assert call(engine, invitations.my_invitations, creator) == []  # no longer pending
    with pytest.raises(ServiceError, match="accepted"):
        call(engine, invitations.decline, creator, invitation_id)


def test_declining_changes_nothing_else_and_only_the_invited_creator_may_answer(engine):
    brand, creator, other = make_user(engine, UserType.BUSINESS), make_user(engine), make_user(engine)
    invitation_id = call(engine, invitations.invite, brand, published(engine, brand), creator.username)
    for stranger in (other, brand, None):
        with pytest.raises(NotAllowed):
            call(engine, invitations.decline, stranger, invitation_id)
    call(engine, invitations.decline, creator, invitation_id)
    with scope(engine) as db:
        assert db.get(Invitation, invitation_id).status is InvitationStatus.DECLINED
        assert db.exec(select(Application).where(Application.creator_id == creator.id)).all() == []


def test_invite_only_offers_are_seen_and_applied_to_by_invited_creators_only(engine):
    brand, invited, outsider = make_user(engine, UserType.BUSINESS), make_user(engine), make_user(engine)
    offer_id = published(engine, brand, is_public=False, min_tier=4)
    form = {"message": "I would love to film this for my audience."}

    def visible(actor) -> bool:
        with scope(engine) as db:
            return get_public_offer_detail(db, offer_id, listed=listed_condition(actor)) is not None

    assert not visible(outsider) and not visible(None) and visible(brand)
    with pytest.raises(NotAllowed):  # the link alone is no longer enough
        call(engine, applications.apply, outsider, offer_id, form)
    invitation_id = call(engine, invitations.invite, brand, offer_id, invited.username)
    assert visible(invited) and not visible(outsider)
    # The tier gate (Master) is waived for an invited Newbie on an invite-only offer.
    application_id = call(engine, invitations.accept, invited, invitation_id, "Count me in, see you there!")
    assert application_id is not None


def test_accepting_keeps_the_audience_requirements_unless_the_business_waived_them(engine):
    brand, small, waived = make_user(engine, UserType.BUSINESS), make_user(engine, followers=50), make_user(engine, followers=50)
    offer_id = published(engine, brand, requirements={"regular": {"min_followers": 5000}})
    strict = call(engine, invitations.invite, brand, offer_id, small.username)
    lenient = call(engine, invitations.invite, brand, offer_id, waived.username, "", True)
    with pytest.raises(ServiceError, match="followers"):
        call(engine, invitations.accept, small, strict, "")
    with scope(engine) as db:
        assert db.get(Invitation, strict).status is InvitationStatus.PENDING  # the refusal changed nothing
    assert call(engine, invitations.accept, waived, lenient, "") is not None


def test_who_may_invite_whom_and_inviting_twice(engine):
    brand, other_brand, creator = make_user(engine, UserType.BUSINESS), make_user(engine, UserType.AGENCY), make_user(engine)
    offer_id = published(engine, brand)
    with pytest.raises(NotAllowed):
        call(engine, invitations.invite, other_brand, offer_id, creator.username)  # not its offer
    with pytest.raises(NotAllowed):
        call(engine, invitations.invite, creator, offer_id, creator.username)  # creators do not invite
    with pytest.raises(NotAllowed):
        call(engine, invitations.invite, brand, offer_id, other_brand.username)  # not a creator
    with pytest.raises(ServiceError, match="at most"):
        call(engine, invitations.invite, brand, offer_id, creator.username, "x" * 1001)
    call(engine, invitations.invite, brand, offer_id, creator.username)
    with pytest.raises(ServiceError, match="already invited"):
        call(engine, invitations.invite, brand, offer_id, creator.username)


def test_a_muted_business_cannot_invite_and_unmuting_lets_it_again(engine):
    brand, creator = make_user(engine, UserType.BUSINESS), make_user(engine)
    call(engine, invitations.set_muted, creator, str(brand.id), True)
    [muted] = call(engine, invitations.muted_list, creator)
    assert (muted.business_id, muted.username) == (str(brand.id), brand.username)
    with pytest.raises(NotAllowed):
        call(engine, invitations.muted_list, brand)  # a creator's own list
    with pytest.raises(ServiceError, match="not taking invitations"):
        call(engine, invitations.invite, brand, published(engine, brand), creator.username)
    call(engine, invitations.set_muted, creator, str(brand.id), False)
    assert call(engine, invitations.muted_list, creator) == []
    call(engine, invitations.invite, brand, published(engine, brand), creator.username)


def test_a_business_sends_at_most_the_daily_limit_of_invitations(engine):
    brand = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, brand)
    creators = [make_user(engine) for _ in range(rules.DAILY_INVITATION_LIMIT + 1)]
    with scope(engine) as db:  # yesterday's invitations do not count
        old = [Invitation(offer_id=offer_id, creator_id=c.id, business_id=brand.id,
                          created_at=guards.now() - timedelta(hours=25)) for c in creators[:3]]
        db.add_all(old)
    for creator in creators[:rules.DAILY_INVITATION_LIMIT]:
        call(engine, invitations.invite, brand, published(engine, brand), creator.username)
    with pytest.raises(ServiceError, match="last 24 hours"):
        call(engine, invitations.invite, brand, offer_id, creators[-1].username)
    with scope(engine) as db:
        assert db.exec(select(sa.func.count()).select_from(Invitation)
                       .where(Invitation.business_id == brand.id)).one() == rules.DAILY_INVITATION_LIMIT + 3
