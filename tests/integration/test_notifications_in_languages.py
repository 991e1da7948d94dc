"""Notifications and their mails read in the language of whoever reads them (stored as a type plus
parameters), and a notification stored before that keeps its English words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from influfinder import database
from influfinder.domain.enums import NotificationType
from influfinder.i18n import use_language
from influfinder.models import User
from influfinder.services import effects, notifications
from influfinder.services.notification_text import params_for
from tests.support.people import person
from tests.support.mail_app import mail_app
from tests.support.smtp import SmtpServer


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('languages') / 'languages.db'}"
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, smtp) -> Iterator[None]:
    with mail_app(settings_env, db_url, smtp, "languages-test-secret"):
        yield


def _speaks(actor, language: str | None) -> None:
    with database.session_scope() as db:
        db.get(User, actor.id).language = language


def _notify(actor, kind: NotificationType, params: dict | None = None, title: str = "", content: str = "") -> None:
    with database.session_scope() as db:
        notifications.notify(db, actor.id, kind, title, content, params=params)


def _titles(actor, language: str) -> list[tuple[str, str]]:
    with use_language(language), database.session_scope() as db:
        return [(n.title, n.content) for n in notifications.list_for_user(db, actor).items]


def test_one_notification_reads_in_the_language_of_whoever_opens_it():
    creator = person()
    _notify(creator, NotificationType.APPLICATION_ACCEPTED, params_for("application_accepted", title="Brunch para dos"))
    assert _titles(creator, "es") == [("Aceptada: Brunch para dos", "Tu solicitud a «Brunch para dos» fue aceptada. "
                                       "Ahora planifica tu visita y tu contenido.")]
    assert _titles(creator, "en")[0][0] == "Accepted: Brunch para dos"


def test_a_visit_time_is_written_for_the_reader_in_the_venue_zone_and_the_zone_is_named():
    business = person()
    moment = datetime(2026, 12, 9, 13, 30, tzinfo=timezone.utc)
    _notify(business, NotificationType.COLLABORATION_SCHEDULED, params_for(
        "visit_proposed", title="Cena del chef", name="Lucía", visit_at=moment, zone="Europe/Madrid"))
    (_title, content), = _titles(business, "es")
    assert "mié 9 dic 2026, 14:30" in content and "Madrid" in content and content.startswith("Lucía propuso")
    (_title, content), = _titles(business, "en")
    assert "Wed 9 Dec 2026, 14:30" in content


def test_a_notification_stored_before_the_parameters_keeps_its_words():
    creator = person()
    _notify(creator, NotificationType.APPLICATION_ACCEPTED, title="Accepted: Old offer", content="Old words.")
    assert _titles(creator, "es") == [("Accepted: Old offer", "Old words.")]


@pytest.mark.parametrize(("language", "subject", "button"), [
    ("es", "Aceptada: Brunch para dos", "Abrir Influfinder"), (None, "Aceptada: Brunch para dos", "Abrir Influfinder"),
    ("en", "Accepted: Brunch para dos", "Open Influfinder")])
def test_the_mail_of_a_notification_is_in_the_recipients_language(smtp, language, subject, button):
    creator = person()
    _speaks(creator, language)
    with use_language("en" if language != "en" else "es"):  # whoever caused it reads another language
        _notify(creator, NotificationType.APPLICATION_ACCEPTED, params_for("application_accepted", title="Brunch para dos"))
    effects.drain()
    mail = smtp.inbox.wait_for(creator.email, subject)
    assert button in mail.get_body(("plain",)).get_content()
    # A plain page path: the redirect in front of the pages opens it in the reader's browser language.
    assert smtp.inbox.link(mail) == "http://localhost:3000/notifications"
