"""LiveState: the navbar's counts and the open chat of one page, kept live. How updates reach it, in order and
without loss across processes, is told in state/live_delivery.py."""

from __future__ import annotations

import dataclasses
import logging

import reflex as rx

from influfinder.integrations.presence import presence
from influfinder.services import live_updates, messages
from influfinder.services.errors import ServiceError
from influfinder.state.auth import backend_url
from influfinder.i18n import translated
from influfinder.state.forms import UNEXPECTED
from influfinder.state.live_pages import call_for_push, forget_page, note_delivered, remember_page, unwatch
from influfinder.state.service_handler import call_service, service_handler

log = logging.getLogger(__name__)

CHAT_ROUTE = "/messages/[user_id]"  # the chat page's route; its param names the other person
MAX_CHAT_LINES = 300  # pushed lines beyond this push the oldest out of the state (DESIGN: one page in state)


@dataclasses.dataclass
class ChatAttachment:
    name: str = ""
    url: str = ""
    content_type: str = ""
    is_image: bool = False
    size: int = 0


@dataclasses.dataclass
class ChatLine:
    id: str = ""
    mine: bool = False
    text: str = ""
    created_at: str = ""  # ISO 8601, UTC
    is_read: bool = False
    attachments: list[ChatAttachment] = dataclasses.field(default_factory=list)


def chat_line(data: dict) -> ChatLine:
    """A line from a MessageView's payload (services/live_updates.payload)."""
    return ChatLine(
        id=data["id"], mine=data["mine"], text=data["text"], created_at=data["created_at"], is_read=data["is_read"],
        attachments=[ChatAttachment(a["name"], backend_url(a["url"]), a["content_type"], a["is_image"], a["size"])
                     for a in data["attachments"]],
    )


class LiveState(rx.State):
    """The navbar's counts (the bell, messages, a business's to-dos) and the open chat of one page, kept live."""

    unread_notifications: int = 0
    unread_messages: int = 0
    waiting_applicants: int = 0  # a business's applications not yet decided
    waiting_reviews: int = 0  # a business's submitted content not yet approved or sent back
    chat_with: str = ""  # the other person's id when this page shows a chat
    chat_name: str = ""
    chat_username: str = ""
    chat_about_kind: str = ""  # "application" or "collaboration": what the two work on (the latest)
    chat_about_id: str = ""
    chat_about_title: str = ""  # its offer's title
    chat: list[ChatLine] = []  # oldest first
    chat_has_older: bool = False
    chat_can_send: bool = False
    chat_error: str = ""
    _user_id: str = ""
    _seq: int = 0  # the number of the last live update this page applied (services/live_updates)

    @rx.event
    @service_handler("tracking a page", public=True)
    async def track(self):
        """on_load of every page: whose page this is, and the counts it missed while away."""
        snapshot = await call_service(self, live_updates.page_snapshot)
        await self._register(snapshot.user_id)
        unwatch(self.router.session.client_token)  # a page that shows an object watches it again
        self._close_chat()
        if snapshot.user_id:
            self._show_snapshot(snapshot)

    @rx.event
    @service_handler("opening a chat", public=True)
    async def load_chat(self):
        """on_load of the chat page (after `track`): the newest messages with the route's person, read."""
        await self._open(self.router.url.path.rstrip("/").rsplit("/", 1)[-1])

    @rx.event
    @service_handler("opening a chat", public=True)
    async def open_chat(self, other_user_id: str):
        await self._open(other_user_id)

    @rx.event
    @service_handler("reading older messages", public=True)
    async def load_older(self):
        """Scrolling up: the page of messages before the oldest one shown."""
        if not self._user_id or not self.chat_with or not self.chat:
            return
        view = await call_service(self, messages.chat, self.chat_with, self.chat[0].id)
        # Not capped: each scroll up asks for one more page on purpose (pushes cap the live end).
        self.chat = [*[chat_line(live_updates.payload(m)) for m in view.messages], *self.chat]
        self.chat_has_older = view.has_older

    @rx.event
    @service_handler("marking a chat read", public=True)
    async def mark_chat_read(self):
        """The open chat's new messages were seen (e.g. the tab came back into view)."""
        if self._user_id and self.chat_with:
            await call_service(self, messages.mark_read, self.chat_with)

    async def _open(self, other_user_id: object) -> None:
        """A chat of the page's user (a page nobody is signed in to shows none)."""
        self._close_chat()
        if not self._user_id:
            return
        opened = await call_service(self, messages.open_chat, other_user_id)
        view = opened.chat
        self.chat_with, self.chat_name, self.chat_username = view.other.id, view.other.display_name, view.other.username
        self.chat = [chat_line(live_updates.payload(m)) for m in view.messages]
        self.chat_has_older, self.chat_can_send = view.has_older, view.can_send
        about = view.about
        self.chat_about_kind, self.chat_about_id, self.chat_about_title = \
            (about.kind, about.id, about.offer_title) if about else ("", "", "")
        self._show_snapshot(await call_service(self, live_updates.page_snapshot))  # the chat was just read

    def _refused(self, error: ServiceError) -> None:
        self.chat_error = error.message

    def _unexpected(self) -> None:
        self.chat_error = translated(UNEXPECTED)

    async def _register(self, user_id: str) -> None:
        token = self.router.session.client_token
        if self._user_id and self._user_id != user_id:
            forget_page(token)
            await presence().remove(self._user_id, token)
            self._show_snapshot(live_updates.NOBODY)
        self._user_id = user_id
        if user_id and token:
            remember_page(token, user_id)
            await presence().add(user_id, token)

    def _close_chat(self) -> None:
        self.chat_with = self.chat_name = self.chat_username = self.chat_error = ""
        self.chat_about_kind = self.chat_about_id = self.chat_about_title = ""
        self.chat = []
        self.chat_has_older = self.chat_can_send = False

    def _set_counts(self, counts: dict) -> None:
        self.unread_notifications, self.unread_messages = counts["notifications"], counts["messages"]
        # An update published by a process started before these counts existed carries none: keep what is shown.
        self.waiting_applicants = counts.get("applicants", self.waiting_applicants)
        self.waiting_reviews = counts.get("reviews", self.waiting_reviews)

    def _show_snapshot(self, snapshot: live_updates.PageSnapshot) -> None:
        """Counts read from the database with the number they are as new as (live_updates.page_snapshot)."""
        self._seq = snapshot.seq
        self._set_counts(snapshot.counts)
        note_delivered(self.router.session.client_token, self._seq)

    def _order(self, event: dict) -> str:
        """NEXT: apply it; SEEN: a duplicate or older than what the page shows; MISSED: one was lost before it."""
        seq = event.get("seq")
        if not isinstance(seq, (int, float)) or seq <= self._seq:
            return SEEN
        return NEXT if seq == self._seq + 1 and event["kind"] != "sync" else MISSED

    async def _catch_up(self) -> None:
        """Reload from the database what updates would have brought: the counts and the open chat."""
        shown = [line.id for line in self.chat]
        snapshot, missed = await call_for_push(self, live_updates.catch_up, self.chat_with, shown, MAX_CHAT_LINES)
        if not snapshot.user_id:
            return  # the session ended meanwhile
        self._show_snapshot(snapshot)
        for line in [chat_line(live_updates.payload(m)) for m in missed]:
            self._add_line(line, replace=True)

    def _receive(self, event: dict) -> str:
        """One bus event for this page's user (called by the push, never by a socket): applied if it is
        the next one; MISSED tells the push to `_catch_up`."""
        order = self._order(event)
        if order == NEXT:
            self._apply(event)
        return order

    def _apply(self, event: dict) -> None:
        self._seq = event["seq"]
        note_delivered(self.router.session.client_token, self._seq)
        if "counts" in event:
            self._set_counts(event["counts"])
        if event.get("with") != self.chat_with or not self.chat_with:
            return
        if event["kind"] == "message":
            self._add_line(chat_line(event["message"]))
        elif event["kind"] == "read":
            self.chat = [dataclasses.replace(line, is_read=True) if line.mine else line for line in self.chat]

    def _add_line(self, line: ChatLine, *, replace: bool = False) -> None:
        """Put a line in its place by time (two updates may be numbered in the other order)."""
        known = [i for i, existing in enumerate(self.chat) if existing.id == line.id]
        if known:  # the sending tab may have shown it already; a catch-up brings its read receipt
            if replace:
                self.chat = [line if i == known[0] else old for i, old in enumerate(self.chat)]
            return
        at = len(self.chat)
        while at and (self.chat[at - 1].created_at, self.chat[at - 1].id) > (line.created_at, line.id):
            at -= 1
        self.chat = [*self.chat[:at], line, *self.chat[at:]][-MAX_CHAT_LINES:]


NEXT, SEEN, MISSED = "next", "seen", "missed"


