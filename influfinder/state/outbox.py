"""/dev/outbox: mails the console outbox kept. Development only, only without SMTP, and only to a
browser on this machine: the mails hold sign-in and reset links."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import reflex as rx

from influfinder.settings import get_settings


def outbox_enabled() -> bool:
    settings = get_settings()
    return settings.mail_backend == "console" and not settings.is_production


def from_this_machine(state: rx.State) -> bool:
    """A loopback client that no proxy forwarded (behind a proxy on this machine every visitor
    would seem local; TRUSTED_PROXY_HOPS makes the client's own address count instead)."""
    headers = {k.lower() for k in state.router.headers.raw_headers}
    if headers & {"x-forwarded-for", "forwarded", "x-real-ip"} and not get_settings().trusted_proxy_hops:
        return False
    try:
        return ipaddress.ip_address(state.router.session.client_ip or "").is_loopback
    except ValueError:
        return False


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

        self.enabled = outbox_enabled() and from_this_machine(self)
        if not self.enabled:
            self.mails = []
            return
        self.mails = [
            OutboxMail(id=m.id, recipient=m.to, subject=m.subject, text=m.text, link=m.link or "",
                       sent_at=m.sent_at.strftime("%H:%M:%S") if hasattr(m.sent_at, "strftime") else str(m.sent_at))
            for m in mail.outbox_messages()[:50]
        ]
