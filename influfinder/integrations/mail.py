"""Outgoing mail: SMTP when SMTP_HOST is set, else a console outbox for development.

Callers send after their transaction commits (DESIGN rule 6) and get a bool back. A mail that
cannot be delivered is logged, never raised: the change it announces must stay committed.
SMTP is blocking, so async callers use `deliver`, which runs it in a thread (DESIGN rule 7).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import smtplib
import ssl
import threading
import time
import uuid
from collections import deque
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

# The templates are re-exported so that callers need one import: `from ... import mail`.
from influfinder.integrations.mail_templates import (  # noqa: F401
    MailMessage,
    action_url,
    notification_mail,
    password_changed_mail,
    password_reset_mail,
    verification_mail,
)
from influfinder.settings import Settings, get_settings

logger = logging.getLogger("influfinder.mail")

SMTP_TIMEOUT_SECONDS = 10.0
# Waits before the 2nd and 3rd attempts: long enough for a greylisting or restarting relay,
# short enough that a thread is not held for long.
RETRY_DELAYS_SECONDS = (0.5, 2.0)
OUTBOX_LIMIT = 100


@dataclass(frozen=True)
class OutboxEntry:
    id: str
    to: str
    subject: str
    text: str
    html: str
    link: str | None
    sent_at: datetime


async def deliver(message: MailMessage) -> bool:
    """Send without blocking the event loop. True when delivered (or kept in the outbox)."""
    return await asyncio.to_thread(deliver_sync, message)


def deliver_sync(message: MailMessage) -> bool:
    if not can_receive(message.to):
        logger.info("Mail %r not sent: addresses under %s never receive mail", message.subject, _domain(message.to))
        return False
    settings = get_settings()
    try:
        if settings.mail_backend == "smtp":
            return _deliver_smtp(settings, message)
        _keep_in_outbox(settings, message)
        return True
    except Exception:  # a broken mail must never undo the caller's committed change
        logger.exception("Mail to %s (%r) could not be sent", _domain(message.to), message.subject)
        return False


def can_receive(address: str) -> bool:
    """False for addresses under .invalid (RFC 2606), which no mail can reach: the placeholder of an
    account made without an email, and a deleted account's address. Every mail path checks here."""
    return not (_domain(address) or "").lower().rstrip(".").endswith(".invalid")


def build_email(sender: str, message: MailMessage) -> EmailMessage:
    """A multipart/alternative mail: plain text first, HTML as the preferred part."""
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = formatdate(usegmt=True)
    email["Message-ID"] = make_msgid(domain=_domain(parseaddr(sender)[1], default=None))
    email.set_content(message.text)
    email.add_alternative(message.html, subtype="html")
    return email


# --- SMTP -------------------------------------------------------------------------------------


def _deliver_smtp(settings: Settings, message: MailMessage) -> bool:
    email = build_email(settings.smtp_from, message)
    attempts = len(RETRY_DELAYS_SECONDS) + 1
    for attempt in range(1, attempts + 1):
        try:
            _smtp_send(settings, email)
            return True
        except OSError as exc:  # smtplib's errors are OSErrors too
            transient = _is_transient(exc)
            logger.warning(
                "SMTP attempt %d/%d for mail to %s (%r) failed (%s): %s",
                attempt, attempts, _domain(message.to), message.subject,
                "will retry" if transient and attempt < attempts else "giving up", _describe(exc),
            )
            if not transient or attempt == attempts:
                break
            time.sleep(RETRY_DELAYS_SECONDS[attempt - 1])
    logger.error("Mail to %s (%r) was not delivered", _domain(message.to), message.subject)
    return False


def _smtp_send(settings: Settings, email: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password or "")
        smtp.send_message(email)


def _is_transient(exc: OSError) -> bool:
    """4xx replies and lost connections may succeed later; 5xx replies and TLS failures will not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code < 0 or 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    return not isinstance(exc, (smtplib.SMTPException, ssl.SSLError))


def _describe(exc: OSError) -> str:
    # Reply codes rather than str(exc), which would repeat the full recipient address.
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "recipient refused with " + ", ".join(str(code) for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        return f"{exc.smtp_code} {error.decode(errors='replace') if isinstance(error, bytes) else error}"
    return f"{type(exc).__name__}: {exc}"


def _domain(address: str, default: str | None = "unknown domain") -> str | None:
    """Logs name the recipient's domain, not the person."""
    return address.rpartition("@")[2].strip(" >") or default


# --- console outbox -----------------------------------------------------------------------------

_outbox_lock = threading.Lock()
_outbox: deque[OutboxEntry] = deque(maxlen=OUTBOX_LIMIT)


def outbox_dir(settings: Settings | None = None) -> Path:
    """Beside the upload folder, not inside it: Reflex serves uploads publicly at /_upload,
    and these mails carry password-reset links."""
    settings = settings or get_settings()
    return settings.upload_dir.parent / ".outbox"


def outbox_messages() -> list[OutboxEntry]:
    """The console outbox, newest first: this process's mails and those other workers saved."""
    with _outbox_lock:
        entries = {entry.id: entry for entry in _outbox}
    for entry in _read_folder(outbox_dir()):
        entries.setdefault(entry.id, entry)
    return sorted(entries.values(), key=lambda e: e.sent_at, reverse=True)[:OUTBOX_LIMIT]


def clear_outbox() -> None:
    with _outbox_lock:
        _outbox.clear()
        for path in outbox_dir().glob("*.json"):
            path.unlink(missing_ok=True)


def _keep_in_outbox(settings: Settings, message: MailMessage) -> None:
    entry = OutboxEntry(id=uuid.uuid4().hex, sent_at=datetime.now(timezone.utc), **asdict(message))
    logger.info("Console mail to %s: %s\nLink: %s\n%s", entry.to, entry.subject, entry.link, entry.text)
    with _outbox_lock:
        _outbox.append(entry)
        try:
            _write_entry(outbox_dir(settings), entry)
        except OSError:  # the in-memory copy is still listed by this process
            logger.warning("Could not save the console mail in %s", outbox_dir(settings), exc_info=True)


def _write_entry(folder: Path, entry: OutboxEntry) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")  # the folder ignores itself: development mail never gets committed
    # The time-stamped name sorts oldest first; write then rename so readers never see half a file.
    name = f"{entry.sent_at:%Y%m%dT%H%M%S%f}-{entry.id}.json"
    temporary = folder / f".{name}.tmp"
    temporary.write_text(json.dumps({**asdict(entry), "sent_at": entry.sent_at.isoformat()}))
    os.replace(temporary, folder / name)
    for old in sorted(folder.glob("*.json"))[:-OUTBOX_LIMIT]:
        old.unlink(missing_ok=True)


def _read_folder(folder: Path) -> list[OutboxEntry]:
    entries = []
    for path in sorted(folder.glob("*.json"), reverse=True)[:OUTBOX_LIMIT]:
        try:
            data = json.loads(path.read_text())
            entries.append(OutboxEntry(**{**data, "sent_at": datetime.fromisoformat(data["sent_at"])}))
        except (OSError, ValueError, TypeError, KeyError):
            continue  # pruned by another worker meanwhile, or not one of ours
    return entries
