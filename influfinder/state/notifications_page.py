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
from influfinder.services.notifications import NotificationView
from influfinder.state.display import query, query_page
from influfinder.state.forms import FormState
from influfinder.state.list_pages import ListPageState, fetch_page
from influfinder.state.service_handler import call_service, service_handler

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
    @service_handler("listing notifications")
    async def load(self):
        self.loading = True
        self._reset_errors()
        yield
        self.unread_only, self.page = query(self, "unread") == "1", query_page(self)
        await self._fetch()

    async def _fetch(self) -> None:
        try:
            centre = await fetch_page(self, notifications.centre, self.unread_only, page=self.page,
                                      page_size=PAGE_SIZE)
        finally:
            self.loading = False
        self.unread = centre.unread
        self.rows = [notification_row(v) for v in centre.page.items]
        self._show_page(centre.page)

    @rx.event
    @service_handler("opening a notification")
    async def open(self, notification_id: str):
        """Mark it read, then go where it points. Only rows of this page (read on the server) count."""
        row = next((r for r in self.rows if r.id == notification_id), None)
        if row is None:
            return None
        if not row.is_read:
            await call_service(self, notifications.mark_read, row.id)
        return rx.redirect(row.link)

    @rx.event
    @service_handler("deleting a notification")
    async def delete(self, notification_id: str):
        """Delete one of the rows shown (the service checks it is the actor's), then refill the page."""
        if not any(r.id == notification_id for r in self.rows):
            return
        self._reset_errors()
        await call_service(self, notifications.delete, notification_id)
        await self._fetch()

    @rx.event
    @service_handler("listing notifications")
    async def refresh(self):
        """"Show new": the bell says more arrived since this page was loaded."""
        await self._fetch()

    @rx.event
    @service_handler("marking notifications read")
    async def mark_all_read(self):
        await call_service(self, notifications.mark_all_read)
        await self._fetch()
