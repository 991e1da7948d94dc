"""The unverified-email banner's one action: send the link again (3 an hour)."""

import reflex as rx

from influfinder.services import accounts
from influfinder.services.errors import ServiceError
from influfinder.i18n import _, translated
from influfinder.state.forms import UNEXPECTED
from influfinder.state.service_handler import call_service, service_handler


class VerifyBannerState(rx.State):
    sent: str = ""

    @rx.event
    @service_handler("sending the verification link again")
    async def resend(self):
        await call_service(self, accounts.resend_verification)
        self.sent = _("Sent. Check your inbox.")

    def _refused(self, error: ServiceError) -> None:
        self.sent = error.message

    def _unexpected(self) -> None:
        self.sent = translated(UNEXPECTED)
