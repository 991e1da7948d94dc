"""The hourly reminders (services/reminders.py) on SQLite and PostgreSQL: a visit tomorrow, a visit
today and late content each reach both parties once, as a notification and as a mail received by a
real SMTP server (aiosmtpd on 127.0.0.1), in each reader's language; two rounds at once still send
one."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, NotificationType, UserType
from influfinder.i18n import use_language
from influfinder.models import CollaborationReminder, Collaboration, Notification, Offer, User
from influfinder.scheduler import hourly_round
from influfinder.services import effects, notifications, reminders
from tests.support.marketplace import race
from tests.support.people import person
from tests.support.mail_app import mail_app
from tests.support.smtp import SmtpServer

MADRID = ZoneInfo("Europe/Madrid")


def madrid(*parts: int) -> datetime:
    """A Madrid wall-clock time as the app stores moments: in UTC (SQLite keeps no zone)."""
    return datetime(*parts, tzinfo=MADRID).astimezone(timezone.utc)


VISIT = madrid(2026, 12, 11, 12, 0)  # Friday noon in Madrid
THURSDAY_TEN = madrid(2026, 12, 10, 10, 0)
FRIDAY_EIGHT = madrid(2026, 12, 11, 8, 0)
DEADLINE = madrid(2026, 12, 20, 23, 0)


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('reminders') / 'reminders.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, smtp) -> Iterator[None]:
    with mail_app(settings_env, db_url, smtp, "reminders-test-secret"):
        yield


class Pair:
    """A Spanish-speaking creator and an English-speaking business, collaborating on one offer."""

    def __init__(self, status: CollaborationStatus, *, confirmed: bool = True, city: str = "Madrid") -> None:
        self.creator = person(name="Lucía Reels")
        self.business = person(UserType.BUSINESS, name="Café Aurora")
        with database.session_scope() as db:
            db.get(User, self.creator.id).language = "es"
            db.get(User, self.business.id).language = "en"
            offer = Offer(business_id=self.business.id, title="Brunch para dos", description="Ven y grábalo.",
                          category="FOOD", city=city, content_deadline=DEADLINE)
            db.add(offer)
            db.flush()
            collab = Collaboration(offer_id=offer.id, creator_id=self.creator.id, business_id=self.business.id,
                                   status=status, proposed_date=VISIT, proposed_by="creator", scheduled_date=VISIT,
                                   schedule_confirmed_at=THURSDAY_TEN - timedelta(days=3) if confirmed else None)
            db.add(collab)
        self.collab: uuid.UUID = collab.id


def reminders_of(pair: Pair) -> list[str]:
    with database.session_scope() as db:
        return sorted(db.exec(select(CollaborationReminder.kind)
                              .where(CollaborationReminder.collaboration_id == pair.collab)).all())


def titles(actor, language: str) -> list[str]:
    with use_language(language), database.session_scope() as db:
        return [n.title for n in notifications.list_for_user(db, actor).items]


def subjects(smtp: SmtpServer, actor) -> list[str]:
    return sorted(m["Subject"] for m in smtp.inbox.to(actor.email))


def test_a_visit_tomorrow_reaches_both_once_by_notification_and_mail_in_their_language(smtp):
    pair = Pair(CollaborationStatus.SCHEDULED)
    assert reminders.send_due(THURSDAY_TEN) == 1
    assert reminders.send_due(THURSDAY_TEN + timedelta(hours=1)) == 0  # the next round: already sent

    assert titles(pair.creator, "es") == ["Visita mañana: Brunch para dos"]
    assert titles(pair.business, "en") == ["Visit tomorrow: Brunch para dos"]
    mail = smtp.inbox.wait_for(pair.creator.email, "Visita mañana: Brunch para dos")
    text = mail.get_body(("plain",)).get_content()
    assert "Café Aurora" in text and "vie 11 dic 2026, 12:00" in text and "Madrid" in text
    assert f"/collaborations/{pair.collab}" in smtp.inbox.link(mail)
    mail = smtp.inbox.wait_for(pair.business.email, "Visit tomorrow: Brunch para dos")
    assert "Lucía Reels visits you" in mail.get_body(("plain",)).get_content()
    effects.drain()
    assert subjects(smtp, pair.creator) == ["Visita mañana: Brunch para dos"]  # one mail each, no more
    assert subjects(smtp, pair.business) == ["Visit tomorrow: Brunch para dos"]
    assert reminders_of(pair) == [reminders.rule.DAY_BEFORE]


def test_the_visit_day_is_reminded_once_too_and_late_content_once(smtp):
    pair = Pair(CollaborationStatus.SCHEDULED)
    for _round in range(2):
        reminders.send_due(THURSDAY_TEN)
        reminders.send_due(FRIDAY_EIGHT)
    with database.session_scope() as db:
        db.get(Collaboration, pair.collab).status = CollaborationStatus.VISITED
    for _round in range(2):
        reminders.send_due(DEADLINE - timedelta(minutes=1))  # not late yet
        reminders.send_due(DEADLINE + timedelta(hours=1))
    assert reminders_of(pair) == sorted(reminders.rule.KINDS)
    assert titles(pair.business, "en") == ["Content late: Brunch para dos", "Visit today: Brunch para dos",
                                           "Visit tomorrow: Brunch para dos"]
    assert sorted(titles(pair.creator, "es")) == ["Contenido con retraso: Brunch para dos",
                                                  "Visita hoy: Brunch para dos", "Visita mañana: Brunch para dos"]
    smtp.inbox.wait_for(pair.creator.email, "Contenido con retraso: Brunch para dos")
    smtp.inbox.wait_for(pair.business.email, "Content late: Brunch para dos")
    effects.drain()
    assert len(smtp.inbox.to(pair.creator.email)) == 3 and len(smtp.inbox.to(pair.business.email)) == 3


@pytest.mark.parametrize("pair_args", [dict(confirmed=False), dict(confirmed=True, city="Atlantis")])
def test_an_unconfirmed_date_gets_no_reminder_and_an_unknown_city_goes_by_madrid(pair_args):
    pair = Pair(CollaborationStatus.SCHEDULED, **pair_args)
    reminders.send_due(THURSDAY_TEN)
    assert reminders_of(pair) == ([] if not pair_args["confirmed"] else [reminders.rule.DAY_BEFORE])


def test_the_hourly_round_sends_the_reminders_due():
    pair = Pair(CollaborationStatus.VISITED)
    with database.session_scope() as db:  # the round reads the clock: the content was due an hour ago
        db.get(Offer, db.get(Collaboration, pair.collab).offer_id).content_deadline = (
            datetime.now(timezone.utc) - timedelta(hours=1))
    hourly_round()
    assert reminders_of(pair) == [reminders.rule.CONTENT_LATE]


def test_two_rounds_at_the_same_moment_send_each_reminder_once(smtp):
    """Two processes' rounds: on PostgreSQL the second insert of a reminder waits for the first
    transaction, then inserts nothing, so its notifications and mails are never written."""
    pairs = [Pair(CollaborationStatus.SCHEDULED) for _ in range(3)]
    results = race(2, lambda i: reminders.send_due(THURSDAY_TEN))
    assert all(not isinstance(r, Exception) for r in results), results
    assert sum(results) == 3  # between them, one send per collaboration
    with database.session_scope() as db:
        for pair in pairs:
            rows = db.exec(select(Notification).where(Notification.related_collaboration_id == pair.collab,
                                                      Notification.type == NotificationType.COLLABORATION_REMINDER))
            assert sorted(n.user_id for n in rows.all()) == sorted([pair.creator.id, pair.business.id])
    effects.drain()
    for pair in pairs:
        assert subjects(smtp, pair.creator) == ["Visita mañana: Brunch para dos"]
        assert subjects(smtp, pair.business) == ["Visit tomorrow: Brunch para dos"]


def test_a_round_that_meets_a_reminder_being_sent_by_another_sends_nothing(smtp):
    pair = Pair(CollaborationStatus.SCHEDULED)
    [(collab_id, kind)] = [d for d in _due(THURSDAY_TEN) if d[0] == pair.collab]
    with database.session_scope() as first:  # the other process: claimed and notified, not committed yet
        assert reminders.send(first, collab_id, kind, THURSDAY_TEN)
        second = []
        worker = threading.Thread(target=lambda: second.append(_send_alone(collab_id, kind)))
        worker.start()  # its insert waits for this transaction
    worker.join()
    assert second == [False]
    effects.drain()
    assert subjects(smtp, pair.creator) == ["Visita mañana: Brunch para dos"]


def _due(now: datetime) -> list:
    with database.session_scope() as db:
        return reminders.due(db, now)


def _send_alone(collab_id: uuid.UUID, kind: str) -> bool:
    with database.session_scope() as db:
        return reminders.send(db, collab_id, kind, THURSDAY_TEN)


def test_a_reminder_read_as_due_is_not_sent_once_the_step_moved_on(smtp):
    pair = Pair(CollaborationStatus.SCHEDULED)
    [(collab_id, kind)] = [d for d in _due(THURSDAY_TEN) if d[0] == pair.collab]
    with database.session_scope() as db:  # the visit is marked between the round's read and its send
        db.get(Collaboration, pair.collab).status = CollaborationStatus.VISITED
    assert _send_alone(collab_id, kind) is False
    assert reminders_of(pair) == [] and titles(pair.creator, "en") == []
