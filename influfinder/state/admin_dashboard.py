"""The admin dashboard's states: /admin, /admin/users, /admin/disputes, /admin/offers.

Every state here subclasses AdminState, so state/guards.py drops their events for anyone who is
not an admin before they run. Each handler still resolves the actor from the session and lets the
service refuse a non-admin (services/admin.py): the guard is one wall, not the only one.
The rows hold one page; user rows carry email addresses, which only admins ever get filled in.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

import reflex as rx

from influfinder.domain.enums import CollaborationStatus, OfferStatus
from influfinder.services import admin
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError
from influfinder.state.admin import AdminState
from influfinder.state.auth import current_actor, to_login
from influfinder.state.display import day, label, money, query, query_choice, query_page
from influfinder.state.forms import FormState, form_text, run_service

PAGE_SIZE = 20
LIVE_COLLABORATIONS = ("ACCEPTED", "SCHEDULED", "VISITED", "CONTENT_SUBMITTED", "IN_REVIEW")
OUTCOMES = ("COMPLETED", "CANCELLED")


def _admin_actor(state: rx.State) -> tuple[Actor | None, Any]:
    """The signed-in admin, or the way out: log in, or the "not for this account" page."""
    actor = current_actor(state)
    if actor is None:
        return None, to_login(state)
    if not actor.is_admin:
        return None, rx.redirect("/forbidden")
    return actor, None


def _query_text(state: rx.State) -> str:
    return query(state, "q").strip()[: admin.MAX_SEARCH]


def _url(path: str, **params: Any) -> str:
    """path?a=1&b=2 with the empty parameters left out."""
    kept = {k: v for k, v in params.items() if v not in ("", None)}
    return path + ("?" + urllib.parse.urlencode(kept) if kept else "")


def _page_base(path: str, **params: Any) -> str:
    """What the pager appends "page=N" to: ends with "?" or "&"."""
    url = _url(path, **params)
    return url + ("&" if "?" in url else "?")


def _search_text(state: "AdminPageState", form: Any) -> tuple[str | None, Any]:
    """The search box of a submitted form, or None and what to do instead."""
    actor, leave = _admin_actor(state)
    if actor is None:
        return None, leave
    text = form_text(form, "q", admin.MAX_SEARCH)
    if text is None:
        state.error = f"Search with up to {admin.MAX_SEARCH} characters."
    return (text.strip() if text is not None else None), None


class AdminPageState(FormState, AdminState):
    """What every admin page has: loading and busy flags, a notice after an action, the page in the URL."""

    loading: bool = True
    notice: str = ""
    page: int = 1
    pages: int = 1
    total: int = 0
    acting_on: str = ""  # the row whose button is working

    def _start(self) -> None:
        self._reset_errors()
        self.notice = ""
        self.loading = True
        self.page = query_page(self)

    def _take(self, result) -> None:
        self.page, self.pages, self.total = result.page, result.pages, result.total
        self.loading = False

    def _stop(self, error: Exception | None, where: str) -> None:
        if isinstance(error, ServiceError):
            self._refused(error)
        else:
            self._failed(where)
        self.loading = False


# ---- /admin ----------------------------------------------------------------------------------


@dataclass
class Figure:
    """One overview card."""

    key: str = ""
    label: str = ""
    value: int = 0
    detail: str = ""
    href: str = ""
    icon: str = ""
    color: str = "gray"


@dataclass
class StatusCount:
    status: str = ""
    count: int = 0


@dataclass
class DayRow:
    day: str = ""
    total_users: int = 0
    new_users: int = 0
    active_offers: int = 0
    total_offers: int = 0
    applications: int = 0
    completed: int = 0
    revenue: str = ""
    avg_tier: str = ""


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _figures(view: admin.Overview) -> list[Figure]:
    users, offers, apps, collabs = view.users, view.offers, view.applications, view.collaborations
    live = sum(collabs[s] for s in LIVE_COLLABORATIONS)
    people = [_n(users["CREATOR"], "creator", "creators"), _n(users["BUSINESS"], "business", "businesses"),
              _n(users["AGENCY"], "agency", "agencies")]
    if view.deactivated_users:
        people.append(f"{view.deactivated_users} deactivated")
    return [
        Figure("users", "Users", sum(users.values()), " · ".join(people), "/admin/users", "users", "violet"),
        Figure("new_users", "New this week", view.new_users_week, "Accounts created in the last 7 days",
               "/admin/users", "user-plus", "blue"),
        Figure("offers", "Active offers", offers["ACTIVE"],
               f"{_n(offers['DRAFT'], 'draft', 'drafts')} · {offers['PAUSED']} paused · {offers['ARCHIVED']} archived",
               "/admin/offers", "megaphone", "green"),
        Figure("applications", "Applications", sum(apps.values()),
               f"{apps['APPLIED']} new · {apps['UNDER_REVIEW']} under review · {apps['ACCEPTED']} accepted",
               "", "send", "cyan"),
        Figure("collaborations", "Collaborations in progress", live,
               f"{collabs['COMPLETED']} completed · {collabs['CANCELLED']} cancelled", "", "handshake", "amber"),
        Figure("disputes", "Open disputes", view.open_disputes,
               "Waiting for a decision" if view.open_disputes else "Nothing to settle",
               "/admin/disputes", "triangle-alert", "red" if view.open_disputes else "gray"),
    ]


def _day_row(figures: admin.DayFigures) -> DayRow:
    return DayRow(
        day=f"{figures.day:%b} {figures.day.day}, {figures.day.year}", total_users=figures.total_users,
        new_users=figures.new_users,
        active_offers=figures.active_offers, total_offers=figures.total_offers_created,
        applications=figures.total_applications, completed=figures.total_collaborations_completed,
        revenue=money(figures.total_revenue, "EUR") or "€0", avg_tier=f"{figures.avg_tier_level:.1f}",
    )


def _chart_point(figures: admin.DayFigures) -> dict[str, Any]:
    return {"day": f"{figures.day:%b} {figures.day.day}", "Users": figures.total_users,
            "Active offers": figures.active_offers, "Applications": figures.total_applications,
            "Completed": figures.total_collaborations_completed}


class AdminOverviewState(AdminPageState):
    figures: list[Figure] = []
    collaborations: list[StatusCount] = []
    history: list[DayRow] = []  # newest first, for the table
    chart: list[dict[str, Any]] = []  # oldest first, for the chart
    snapshotting: bool = False

    @rx.event
    async def load(self):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        self._start()
        yield
        try:
            view = await run_service(admin.overview, actor)
            days = await run_service(admin.analytics_history, actor)
        except Exception as error:  # noqa: BLE001 - a refusal or a fault, shown as words
            self._stop(error, "loading the admin overview")
            return
        self.figures = _figures(view)
        self.collaborations = [StatusCount(s.value, view.collaborations[s.value]) for s in CollaborationStatus]
        self.history = [_day_row(d) for d in reversed(days)]
        self.chart = [_chart_point(d) for d in days]
        self.loading = False

    @rx.event
    async def take_snapshot(self):
        """Record today's figures now, rather than waiting for the hourly job."""
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        self._reset_errors()
        self.snapshotting = True
        yield
        try:
            await run_service(admin.take_snapshot, actor)
            days = await run_service(admin.analytics_history, actor)
            self.history = [_day_row(d) for d in reversed(days)]
            self.chart = [_chart_point(d) for d in days]
            self.notice = "Today's figures are recorded."
        except Exception as error:  # noqa: BLE001
            self._stop(error, "recording today's figures")
        self.snapshotting = False


# ---- /admin/users ----------------------------------------------------------------------------


@dataclass
class UserLine:
    id: str = ""
    username: str = ""
    email: str = ""
    name: str = ""
    user_type: str = ""
    verified: bool = False
    is_admin: bool = False
    active: bool = True
    joined: str = ""
    last_login: str = ""
    is_me: bool = False


def _user_line(row: admin.UserRow, me: Actor) -> UserLine:
    return UserLine(
        id=row.id, username=row.username, email=row.email, name=row.display_name, user_type=label(row.user_type),
        verified=row.is_verified, is_admin=row.is_admin, active=row.is_active, joined=day(row.created_at),
        last_login=f"Last login {day(row.last_login_at)}" if row.last_login_at else "Never logged in",
        is_me=row.id == str(me.id),
    )


class AdminUsersState(AdminPageState):
    search: str = ""
    summary: str = ""  # "12 accounts for “ana”"
    rows: list[UserLine] = []
    page_base: str = "/admin/users?"

    @rx.event
    async def load(self):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        self._start()
        self.search = _query_text(self)
        self.page_base = _page_base("/admin/users", q=self.search)
        yield
        await self._fetch(actor)

    async def _fetch(self, actor: Actor) -> None:
        try:
            result = await run_service(admin.list_users, actor, self.search, self.page, PAGE_SIZE)
            if not result.items and result.page > result.pages:  # past the last page: the last page
                result = await run_service(admin.list_users, actor, self.search, result.pages, PAGE_SIZE)
        except Exception as error:  # noqa: BLE001
            self._stop(error, "listing users")
            return
        self.rows = [_user_line(r, actor) for r in result.items]
        self.summary = _n(result.total, "account", "accounts") + (f" for “{self.search}”" if self.search else "")
        self._take(result)

    @rx.event
    def find(self, form: dict):
        """The search form: the search goes into the URL, so it survives a reload and can be shared."""
        text, leave = _search_text(self, form)
        return leave if text is None else rx.redirect(_url("/admin/users", q=text))

    @rx.event
    async def deactivate(self, user_id: str):
        async for update in self._act(user_id, admin.deactivate_user, "is deactivated and signed out everywhere."):
            yield update

    @rx.event
    async def reactivate(self, user_id: str):
        async for update in self._act(user_id, admin.reactivate_user, "can log in again."):
            yield update

    async def _act(self, user_id: Any, move, done: str):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        if not isinstance(user_id, str) or len(user_id) > 64:
            return
        self._reset_errors()
        self.notice, self.acting_on = "", user_id
        yield
        name = next((r.username for r in self.rows if r.id == user_id), "")
        try:
            await run_service(move, actor, user_id)
            self.notice = f"@{name} {done}" if name else "Done."
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001
            self._failed("changing an account")
        self.acting_on = ""
        await self._fetch(actor)


# ---- /admin/disputes -------------------------------------------------------------------------


@dataclass
class DisputeLine:
    id: str = ""
    offer_title: str = ""
    creator: str = ""
    creator_username: str = ""
    business: str = ""
    business_username: str = ""
    reason: str = ""
    opened_by: str = ""
    opened: str = ""


def _dispute_line(row: admin.DisputeRow) -> DisputeLine:
    return DisputeLine(
        id=row.id, offer_title=row.offer_title, creator=row.creator, creator_username=row.creator_username,
        business=row.business, business_username=row.business_username, reason=row.reason,
        opened_by=row.opened_by or "", opened=day(row.opened_at),
    )


class AdminDisputesState(AdminPageState):
    rows: list[DisputeLine] = []
    resolving: str = ""  # the collaboration whose dialog is open
    resolving_title: str = ""

    @rx.event
    async def load(self):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        self._start()
        self.resolving = self.resolving_title = ""
        yield
        await self._fetch(actor)

    async def _fetch(self, actor: Actor) -> None:
        try:
            result = await run_service(admin.list_disputes, actor, self.page, PAGE_SIZE)
            if not result.items and result.page > result.pages:
                result = await run_service(admin.list_disputes, actor, result.pages, PAGE_SIZE)
        except Exception as error:  # noqa: BLE001
            self._stop(error, "listing disputes")
            return
        self.rows = [_dispute_line(r) for r in result.items]
        self._take(result)

    @rx.event
    def open_resolve(self, collab_id: str):
        """Open the decision dialog for one dispute of the page."""
        actor, leave = _admin_actor(self)
        if actor is None:
            return leave
        row = next((r for r in self.rows if isinstance(collab_id, str) and r.id == collab_id), None)
        if row is None:
            return None
        self._reset_errors()
        self.resolving, self.resolving_title = row.id, row.offer_title
        return None

    @rx.event
    def close_resolve(self, is_open: bool = False):
        if is_open is not True and not self.busy:
            self.resolving = self.resolving_title = ""
            self._reset_errors()

    @rx.event
    async def resolve(self, form: dict):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        outcome, note = form_text(form, "outcome", 20), form_text(form, "note", 100_000)
        self._reset_errors()
        if outcome not in OUTCOMES:
            self.field_errors = {"outcome": "Choose how the collaboration ends: completed or cancelled."}
            return
        if not self.resolving:
            return
        self.busy = True
        yield
        try:
            await run_service(admin.resolve_dispute, actor, self.resolving, outcome, note)
            self.notice = f"“{self.resolving_title}” is settled as {outcome.lower()}. Both parties see it now."
            self.resolving = self.resolving_title = ""
        except ServiceError as error:
            self.field_errors = {"note": error.message} if error.field in ("note", "reason") else {}
            self.error = "" if self.field_errors else error.message
        except Exception:  # noqa: BLE001
            self._failed("resolving a dispute")
        self.busy = False
        await self._fetch(actor)


# ---- /admin/offers ---------------------------------------------------------------------------


@dataclass
class OfferLine:
    id: str = ""
    title: str = ""
    business: str = ""
    business_username: str = ""
    status: str = ""
    category: str = ""
    city: str = ""
    views: int = 0
    applications: int = 0
    created: str = ""
    updated: str = ""
    can_pause: bool = False
    can_archive: bool = False


@dataclass
class Tab:
    label: str = ""
    count: int = 0
    href: str = ""
    active: bool = False


def _offer_line(row: admin.OfferRow) -> OfferLine:
    return OfferLine(
        id=row.id, title=row.title, business=row.business, business_username=row.business_username,
        status=row.status, category=label(row.category), city=row.city, views=row.views,
        applications=row.applications, created=day(row.created_at), updated=day(row.updated_at),
        can_pause=row.status == OfferStatus.ACTIVE.value, can_archive=row.status != OfferStatus.ARCHIVED.value,
    )


def _tabs(search: str, status: str, counts: dict[str, int]) -> list[Tab]:
    tabs = [Tab("All", sum(counts.values()), _url("/admin/offers", q=search), status == "")]
    for value in OfferStatus.values():
        tabs.append(Tab(label(value), counts[value], _url("/admin/offers", q=search, status=value), status == value))
    return tabs


class AdminOffersState(AdminPageState):
    search: str = ""
    status: str = ""
    rows: list[OfferLine] = []
    tabs: list[Tab] = []
    page_base: str = "/admin/offers?"

    @rx.event
    async def load(self):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        self._start()
        self.search = _query_text(self)
        self.status = query_choice(self, "status", OfferStatus.values())
        self.page_base = _page_base("/admin/offers", q=self.search, status=self.status)
        yield
        await self._fetch(actor)

    async def _fetch(self, actor: Actor) -> None:
        args = (actor, self.search, self.status)
        try:
            result = await run_service(admin.list_offers, *args, self.page, PAGE_SIZE)
            if not result.page.items and result.page.page > result.page.pages:
                result = await run_service(admin.list_offers, *args, result.page.pages, PAGE_SIZE)
        except Exception as error:  # noqa: BLE001
            self._stop(error, "listing offers")
            return
        self.rows = [_offer_line(r) for r in result.page.items]
        self.tabs = _tabs(self.search, self.status, result.counts)
        self._take(result.page)

    @rx.event
    def find(self, form: dict):
        text, leave = _search_text(self, form)
        return leave if text is None else rx.redirect(_url("/admin/offers", q=text, status=self.status))

    @rx.event
    async def pause(self, offer_id: str):
        async for update in self._act(offer_id, admin.pause_offer, "is paused: its business can resume it."):
            yield update

    @rx.event
    async def archive(self, offer_id: str):
        async for update in self._act(offer_id, admin.archive_offer, "is archived."):
            yield update

    async def _act(self, offer_id: Any, move, done: str):
        actor, leave = _admin_actor(self)
        if actor is None:
            yield leave
            return
        if not isinstance(offer_id, str) or len(offer_id) > 64:
            return
        self._reset_errors()
        self.notice, self.acting_on = "", offer_id
        yield
        title = next((r.title for r in self.rows if r.id == offer_id), "The offer")
        try:
            await run_service(move, actor, offer_id)
            self.notice = f"“{title}” {done}"
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001
            self._failed("moderating an offer")
        self.acting_on = ""
        await self._fetch(actor)
