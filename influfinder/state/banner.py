"""The unverified-email banner's one action: send the link again (3 an hour)."""

import reflex as rx

from influfinder.services import accounts
from influfinder.services.errors import ServiceError
from influfinder.state.auth import current_actor, to_login
from influfinder.state.forms import run_service


class VerifyBannerState(rx.State):
    sent: str = ""

    @rx.event
    async def resend(self):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        try:
            await run_service(accounts.resend_verification, actor)
            self.sent = "Sent. Check your inbox."
        except ServiceError as error:
            self.sent = error.message
