"""The filters of the Browse page: validated, read from a shared link and written back into one."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from influfinder.domain.enums import CompensationType, Currency, OfferCategory, Platform
from influfinder.i18n import N_, _
from influfinder.services.errors import ServiceError
from influfinder.services.pagination import MAX_PAGE

MAX_QUERY_LENGTH = 100
Sort = Literal["newest", "closing", "budget_high", "budget_low"]
SORTS: tuple[str, ...] = ("newest", "closing", "budget_high", "budget_low")
BUDGET_ORDER = N_("The minimum budget cannot be more than the maximum.")
BUDGET_CURRENCY = N_("Choose a currency for the budget range.")


class InvalidSearch(ServiceError):
    """A search the user cannot run as asked; `field` names the filter at fault."""


class OfferSearch(BaseModel):
    """Every filter of the Browse page, validated. An empty value means "any"."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    q: str = Field(default="", max_length=MAX_QUERY_LENGTH)
    category: OfferCategory | None = None
    platform: Platform | None = None
    city: str = Field(default="", max_length=80)
    budget_min: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    budget_max: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    currency: Currency | None = None
    compensation_type: CompensationType | None = None
    deadline_within_days: int | None = Field(default=None, ge=1, le=365)
    qualified_only: bool = False
    sort: Sort = "newest"
    page: int = Field(default=1, ge=1, le=MAX_PAGE)

    @field_validator("category", "platform", "currency", "compensation_type", "sort", mode="before")
    @classmethod
    def _any_case(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            value = value.strip()
            return value.lower() if info.field_name == "sort" else value.upper()
        return value

    @field_validator("budget_min", "budget_max", "deadline_within_days", "page", mode="before")
    @classmethod
    def _no_bools(cls, value: Any) -> Any:
        # bool is an int in Python: `True` must not pass for page 1.
        if isinstance(value, bool):
            raise ValueError("not a number")
        return value

    @model_validator(mode="after")
    def _budget_range(self) -> OfferSearch:
        if self.budget_min is not None and self.budget_max is not None and self.budget_min > self.budget_max:
            raise ValueError(BUDGET_ORDER)
        if (self.budget_min is not None or self.budget_max is not None) and self.currency is None:
            raise ValueError(BUDGET_CURRENCY)  # amounts in different currencies do not compare
        return self

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> OfferSearch:
        """Validate filters from a form or an event; refuses unknown filters and values with InvalidSearch."""
        if not isinstance(data, Mapping):
            raise InvalidSearch("The search could not be read.")
        try:
            return cls.model_validate(dict(data))
        except ValidationError as error:
            raise _readable(error) from None

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any]) -> OfferSearch:
        """The search a shared URL describes. Other parameters (utm_source, ...) are ignored; blanks mean "any"."""
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            raw = params.get(name)
            if isinstance(raw, (list, tuple)):
                if len(raw) != 1:
                    raise InvalidSearch(_("Give “{name}” once in the link.").format(name=name), field=name)
                raw = raw[0]
            if raw is not None and str(raw).strip() != "":
                values[name] = str(raw)
        return cls.parse(values)

    def to_query_params(self) -> dict[str, str]:
        """The URL query for this search: only what differs from the defaults, so links stay short."""
        params: dict[str, str] = {}
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if value == field.default:
                continue
            params[name] = _param(value)
        return params


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (OfferCategory, Platform, Currency, CompensationType)):
        return value.value.lower()
    return str(value)


def _choices(enum) -> str:
    return ", ".join(member.value.lower() for member in enum)


_MESSAGES = {
    "q": f"Search text can be at most {MAX_QUERY_LENGTH} characters.",
    "category": f"Unknown category: choose one of {_choices(OfferCategory)}.",
    "platform": f"Unknown platform: choose one of {_choices(Platform)}.",
    "city": "City can be at most 80 characters.",
    "budget_min": "Minimum budget must be an amount of 0 or more, with at most 2 decimals.",
    "budget_max": "Maximum budget must be an amount of 0 or more, with at most 2 decimals.",
    "currency": f"Unknown currency: choose one of {_choices(Currency)}.",
    "compensation_type": f"Unknown compensation type: choose one of {_choices(CompensationType)}.",
    "deadline_within_days": "Closing within must be a whole number of days from 1 to 365.",
    "qualified_only": "“Only offers I qualify for” must be yes or no.",
    "sort": f"Unknown sort: choose one of {', '.join(SORTS)}.",
    "page": f"Page must be a whole number from 1 to {MAX_PAGE}.",
}


def _readable(error: ValidationError) -> InvalidSearch:
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else None
    if first["type"] == "extra_forbidden":
        return InvalidSearch(_("Unknown search filter: {name}.").format(name=field[:40]), field=None)
    if field in _MESSAGES:
        return InvalidSearch(_MESSAGES[field], field=field)
    # A rule across fields (the budget range): its own message is already written for people.
    message = str(first.get("ctx", {}).get("error") or first["msg"])
    return InvalidSearch(message, field="currency" if message == BUDGET_CURRENCY else "budget_min")
