"""Mail through a real SMTP server (aiosmtpd) on 127.0.0.1."""

import asyncio
import email
import logging
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

from influfinder.integrations.mail import deliver, deliver_sync
from influfinder.integrations.mail_templates import password_reset_mail, verification_mail
from influfinder.settings import reset_settings_cache

SENDER = "Influfinder Test <hello@influfinder.example>"
LINK = "https://influfinder.example/verify-email?token=abc"


class Inbox:
    """Stores what the server accepted; can refuse the first mails with a given reply."""

    def __init__(self, refusals: list[str] | None = None):
        self.refusals = list(refusals or [])
        self.attempts = 0
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.refusals:
            return self.refusals.pop(0)
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def parsed(self, index: int = 0) -> email.message.EmailMessage:
        return email.message_from_bytes(self.envelopes[index].content, policy=policy.default)


def _free_port() -> int:
    """A port nobody listens on once this returns."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _configure_smtp(monkeypatch, port: int) -> None:
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    monkeypatch.setenv("SMTP_STARTTLS", "false")
    monkeypatch.setenv("SMTP_FROM", SENDER)
    monkeypatch.delenv("SMTP_USERNAME", raising=False)
    monkeypatch.delenv("SMTP_PASSWORD", raising=False)
    reset_settings_cache()


@pytest.fixture
def smtp_server(monkeypatch, request):
    inbox = Inbox(getattr(request, "param", None))
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    _configure_smtp(monkeypatch, controller.port)
    yield inbox
    controller.stop()
    reset_settings_cache()


def test_mail_arrives_with_recipient_subject_sender_and_both_bodies(smtp_server):
    message = verification_mail("ana@example.com", "Ana", LINK)
    assert deliver_sync(message) is True

    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["ana@example.com"]
    received = smtp_server.parsed()
    assert received["Subject"] == "Confirm your email"
    assert received["From"] == SENDER
    assert received["To"] == "ana@example.com"
    assert received.get_content_type() == "multipart/alternative"
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert LINK in text and "Hi Ana," in text
    assert f'href="{LINK}"' in html


def test_async_deliver_sends_from_a_running_event_loop(smtp_server):
    message = password_reset_mail("bo@example.com", "Bo", LINK)
    assert asyncio.run(deliver(message)) is True
    assert smtp_server.parsed()["Subject"] == "Reset your password"


@pytest.mark.parametrize("smtp_server", [["451 4.3.0 Try again later"]], indirect=True)
def test_a_temporary_refusal_is_retried_and_the_mail_arrives_once(smtp_server, caplog):
    with caplog.at_level(logging.WARNING, logger="influfinder.mail"):
        assert deliver_sync(verification_mail("ana@example.com", "Ana", LINK)) is True
    assert smtp_server.attempts == 2
    assert len(smtp_server.envelopes) == 1
    assert "attempt 1/3" in caplog.text and "451" in caplog.text and "example.com" in caplog.text


@pytest.mark.parametrize("smtp_server", [["554 5.7.1 Rejected"]], indirect=True)
def test_a_permanent_refusal_is_not_retried(smtp_server, caplog):
    with caplog.at_level(logging.WARNING, logger="influfinder.mail"):
        assert deliver_sync(verification_mail("ana@example.com", "Ana", LINK)) is False
    assert smtp_server.attempts == 1
    assert smtp_server.envelopes == []
    assert any(record.levelno == logging.ERROR for record in caplog.records)


def test_an_unreachable_server_gives_false_after_three_logged_attempts(monkeypatch, caplog):
    _configure_smtp(monkeypatch, _free_port())
    try:
        with caplog.at_level(logging.WARNING, logger="influfinder.mail"):
            assert deliver_sync(verification_mail("ana@example.com", "Ana", LINK)) is False
    finally:
        reset_settings_cache()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [f"attempt {n}/3" in r.getMessage() for n, r in enumerate(warnings, start=1)] == [True] * 3
    assert "Confirm your email" in caplog.text and "example.com" in caplog.text
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "not delivered" in error.getMessage()
