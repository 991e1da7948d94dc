"""/notifications: the notification centre, newest first (?unread=1, ?page=N).

Opening one marks it read and goes to the object it is about (the service builds the link; it is
never taken from the browser). One can be deleted, all can be marked read; the bell in the navbar
follows through LiveState's pushes, in this tab and the others.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import NotificationType
from influfinder.services import live_updates, notifications
from influfinder.services.notification_preferences import LABELS
from influfinder.services.errors import ServiceError
from influfinder.services.notifications import NotificationView
from influfinder.state.auth import current_actor, to_login
from influfinder.state.display import query, query_page
from influfinder.state.forms import FormState, run_service
from influfinder.state.list_pages import ListPageState, fetch_page

PAGE_SIZE = 20
ICONS = {
    "APPLICATION_RECEIVED": "inbox", "APPLICATION_ACCEPTED": "circle-check", "APPLICATION_REJECTED": "circle-x",
    "COLLABORATION_SCHEDULED": "calendar-check", "CONTENT_SUBMITTED": "upload", "CONTENT_APPROVED": "badge-check",
    "CONTENT_CHANGES_REQUESTED": "pencil", "RATING_RECEIVED": "star", "TIER_UPGRADED": "trophy",
    "MESSAGE_RECEIVED": "message-circle", "DISPUTE_OPENED": "triangle-alert",
}


@dataclass
class NotificationRow:
    id: str = ""
    icon: str = "bell"
    title: str = ""
    content: str = ""
    link: str = ""
    is_read: bool = False
    kind: str = ""  # the type in words: "Application accepted"
    created_at: str = ""  # ISO 8601; the browser shows it in its own zone


def notification_row(view: NotificationView) -> NotificationRow:
    kind = LABELS.get(NotificationType(view.type), "") if view.type in NotificationType.__members__ else ""
    return NotificationRow(id=view.id, icon=ICONS.get(view.type, "bell"), title=view.title, content=view.content,
                           link=view.link, is_read=view.is_read, kind=kind,
                           created_at=live_updates.payload(view)["created_at"])


class NotificationsPageState(ListPageState, FormState, rx.State):
    rows: list[NotificationRow] = []
    unread_only: bool = False
    unread: int = 0

    @rx.event
    async def load(self):
        self.loading = True
        self._reset_errors()
        yield
        self.unread_only, self.page = query(self, "unread") == "1", query_page(self)
        yield await self._fetch()

    async def _fetch(self):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        try:
            result = await fetch_page(notifications.list_for_user, actor, self.unread_only, page=self.page,
                                      page_size=PAGE_SIZE)
            self.unread = await run_service(notifications.unread_count, actor)
        except ServiceError as error:
            self._refused(error)
        except Exception:  # noqa: BLE001
            self._failed("listing notifications")
        else:
            self.rows = [notification_row(v) for v in result.items]
            self._show_page(result)
        self.loading = False
        return None

    @rx.event
    async def open(self, notification_id: str):
        """Mark it read, then go where it points. Only rows of this page (read on the server) count."""
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        row = next((r for r in self.rows if r.id == notification_id), None)
        if row is None:
            return None
        try:
            if not row.is_read:
                await run_service(notifications.mark_read, actor, row.id)
        except ServiceError as error:
            self._refused(error)
            return None
        return rx.redirect(row.link)

    @rx.event
    async def delete(self, notification_id: str):
        """Delete one of the rows shown (the service checks it is the actor's), then refill the page."""
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        if not any(r.id == notification_id for r in self.rows):
            return None
        self._reset_errors()
        try:
            await run_service(notifications.delete, actor, notification_id)
        except ServiceError as error:
            self._refused(error)
            return None
        return await self._fetch()

    @rx.event
    async def refresh(self):
        """"Show new": the bell says more arrived since this page was loaded."""
        return await self._fetch()

    @rx.event
    async def mark_all_read(self):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        try:
            await run_service(notifications.mark_all_read, actor)
        except ServiceError as error:
            self._refused(error)
            return None
        return await self._fetch()
