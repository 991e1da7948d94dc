"""/creators: Find creators, for businesses, agencies and admins. The URL is the search
(?q=...&city=...&sort=rating&page=2): loading parses it, applying filters navigates to the new URL."""

from __future__ import annotations

import urllib.parse

import reflex as rx

from influfinder.domain.enums import OfferCategory, Platform, Tier
from influfinder.i18n import N_, _, translated
from influfinder.i18n.formats import number
from influfinder.i18n.labels import label
from influfinder.services.actors import acting
from influfinder.services.creator_filters import SORTS, CreatorSearch, InvalidCreatorSearch
from influfinder.services.creator_search import PAGE_SIZE, search_creators
from influfinder.state.creator_cards import CreatorCardView, creator_card_view
from influfinder.state.forms import FormState, form_flag, form_text
from influfinder.state.offer_cards import platform_label
from influfinder.state.offers import counts_shown
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service

ROUTE = "/creators"
ANY = "any"
TEXT_FIELDS = ("q", "city", "followers_min", "followers_max", "engagement_min", "engagement_max")
CHOICE_FIELDS = ("category", "platform", "tier", "rating_min")
FLAG_FIELDS = ("verified_only", "available_only")
UNREADABLE = N_("The search could not be read. Reload the page and try again.")
URL_FIXED = N_("Part of this link could not be used, so it was left out: {problem}")


def search_href(params: dict[str, str]) -> str:
    return ROUTE + ("?" + urllib.parse.urlencode(params) if params else "")


def _from_url(params: dict[str, str]) -> tuple[CreatorSearch, str]:
    """The URL's search; a bad value is dropped with a message rather than failing the page."""
    try:
        return CreatorSearch.from_query_params(params), ""
    except InvalidCreatorSearch as error:
        rest = {k: v for k, v in params.items() if k != error.field} if error.field else {}
        try:
            return CreatorSearch.from_query_params(rest), error.message
        except InvalidCreatorSearch:
            return CreatorSearch(), error.message


def _form_params(form: object) -> dict[str, str] | None:
    if not isinstance(form, dict) or len(form) > 30:
        return None
    raw: dict[str, str] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        value = form_text(form, name, 200)
        if value is None:
            return None
        raw[name] = "" if value == ANY else value
    for name in FLAG_FIELDS:
        raw[name] = "1" if form_flag(form, name) else ""
    return raw


class FindCreatorsState(FormState, rx.State):
    creators: list[CreatorCardView] = []
    total: int = 0
    total_text: str = "0"
    pages_text: str = "1"
    page: int = 1
    pages: int = 1
    loading: bool = True
    # The search in use, as the form shows it.
    q: str = ""
    city: str = ""
    category: str = ANY
    platform: str = ANY
    tier: str = ANY
    rating_min: str = ANY
    followers_min: str = ""
    followers_max: str = ""
    engagement_min: str = ""
    engagement_max: str = ""
    verified_only: bool = False
    available_only: bool = False
    sort: str = "relevance"
    filtering: bool = False
    page_base: str = ROUTE + "?"
    url_problem: str = ""
    form_key: int = 0
    can_invite: bool = False  # a business or an agency: an Invite button on each result
    _params: dict[str, str] = {}

    @rx.event
    @service_handler("searching creators")
    async def load(self):
        self.loading = True
        self._reset_errors()
        yield
        search, problem = _from_url(dict(self.router.url.query_parameters))
        self.url_problem = translated(URL_FIXED).format(problem=problem) if problem else ""
        self._show_search(search)
        try:
            actor = await call_service(self, acting)
            self.can_invite = bool(actor and actor.is_business)
            result = await try_service(self, search_creators, search)
            if result is not REFUSED and not result.items and result.page > result.pages:
                search = search.model_copy(update={"page": result.pages})
                result = await try_service(self, search_creators, search)
            if result is REFUSED:
                self.creators, self.total = [], 0
            else:
                self.creators = [creator_card_view(c) for c in result.items]
                self.total, self.page, self.pages = result.total, result.page, result.pages
                self.total_text, self.pages_text = counts_shown(result.total, result.pages, result.more)
                self._show_search(search)
        finally:
            self.loading = False

    def _show_search(self, search: CreatorSearch) -> None:
        params = search.to_query_params()
        self._params = {k: v for k, v in params.items() if k != "page"}
        for name in TEXT_FIELDS:
            setattr(self, name, params.get(name, ""))
        for name in CHOICE_FIELDS:
            setattr(self, name, params[name].upper() if name in params and name in ("category", "platform")
                    else params.get(name, ANY))
        self.verified_only, self.available_only, self.sort = search.verified_only, search.available_only, search.sort
        self.filtering = any(k != "sort" for k in self._params)
        self.page_base = search_href(self._params) + ("&" if self._params else "?")
        self.form_key += 1

    @rx.event
    def apply_filters(self, form: dict):
        self._reset_errors()
        raw = _form_params(form)
        if raw is None:
            self.error = translated(UNREADABLE)
            return
        raw["sort"] = self._params.get("sort", "")
        try:
            search = CreatorSearch.from_query_params(raw)
        except InvalidCreatorSearch as error:
            self._refused(error)
            return
        return rx.redirect(search_href(search.to_query_params()))

    @rx.event
    def set_sort(self, value: str):
        if not isinstance(value, str) or value not in SORTS:
            return
        params = {k: v for k, v in self._params.items() if k != "sort"}
        if value != "relevance":
            params["sort"] = value
        return rx.redirect(search_href(params))

    @rx.var
    def first_shown(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @rx.var
    def last_shown(self) -> int:
        return min(self.page * PAGE_SIZE, self.total)


def categories() -> list[tuple[str, str]]:
    """The filters' choices in the current language (the page is built once per language)."""
    return [(c.value, label(c)) for c in OfferCategory]


def platforms() -> list[tuple[str, str]]:
    return [(p.value, platform_label(p.value)) for p in Platform]


def tiers() -> list[tuple[str, str]]:
    return [(str(int(t)), label(t) if t is Tier.LEGEND else _("{tier} or higher").format(tier=label(t)))
            for t in Tier if t is not Tier.NEWBIE]


def ratings() -> list[tuple[str, str]]:
    return [(value, _("{rating} or more").format(rating=number(float(value)))) for value in ("4.5", "4", "3")]


def sort_options() -> list[tuple[str, str]]:
    return [("relevance", _("Relevance")), ("followers", _("Most followers")), ("rating", _("Best rated")),
            ("active", _("Recently active"))]
