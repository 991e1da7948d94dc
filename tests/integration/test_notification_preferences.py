"""Per-type notification preferences, and the mail that follows a notification a user wants by email.

Mail goes to a real SMTP server (aiosmtpd on 127.0.0.1) after the notification's transaction
commits; a rolled-back notification sends nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from influfinder import database
from influfinder.domain.enums import NotificationType, UserType
from influfinder.services import effects, notification_preferences as prefs, notifications
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.people import person
from tests.support.mail_app import mail_app
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('prefs') / 'prefs.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, smtp) -> Iterator[None]:
    with mail_app(settings_env, db_url, smtp, "prefs-test-secret"):
        yield


def call(fn, *args):
    with database.session_scope() as db:
        return fn(db, *args)


def choices(actor) -> dict[str, bool]:
    return {p.type: p.email for p in call(prefs.preferences, actor)}


def notify(user, kind: NotificationType, title: str = "Your application was accepted") -> None:
    with database.session_scope() as db:
        notifications.notify(db, user.id, kind, title, "Café Aurora wants you for the brunch.")


def test_accepted_applications_approved_content_invitations_and_reminders_come_by_email_by_default():
    creator = person()
    by_default = (NotificationType.APPLICATION_ACCEPTED, NotificationType.CONTENT_APPROVED,
                  NotificationType.INVITATION_RECEIVED, NotificationType.COLLABORATION_REMINDER)
    assert choices(creator) == {t.value: t in by_default for t in NotificationType}
    assert len(call(prefs.preferences, creator)) == 14


def test_a_user_changes_their_own_choices_and_nobody_else_s():
    ana, ben = person(), person()
    call(prefs.set_email, ana, "MESSAGE_RECEIVED", True)
    call(prefs.set_email, ana, NotificationType.APPLICATION_ACCEPTED, False)
    call(prefs.set_email, ana, "MESSAGE_RECEIVED", True)  # saving twice is one choice
    assert choices(ana)["MESSAGE_RECEIVED"] is True and choices(ana)["APPLICATION_ACCEPTED"] is False
    assert choices(ben)["MESSAGE_RECEIVED"] is False and choices(ben)["APPLICATION_ACCEPTED"] is True


@pytest.mark.parametrize("action", ["preferences", "set_email"])
def test_signed_out_visitors_can_neither_read_nor_change_preferences(action):
    with pytest.raises(NotAllowed):
        call(prefs.preferences, None) if action == "preferences" else call(prefs.set_email, None, "MESSAGE_RECEIVED", True)


@pytest.mark.parametrize("kind,email", [("NOT_A_TYPE", True), ({"$gt": ""}, True), (None, True),
                                        ("MESSAGE_RECEIVED", "yes"), ("MESSAGE_RECEIVED", None), ("MESSAGE_RECEIVED", 1)])
def test_a_malformed_choice_is_refused_and_changes_nothing(kind, email):
    ana = person()
    before = choices(ana)
    with pytest.raises(ServiceError):
        call(prefs.set_email, ana, kind, email)
    assert choices(ana) == before


def test_a_notification_wanted_by_email_is_mailed_after_the_commit(smtp):
    creator = person()
    notify(creator, NotificationType.APPLICATION_ACCEPTED)
    effects.drain()
    mail = smtp.inbox.wait_for(creator.email, "Your application was accepted")
    assert "Café Aurora wants you for the brunch." in mail.get_body(("plain",)).get_content()
    assert smtp.inbox.link(mail).startswith("http://localhost:3000/")


def test_in_app_only_types_and_turned_off_types_send_no_mail(smtp):
    creator = person()
    call(prefs.set_email, creator, "APPLICATION_ACCEPTED", False)
    notify(creator, NotificationType.APPLICATION_ACCEPTED, "Accepted, quietly")
    notify(creator, NotificationType.RATING_RECEIVED, "You were rated")
    call(prefs.set_email, creator, "TIER_UPGRADED", True)
    notify(creator, NotificationType.TIER_UPGRADED, "You reached Explorer")
    effects.drain()
    smtp.inbox.wait_for(creator.email, "You reached Explorer")
    assert [m["Subject"] for m in smtp.inbox.to(creator.email)] == ["You reached Explorer"]


def test_no_mail_for_a_rolled_back_notification_or_an_unconfirmed_address(smtp):
    unconfirmed, creator = person(verified=False), person(UserType.CREATOR)
    notify(unconfirmed, NotificationType.APPLICATION_ACCEPTED, "Not to an unproved address")
    with pytest.raises(RuntimeError), database.session_scope() as db:
        notifications.notify(db, creator.id, NotificationType.APPLICATION_ACCEPTED, "Rolled back", "")
        raise RuntimeError("the change failed after the notification was written")
    notify(creator, NotificationType.CONTENT_APPROVED, "Your content was approved")
    effects.drain()
    smtp.inbox.wait_for(creator.email, "Your content was approved")
    assert [m["Subject"] for m in smtp.inbox.messages] == ["Your content was approved"]
