"""/offers: Browse. The URL is the search (?q=...&category=...&page=2): loading parses it with
OfferSearch.from_query_params, applying filters navigates to the new URL, so any search can be
shared and reloaded. One page of cards sits in state; the search and the count run in SQL.
"""

from __future__ import annotations

import logging
import urllib.parse
from dataclasses import dataclass
from decimal import Decimal

import reflex as rx

from influfinder.domain.enums import CompensationType, Currency, OfferCategory, Platform
from influfinder.domain.labels import LABELS
from influfinder.i18n import N_, _, formats, translated
from influfinder.i18n.labels import label
from influfinder.services.offer_filters import SORTS, InvalidSearch, OfferSearch
from influfinder.services.offer_search import PAGE_SIZE, browse
from influfinder.state.display import amount_text, money
from influfinder.state.forms import FormState, form_flag, form_text
from influfinder.state.offer_cards import OfferCard, offer_card, platform_label
from influfinder.state.offer_detail import OfferDetailState  # noqa: F401 - registered with the app from here
from influfinder.state.service_handler import call_service, service_handler

__all__ = ["PAGE_SIZE", "OfferCard", "OfferDetailState", "OfferListState"]

log = logging.getLogger(__name__)

ROUTE = "/offers"
ANY = "any"  # what a select sends for "no filter" (Radix select items cannot have an empty value)
TEXT_FIELDS = ("q", "city", "budget_min", "budget_max")
CHOICE_FIELDS = ("category", "platform", "currency", "compensation_type", "deadline_within_days")
WITHIN_DAYS = ("3", "7", "14", "30", "60")
URL_FIXED = N_("Part of this link could not be used, so it was left out: {problems}")
CREATORS_ONLY = N_("Log in as a creator to see only the offers you qualify for.")
UNREADABLE = N_("The search could not be read. Reload the page and try again.")


@dataclass
class FilterChip:
    """One filter in use, and the link that removes it."""

    label: str = ""
    href: str = ""


def search_href(params: dict[str, str]) -> str:
    return ROUTE + ("?" + urllib.parse.urlencode(params) if params else "")


def _from_url(params: dict[str, str]) -> tuple[OfferSearch, list[str]]:
    """The search a URL asks for; a bad value is dropped (with a message) instead of failing the page."""
    problems: list[str] = []
    for _attempt in range(len(OfferSearch.model_fields) + 1):
        try:
            return OfferSearch.from_query_params(params), problems
        except InvalidSearch as error:
            problems.append(error.message)
            params = _without_culprit(params, error.field)
    return OfferSearch(), problems


def _without_culprit(params: dict[str, str], culprit: str | None) -> dict[str, str]:
    if culprit in params:
        return {k: v for k, v in params.items() if k != culprit}
    if culprit in ("currency", "budget_min"):  # a budget range without a currency, or upside down
        return {k: v for k, v in params.items() if k not in ("budget_min", "budget_max")}
    return {}


def counts_shown(total: int, pages: int, more: bool) -> tuple[str, str]:
    """The number of matches and of pages as Browse shows them. When the search stopped counting
    (`more`), both are lower bounds and say so: "1,000+" offers, page 1 of "50+"."""
    if more:
        return f"{formats.number(total)}+", f"{formats.number(pages - 1)}+"  # `pages` counts the page known to follow
    return formats.number(total), formats.number(pages)


def _chips(params: dict[str, str]) -> list[FilterChip]:
    chips = []
    for name, value in params.items():
        if name in ("page", "sort"):
            continue
        # Without a currency a budget range means nothing: removing the currency removes the range.
        gone = {name, "budget_min", "budget_max"} if name == "currency" else {name}
        rest = {k: v for k, v in params.items() if k not in gone and k != "page"}
        chips.append(FilterChip(_chip_label(name, value, params.get("currency", "")), search_href(rest)))
    return chips


def _chip_label(name: str, value: str, currency: str) -> str:
    labels = {
        "q": lambda: _("“{words}”").format(words=value),
        "category": lambda: label(value.upper(), OfferCategory),
        "platform": lambda: platform_label(value),
        "city": lambda: value,
        "budget_min": lambda: _("From {amount}").format(amount=money(_amount(value), currency.upper())),
        "budget_max": lambda: _("Up to {amount}").format(amount=money(_amount(value), currency.upper())),
        "currency": lambda: _("In {currency}").format(currency=value.upper()),
        "compensation_type": lambda: label(value.upper(), CompensationType),
        "deadline_within_days": lambda: _("Closing within {days} days").format(days=value),
        "qualified_only": lambda: _("Offers I qualify for"),
    }
    return labels[name]()


def _amount(value: str) -> Decimal:
    return Decimal(value)


class OfferListState(FormState, rx.State):
    offers: list[OfferCard] = []
    total: int = 0
    total_text: str = "0"  # "1,381", or "1,000+" when the count stopped there (see counts_shown)
    pages_text: str = "1"
    page: int = 1
    pages: int = 1
    loading: bool = True
    # The search in use, as the filter form shows it ("any" or "" for no filter).
    q: str = ""
    category: str = ANY
    platform: str = ANY
    city: str = ""
    budget_min: str = ""
    budget_max: str = ""
    currency: str = ANY
    compensation_type: str = ANY
    within: str = ANY
    within_options: list[str] = list(WITHIN_DAYS)
    qualified_only: bool = False
    sort: str = "newest"
    chips: list[FilterChip] = []
    page_base: str = ROUTE + "?"  # the search's URL, ready for "page=N"
    can_qualify: bool = False  # a signed-in creator: the "only offers I qualify for" switch is theirs
    url_problem: str = ""
    form_key: int = 0  # a new key remounts the filter form with the new search's values
    filters_open: bool = False  # narrow screens fold the filters away
    _params: dict[str, str] = {}

    @rx.event
    @service_handler("searching offers", public=True)
    async def load(self):
        """Run the search the URL describes; invalid parts are dropped and named, never a broken page."""
        self.loading = True
        self._reset_errors()
        yield
        search, problems = _from_url(dict(self.router.url.query_parameters))
        try:
            page = await call_service(self, browse, search)
        finally:
            self.loading = False
        problems = [*problems, translated(CREATORS_ONLY)] if page.qualified_dropped else problems
        self.can_qualify = page.can_qualify
        self.url_problem = translated(URL_FIXED).format(problems=" ".join(problems)) if problems else ""
        result = page.result
        self.offers = [offer_card(s) for s in result.items]
        self.total, self.page, self.pages = result.total, result.page, result.pages
        self.total_text, self.pages_text = counts_shown(result.total, result.pages, result.more)
        self._show_search(page.search)

    def _show_search(self, search: OfferSearch) -> None:
        params = search.to_query_params()
        self._params = {k: v for k, v in params.items() if k != "page"}
        self.q, self.city = search.q, search.city
        for name in ("category", "platform", "currency", "compensation_type"):
            setattr(self, name, params[name].upper() if name in params else ANY)
        self.budget_min, self.budget_max = amount_text(search.budget_min), amount_text(search.budget_max)
        days = params.get("deadline_within_days", "")
        self.within = days or ANY
        self.within_options = list(WITHIN_DAYS) if days in ("", *WITHIN_DAYS) else sorted(
            [*WITHIN_DAYS, days], key=int)
        self.qualified_only, self.sort = search.qualified_only, search.sort
        self.chips = _chips(params)
        self.page_base = search_href(self._params) + ("&" if self._params else "?")
        self.form_key += 1

    @rx.event
    def apply_filters(self, form: dict):
        """The filter form, validated like a URL; errors sit next to their field, good searches navigate."""
        self._reset_errors()
        raw = _form_params(form)
        if raw is None:
            self.error = translated(UNREADABLE)
            return
        raw["sort"] = self._params.get("sort", "")
        try:
            search = OfferSearch.from_query_params(raw)
        except InvalidSearch as error:
            self._refused(error)
            return
        if search.qualified_only and not self.can_qualify:
            self.field_errors = {"qualified_only": translated(CREATORS_ONLY)}
            return
        self.filters_open = False
        return rx.redirect(search_href(search.to_query_params()))

    @rx.event
    def set_sort(self, value: str):
        """A new order for the same search, from its first page."""
        if not isinstance(value, str) or value not in SORTS:
            return
        params = {k: v for k, v in self._params.items() if k != "sort"}
        if value != "newest":
            params["sort"] = value
        return rx.redirect(search_href(params))

    @rx.event
    def toggle_filters(self):
        self.filters_open = not self.filters_open

    @rx.var
    def first_shown(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @rx.var
    def last_shown(self) -> int:
        return min(self.page * PAGE_SIZE, self.total)

    @rx.var
    def filtering(self) -> bool:
        return len(self.chips) > 0


def _form_params(form: object) -> dict[str, str] | None:
    """Form fields as URL parameters ("any" and blanks mean no filter), or None for a forged form."""
    if not isinstance(form, dict) or len(form) > 30:
        return None
    raw: dict[str, str] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        value = form_text(form, name, 200)
        if value is None:
            return None
        raw[name] = "" if value == ANY else value
    raw["qualified_only"] = "1" if form_flag(form, "qualified_only") else ""
    return raw


# What the filter form offers; the page module turns these into labelled options.
# Words are msgids (the labels table's); the page translates them for its language.
CATEGORIES = [(c.value, LABELS[c]) for c in OfferCategory]
PLATFORMS = [(p.value, platform_label(p.value)) for p in Platform]
CURRENCIES = [(c.value, c.value) for c in Currency]
COMPENSATIONS = [(c.value, LABELS[c]) for c in CompensationType]
SORT_OPTIONS = [("newest", N_("Newest")), ("closing", N_("Closing soon")), ("budget_high", N_("Budget: high to low")),
                ("budget_low", N_("Budget: low to high"))]
