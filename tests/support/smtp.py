"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives, for mail tests."""

from __future__ import annotations

import email
import re
import socket
import time
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, subject: str, timeout: float = 15.0) -> EmailMessage:
        """The newest mail to `address` with `subject`; mails leave after the commit, in a thread."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.to(address) if m["Subject"] == subject]
            if found:
                return found[-1]
            time.sleep(0.05)
        raise AssertionError(f"no mail {subject!r} to {address} within {timeout}s; got "
                             f"{[(m['To'], m['Subject']) for m in self.messages]}")

    @staticmethod
    def link(message: EmailMessage) -> str:
        text = message.get_body(("plain",)).get_content()
        return LINK.search(text).group(0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()

    @property
    def env(self) -> dict[str, str]:
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(self.port), "SMTP_STARTTLS": "false",
                "SMTP_FROM": "Influfinder <no-reply@influfinder.test>"}
