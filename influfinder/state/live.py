"""Live delivery: what a user's open pages show changes without a reload, on every backend process.

How an event reaches a page:

1. A service commits, then publishes on the bus (services/live_updates, integrations/bus).
2. Every backend process runs `live_delivery` (a lifespan task) subscribed to the bus. For an
   event addressed to a user it asks the presence registry for that user's open pages and pushes
   to the ones connected to THIS process, with `app.modify_state(token)`: the changed vars go down
   that page's socket. Pages held by other processes are pushed by those processes.
3. A page registers itself in presence when it loads (`LiveState.track`, an on_load handler) and
   the process refreshes its own pages every PING_SECONDS; a closed tab drops out after the TTL.

A page that was offline (closed laptop, lost Wi-Fi, restarted process) misses pushes; when it
reconnects Reflex runs its on_load handlers again, so `track` reloads the counts and `load_chat`
the last page of the chat from the database. Nothing is kept only in the push.

The counts and the open chat belong to one user: a push is applied only if the page still belongs
to that user and its session is still live, so a tab that logged out never hears another user's
news.

A page that shows an object several people change (a collaboration) `watch`es the object's
channel when it loads. A "changed" event there makes every page of this process that watches it
reload the object from the database as its own viewer (`_reload_live`, with `call_for_push`), so
both parties and an admin see each other's moves; the event itself carries no data.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from typing import Any, Callable, TypeVar

import reflex as rx

from influfinder.integrations import bus
from influfinder.integrations.presence import PING_SECONDS, presence
from influfinder.services import live_updates, messages, unit_of_work
from influfinder.services.actors import acting
from influfinder.services.errors import ServiceError
from influfinder.services.subscribers import install_subscribers
from influfinder.state.auth import backend_url, credentials
from influfinder.state.forms import UNEXPECTED
from influfinder.state.service_handler import call_service, service_handler

log = logging.getLogger(__name__)
T = TypeVar("T")
RESYNC = "resync"  # not a bus event: the process lost the bus, so each page reads its counts again

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
    """The bell, the messages badge and the open chat of one page, kept live."""

    unread_notifications: int = 0
    unread_messages: int = 0
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
    _counts_at: int = 0

    @rx.event
    @service_handler("tracking a page", public=True)
    async def track(self):
        """on_load of every page: whose page this is, and the counts it missed while away."""
        badges = await call_service(self, messages.badges)
        await self._register(badges.user_id)
        _watching.pop(self.router.session.client_token, None)  # a page that shows an object watches it again
        self._close_chat()
        if badges.user_id:
            self._set_counts(badges.counts, time.time_ns())

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
        self._set_counts(opened.counts, time.time_ns())  # the chat was just read

    def _refused(self, error: ServiceError) -> None:
        self.chat_error = error.message

    def _unexpected(self) -> None:
        self.chat_error = UNEXPECTED

    async def _register(self, user_id: str) -> None:
        token = self.router.session.client_token
        if self._user_id and self._user_id != user_id:
            _local_pages.pop(token, None)
            await presence().remove(self._user_id, token)
            self._set_counts({"notifications": 0, "messages": 0}, time.time_ns())
        self._user_id = user_id
        if user_id and token:
            _local_pages[token] = user_id
            await presence().add(user_id, token)

    def _close_chat(self) -> None:
        self.chat_with = self.chat_name = self.chat_username = self.chat_error = ""
        self.chat_about_kind = self.chat_about_id = self.chat_about_title = ""
        self.chat = []
        self.chat_has_older = self.chat_can_send = False

    def _set_counts(self, counts: dict, at: int) -> None:
        if at < self._counts_at:
            return  # a late event: the page already shows newer counts
        self._counts_at = at
        self.unread_notifications, self.unread_messages = counts["notifications"], counts["messages"]

    def _apply(self, event: dict) -> None:
        """One bus event for this page's user (called by the push, never by a socket)."""
        if "counts" in event:
            self._set_counts(event["counts"], event["at"])
        if event.get("with") != self.chat_with or not self.chat_with:
            return
        if event["kind"] == "message":
            self._add_line(chat_line(event["message"]))
        elif event["kind"] == "read":
            self.chat = [dataclasses.replace(line, is_read=True) if line.mine else line for line in self.chat]

    def _add_line(self, line: ChatLine) -> None:
        if any(existing.id == line.id for existing in self.chat):
            return  # the sending tab may have shown it already
        self.chat = [*self.chat, line][-MAX_CHAT_LINES:]


# ---- delivery: the lifespan task of every backend process ----------------------------------------

_local_pages: dict[str, str] = {}  # client token -> user id, for the pages registered on this process


@contextlib.asynccontextmanager
async def live_delivery(app: rx.App):
    """Register as a lifespan task: `app.register_lifespan_task(live_delivery)`."""
    install_subscribers()
    subscription = await bus.subscribe(lambda channel, event: deliver(app, channel, event))
    keeper = asyncio.create_task(_keep_presence(app), name="live-presence")
    try:
        yield
    finally:
        keeper.cancel()
        await asyncio.gather(keeper, return_exceptions=True)
        await subscription.close()


async def deliver(app: rx.App, channel: str, event: dict) -> None:
    """Push one bus event to the pages of its user (or that watch its object) held by this process."""
    if channel == bus.RESYNC_CHANNEL:
        await _resync(app)
        return
    if event.get("kind") == "changed":
        await asyncio.gather(*(reload(app, token, cls, watched) for token, watched, cls in _watchers(app, channel)))
        return
    user_id = event.get("user_id")
    if not isinstance(user_id, str):
        return
    tokens = [t for t in await presence().tokens(user_id) if is_local(app, t)]
    await asyncio.gather(*(push(app, token, user_id, event) for token in tokens))


async def push(app: rx.App, token: str, user_id: str, event: dict) -> None:
    try:
        async with app.modify_state(rx.BaseStateToken(ident=token, cls=LiveState)) as root:
            live = await root.get_state(LiveState)
            if live._user_id != user_id:
                return
            if event.get("kind") == RESYNC:
                badges = await call_for_push(live, messages.badges)
                if badges.user_id == user_id:
                    live._set_counts(badges.counts, time.time_ns())
                return
            if await asyncio.to_thread(_session_user, live) != user_id:
                return
            live._apply(event)
    except Exception:  # noqa: BLE001 - one page's failure must not stop the others
        log.exception("live: could not push %s to a page of user %s", event.get("kind"), user_id)


def is_local(app: rx.App, token: str) -> bool:
    """Whether the page's socket is connected to this process (not to another one, not gone)."""
    namespace = getattr(app, "event_namespace", None)
    manager = getattr(namespace, "_token_manager", None)
    record = manager.token_to_socket.get(token) if manager is not None else None
    return record is not None and record.instance_id == manager.instance_id


def push_credentials(state: rx.State) -> unit_of_work.Credentials:
    """The page's credentials for a push: its session is read without sliding its idle window."""
    return dataclasses.replace(credentials(state), activity=False)


async def call_for_push(state: rx.State, service: Callable[..., T], *args: Any) -> T:
    """A service as the page's user, for a push (never a socket's event)."""
    return await unit_of_work.acall(push_credentials(state), service, *args)


def _session_user(state: rx.State) -> str | None:
    """The user of the session the page connected with, if that session is still live (blocking)."""
    actor = unit_of_work.call(push_credentials(state), acting)
    return str(actor.id) if actor else None


# ---- pages that watch an object (a collaboration) ------------------------------------------------

# The pages on this process that show an object, reloaded when it changes:
# client token -> (the object's bus channel, the state class that shows it).
_watching: dict[str, tuple[str, type[rx.State]]] = {}


def watch(state: rx.State, channel: str) -> None:
    """Called by a page's load: a "changed" event on `channel` now runs `state._reload_live(channel)`.

    The page stops watching when it loads another page (`LiveState.track`) or its socket goes.
    """
    token = state.router.session.client_token
    if token:
        _watching[token] = (channel, type(state))


def _watchers(app: rx.App, channel: str | None = None) -> list[tuple[str, str, type[rx.State]]]:
    """(token, channel, state class) of this process's connected pages that watch `channel` (or anything)."""
    return [(token, watched, cls) for token, (watched, cls) in list(_watching.items())
            if channel in (None, watched) and is_local(app, token)]


async def reload(app: rx.App, token: str, cls: type[rx.State], channel: str) -> None:
    """One watching page shows its object as it is now (the change goes down its socket)."""
    try:
        async with app.modify_state(rx.BaseStateToken(ident=token, cls=cls)) as root:
            shown = await root.get_state(cls)
            await shown._reload_live(channel)
    except Exception:  # noqa: BLE001 - one page's failure must not stop the others
        log.exception("live: could not reload a page watching %s", channel)


async def _keep_presence(app: rx.App) -> None:
    while True:
        await asyncio.sleep(PING_SECONDS)
        try:
            await refresh_presence(app)
        except Exception:  # noqa: BLE001 - Redis may be down for a moment; try again next round
            log.warning("live: could not refresh presence", exc_info=True)


async def refresh_presence(app: rx.App) -> None:
    """Keep this process's connected pages registered; forget the ones whose socket is gone."""
    for token in [t for t in _local_pages if not is_local(app, t)]:
        await presence().remove(_local_pages.pop(token), token)
    for token in [t for t in _watching if not is_local(app, t)]:
        _watching.pop(token, None)
    await presence().refresh([(user_id, token) for token, user_id in _local_pages.items()])


async def _resync(app: rx.App) -> None:
    """After the bus was cut off: every page here reloads its counts and what it watches (events may be lost)."""
    for token, user_id in list(_local_pages.items()):
        if is_local(app, token):
            await push(app, token, user_id, {"kind": RESYNC})
    for token, channel, cls in _watchers(app):
        await reload(app, token, cls, channel)
