"""What people type into applications: the creator's apply form, the business's fee and reason."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from influfinder.domain.enums import CompensationType
from influfinder.domain.offer_rules import MAX_MONEY
from influfinder.i18n import N_
from influfinder.models import Application, Offer
from influfinder.services.errors import ServiceError

MAX_LINKS = 5


class ApplyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    message: str = Field(min_length=20, max_length=2000)
    proposed_fee: Decimal | None = Field(default=None, ge=0, le=MAX_MONEY, decimal_places=2)
    links: list[HttpUrl] = Field(default_factory=list, max_length=MAX_LINKS)

    @field_validator("proposed_fee", mode="before")
    @classmethod
    def _blank_fee(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("not an amount")
        return None if isinstance(value, str) and not value.strip() else value


_APPLY_MESSAGES = {
    "message": "Write a message of 20 to 2,000 characters.",
    "proposed_fee": "Enter a fee from 0 to 1,000,000, with at most two decimals, or leave it empty.",
    "links": f"Give at most {MAX_LINKS} links, each starting with http:// or https://.",
}



def parse_apply(raw: object) -> ApplyInput:
    if not isinstance(raw, dict):
        raise ServiceError("The form could not be read. Reload the page and try again.")
    try:
        return ApplyInput.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "form"
        message = _APPLY_MESSAGES.get(name, "This field is not part of an application.")
        raise ServiceError(message, name if name in _APPLY_MESSAGES else None) from None


def agreed_fee(value: object, application: Application, offer: Offer) -> Decimal | None:
    """The business's figure; else the creator's proposal; else the top of a paid offer's budget."""
    if value is None or value == "":
        if application.proposed_fee is not None:
            return application.proposed_fee
        return offer.budget_max if offer.compensation_type is CompensationType.PAID else None
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise ServiceError(_FEE_MESSAGE, "agreed_fee")
    try:
        fee = Decimal(str(value).strip())
    except InvalidOperation:
        raise ServiceError(_FEE_MESSAGE, "agreed_fee") from None
    if not fee.is_finite() or not 0 <= fee <= MAX_MONEY or fee != fee.quantize(Decimal("0.01")):
        raise ServiceError(_FEE_MESSAGE, "agreed_fee")
    return fee


_FEE_MESSAGE = N_("Enter a fee from 0 to 1,000,000, with at most two decimals.")


def rejection_reason(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError("The reason must be text.", "reason")
    text = value.strip()
    if len(text) > 500:
        raise ServiceError("Keep the reason under 500 characters.", "reason")
    return text
