"""Mail templates and the development console outbox."""

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from influfinder.integrations import mail
from influfinder.integrations.mail import MailMessage, deliver_sync, outbox_messages
from influfinder.integrations.mail_templates import (
    action_url,
    notification_mail,
    password_changed_mail,
    password_reset_mail,
    verification_mail,
)
from influfinder.settings import reset_settings_cache

LINK = "https://influfinder.example/verify?token=abc123"


@pytest.fixture
def console_mail(tmp_path, monkeypatch):
    """No SMTP configured: mail goes to the console outbox, kept under a temporary folder."""
    monkeypatch.delenv("SMTP_HOST", raising=False)
    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.setenv("PUBLIC_URL", "https://influfinder.example")
    reset_settings_cache()
    mail.clear_outbox()
    yield tmp_path / ".outbox"
    mail.clear_outbox()
    reset_settings_cache()


def _message(subject: str) -> MailMessage:
    return MailMessage(to="ana@example.com", subject=subject, text=f"{subject} text", html=f"<p>{subject}</p>")


# --- templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "subject"),
    [
        (verification_mail, "Confirm your email"),
        (password_reset_mail, "Reset your password"),
        (password_changed_mail, "Your password was changed"),
    ],
)
def test_account_mails_carry_subject_link_and_recipient(build, subject):
    message = build("ana@example.com", "Ana", LINK)
    assert message.subject == subject
    assert message.to == "ana@example.com"
    assert LINK in message.text
    assert 'href="https://influfinder.example/verify?token=abc123"' in message.html
    assert "Hi Ana," in message.text and "Hi Ana," in message.html
    assert "#6E56CF" in message.html


def test_verification_and_reset_mails_say_how_long_the_link_lasts():
    assert "24 hours" in verification_mail("a@example.com", "A", LINK).text
    reset = password_reset_mail("a@example.com", "A", LINK)
    assert "30 minutes" in reset.text and "30 minutes" in reset.html
    assert "If you did not ask, ignore this" in reset.text


def test_password_changed_mail_tells_how_to_react():
    message = password_changed_mail("a@example.com", "A", LINK)
    assert "If it was not you, reset your password" in message.text
    assert "Reset password" in message.html


def test_user_text_is_escaped_in_html_but_kept_in_text():
    message = notification_mail(
        "a@example.com",
        title="<script>alert(1)</script> new offer",
        text='Bring "friends" & <b>cameras</b>',
        link="https://influfinder.example/offers/7?a=1&b=2",
    )
    assert "<script>" not in message.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; new offer" in message.html
    assert "Bring &quot;friends&quot; &amp; &lt;b&gt;cameras&lt;/b&gt;" in message.html
    assert 'href="https://influfinder.example/offers/7?a=1&amp;b=2"' in message.html
    assert 'Bring "friends" & <b>cameras</b>' in message.text
    assert "https://influfinder.example/offers/7?a=1&b=2" in message.text


def test_names_are_escaped_in_html():
    message = verification_mail("a@example.com", '<img src=x onerror="steal()">', LINK)
    assert "<img" not in message.html
    assert "Hi &lt;img src=x onerror=&quot;steal()&quot;&gt;," in message.html


def test_notification_subject_is_one_line():
    message = notification_mail("a@example.com", "Your offer\r\nBcc: victim@example.com", "t", LINK)
    assert message.subject == "Your offer Bcc: victim@example.com"


def test_links_must_be_absolute_web_links():
    with pytest.raises(ValueError):
        notification_mail("a@example.com", "t", "t", "javascript:alert(1)")


def test_action_url_joins_public_url_path_and_encoded_query(monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", "https://influfinder.example/")
    reset_settings_cache()
    try:
        expected = "https://influfinder.example/verify-email?token=a+b%26c%3Dd"
        assert action_url("/verify-email", token="a b&c=d") == expected
        assert action_url("offers") == "https://influfinder.example/offers"
    finally:
        reset_settings_cache()


# --- console outbox -----------------------------------------------------------------------------


def test_console_mail_is_listed_and_logged_with_its_link(console_mail, caplog):
    message = verification_mail("ana@example.com", "Ana", action_url("/verify-email", token="t0k"))
    with caplog.at_level(logging.INFO, logger="influfinder.mail"):
        assert deliver_sync(message) is True
    [entry] = outbox_messages()
    assert (entry.to, entry.subject) == (message.to, message.subject)
    assert (entry.text, entry.html) == (message.text, message.html)
    assert entry.link == "https://influfinder.example/verify-email?token=t0k"
    assert "https://influfinder.example/verify-email?token=t0k" in caplog.text


def test_outbox_lists_newest_first(console_mail):
    for subject in ("first", "second", "third"):
        deliver_sync(_message(subject))
    assert [entry.subject for entry in outbox_messages()] == ["third", "second", "first"]


def test_outbox_keeps_only_the_last_hundred(console_mail):
    for number in range(105):
        deliver_sync(_message(f"mail {number}"))
    subjects = [entry.subject for entry in outbox_messages()]
    assert len(subjects) == 100
    assert subjects[0] == "mail 104" and subjects[-1] == "mail 5"
    assert len(list(console_mail.glob("*.json"))) == 100


def test_outbox_folder_is_outside_the_public_upload_folder_and_git_ignored(console_mail, tmp_path):
    deliver_sync(_message("hello"))
    assert console_mail.is_dir()
    assert not (tmp_path / "uploads").exists()
    assert (console_mail / ".gitignore").read_text().strip() == "*"


def test_outbox_shows_mails_sent_by_another_worker_process(console_mail):
    # Reflex may run several backend workers: a mail sent in one must show on a page served by another.
    script = textwrap.dedent(
        """
        from influfinder.integrations.mail import MailMessage, deliver_sync
        assert deliver_sync(MailMessage(to="bo@example.com", subject="from another worker", text="t", html="<p>t</p>"))
        """
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)
    deliver_sync(_message("from this worker"))
    assert [entry.subject for entry in outbox_messages()] == ["from this worker", "from another worker"]
