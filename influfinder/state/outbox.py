"""/dev/outbox: mails the console outbox kept. Development only, and only without SMTP."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.settings import get_settings


def outbox_enabled() -> bool:
    settings = get_settings()
    return settings.mail_backend == "console" and not settings.is_production


@dataclass
class OutboxMail:
    id: str
    recipient: str
    subject: str
    text: str
    link: str
    sent_at: str


class OutboxState(rx.State):
    enabled: bool = False
    mails: list[OutboxMail] = []

    @rx.event
    def load(self):
        from influfinder.integrations import mail

        self.enabled = outbox_enabled()
        if not self.enabled:
            self.mails = []
            return
        self.mails = [
            OutboxMail(id=m.id, recipient=m.to, subject=m.subject, text=m.text, link=m.link or "",
                       sent_at=m.sent_at.strftime("%H:%M:%S") if hasattr(m.sent_at, "strftime") else str(m.sent_at))
            for m in mail.outbox_messages()[:50]
        ]
