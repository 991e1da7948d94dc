"""Live delivery: what a user's open pages show changes without a reload, on every backend process.

How an event reaches a page:

1. A service commits, then publishes on the bus (services/live_updates, integrations/bus).
2. Every backend process runs `live_delivery` (a lifespan task) subscribed to the bus. For an
   event addressed to a user it pushes to that user's pages connected to THIS process (its own
   registry, filled when they load), with `app.modify_state(token)`: the changed vars go down
   that page's socket. Pages held by other processes are pushed by those processes.
3. A page registers itself when it loads (`LiveState.track`, an on_load handler): in its process's
   registry and in presence (Redis: every process sees which pages a user has open); the process
   refreshes its own pages every PING_SECONDS and forgets those whose socket is gone.

Nothing is kept only in the push. Every update for a user carries the user's next sequence number
(services/live_updates); the page remembers the last one it applied (`_seq`):

- the next number is applied; a number already seen (a duplicate, or older than what the page
  loaded) is ignored;
- a jump means an update was lost on the way (Redis restarted, a publish failed, a socket dropped):
  the page catches up from the database (`_catch_up`: counts, and the open chat back to a line it
  shows);
- a page that reconnects runs its on_load handlers again: `track` reloads the counts and the
  number, `load_chat` the chat;
- a lost update with nothing after it is found within PING_SECONDS: each process compares its
  pages' numbers with the database's (`catch_up_behind`), and after the bus reconnects every page
  of the process catches up (`_resync`);
- a page whose Reflex state was lost (Redis restarted without persistence, or the state expired)
  is asked to hydrate again, which runs its on_load handlers.

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
import uuid
from typing import Any, Callable, TypeVar

import reflex as rx
from reflex.state import StateUpdate
from reflex_base import constants
from reflex_base.event import Event

from influfinder.integrations import bus
from influfinder.integrations.prometheus_metrics import LIVE_UPDATES
from influfinder.integrations.presence import PING_SECONDS, presence
from influfinder.services import live_updates, messages, unit_of_work
from influfinder.services.actors import acting
from influfinder.services.errors import ServiceError
from influfinder.services.subscribers import install_subscribers
from influfinder.state.auth import backend_url, credentials
from influfinder.i18n import translated, use_language
from influfinder.i18n.language import set_language
from influfinder.i18n.routes import language_of_path
from influfinder.state.forms import UNEXPECTED
from influfinder.state.service_handler import call_service, service_handler

log = logging.getLogger(__name__)
T = TypeVar("T")

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
        _watching.pop(self.router.session.client_token, None)  # a page that shows an object watches it again
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
            _forget_page(token)
            await presence().remove(self._user_id, token)
            self._show_snapshot(live_updates.NOBODY)
        self._user_id = user_id
        if user_id and token:
            _remember_page(token, user_id)
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
        _note_delivered(self.router.session.client_token, self._seq)

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
        _note_delivered(self.router.session.client_token, self._seq)
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


# ---- delivery: the lifespan task of every backend process ----------------------------------------

# The pages registered on this process: client token -> user id, and user id -> client tokens.
_local_pages: dict[str, str] = {}
_pages_of: dict[str, set[str]] = {}
_delivered: dict[str, int] = {}  # client token -> the number of the last update the page applied
_pushing: dict[str, asyncio.Task] = {}  # client token -> its latest push (a page's pushes run in order)


def _remember_page(token: str, user_id: str) -> None:
    _forget_page(token)
    _local_pages[token] = user_id
    _pages_of.setdefault(user_id, set()).add(token)


def _note_delivered(token: str, seq: int) -> None:
    if token in _local_pages:  # a signed-out page is not followed
        _delivered[token] = seq


def _forget_page(token: str) -> str | None:
    user_id = _local_pages.pop(token, None)
    _delivered.pop(token, None)
    if user_id is not None:
        tokens = _pages_of.get(user_id, set())
        tokens.discard(token)
        if not tokens:
            _pages_of.pop(user_id, None)
    return user_id


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
    """Push one bus event to the pages of its user (or that watch its object) held by this process.

    The pages come from this process's own registry, not from Redis: a page is pushed by the process
    its socket is connected to, and that process registered it when it loaded. Each page's pushes
    run in order on their own (`_in_turn`), so a page whose state is locked by a slow event of its
    own never holds up the next event for everyone else.
    """
    if channel == bus.RESYNC_CHANNEL:
        await _resync(app)
        return
    if event.get("kind") == "changed":
        await asyncio.gather(*(reload(app, token, cls, watched) for token, watched, cls in _watchers(app, channel)))
        return
    user_id = event.get("user_id")
    if not isinstance(user_id, str):
        return
    for token in [t for t in _pages_of.get(user_id, ()) if is_local(app, t)]:
        _in_turn(token, push(app, token, user_id, event))


def _in_turn(token: str, work) -> asyncio.Task:
    """Run `work` after the page's earlier pushes (each page's updates keep their order)."""
    previous = _pushing.get(token)

    async def run() -> None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        await work

    task = asyncio.create_task(run(), name="live-push")
    _pushing[token] = task
    task.add_done_callback(lambda done: _pushing.pop(token, None) if _pushing.get(token) is done else None)
    return task


async def push(app: rx.App, token: str, user_id: str, event: dict) -> None:
    """Apply one update to one page: the next number is applied, a jump catches up, a repeat is dropped."""
    try:
        async with app.modify_state(rx.BaseStateToken(ident=token, cls=LiveState)) as root:
            live = await root.get_state(LiveState)
            set_language(language_of_path(live.router.url.path))  # this task only: see reload()
            if not live._user_id and _local_pages.get(token) == user_id:
                lost = True  # this process registered the page for the user: its Reflex state is gone
            elif live._user_id != user_id or await asyncio.to_thread(_session_user, live) != user_id:
                return
            else:
                lost = False
                order = live._receive(event)
                if order == NEXT:
                    LIVE_UPDATES.labels("sent").inc()
                elif order == MISSED:
                    await live._catch_up()
                    LIVE_UPDATES.labels("caught_up").inc()
        if lost:
            await ask_to_hydrate(app, token)
    except Exception:  # noqa: BLE001 - one page's failure must not stop the others
        log.exception("live: could not push %s to a page of user %s", event.get("kind"), user_id)


async def ask_to_hydrate(app: rx.App, token: str) -> None:
    """The page hydrates again: its vars come back in full and its on_load handlers (track) run."""
    hydrate = Event(name=f"{rx.State.get_full_name()}.{constants.CompileVars.HYDRATE_AND_LOAD}")
    await app.event_namespace.emit_update(StateUpdate(events=[hydrate]), token)
    LIVE_UPDATES.labels("rehydrated").inc()


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
            # A push runs outside any event of the page (no PageLanguage middleware): its words and
            # dates are written in the page's language all the same.
            with use_language(language_of_path(shown.router.url.path)):
                await shown._reload_live(channel)
    except Exception:  # noqa: BLE001 - one page's failure must not stop the others
        log.exception("live: could not reload a page watching %s", channel)


async def _keep_presence(app: rx.App) -> None:
    while True:
        await asyncio.sleep(PING_SECONDS)
        try:
            await refresh_presence(app)
            await catch_up_behind(app)
        except Exception:  # noqa: BLE001 - Redis may be down for a moment; try again next round
            log.warning("live: could not refresh presence", exc_info=True)


async def refresh_presence(app: rx.App) -> None:
    """Keep this process's connected pages registered; forget the ones whose socket is gone."""
    for token in [t for t in _local_pages if not is_local(app, t)]:
        await presence().remove(_forget_page(token), token)
    for token in [t for t in _watching if not is_local(app, t)]:
        _watching.pop(token, None)
    await presence().refresh([(user_id, token) for token, user_id in _local_pages.items()])


async def catch_up_behind(app: rx.App) -> None:
    """Pages whose last update is older than their user's last number catch up (an update was lost
    and nothing came after it to show the jump)."""
    pages = [(t, u) for t, u in list(_local_pages.items()) if is_local(app, t)]
    if not pages:
        return
    users = sorted({uuid.UUID(u) for _, u in pages})
    latest = await unit_of_work.acall(unit_of_work.ANONYMOUS, unit_of_work.for_anyone(live_updates.sequences), users)
    for token, user_id in pages:
        if latest.get(user_id, 0) > _delivered.get(token, 0):
            _in_turn(token, push(app, token, user_id, {"kind": "sync", "seq": latest[user_id]}))


async def _resync(app: rx.App) -> None:
    """After the bus was cut off (events may be lost): register this process's pages again (Redis may
    have restarted empty), then every page catches up and reloads what it watches."""
    await refresh_presence(app)
    for token, user_id in list(_local_pages.items()):
        if is_local(app, token):
            _in_turn(token, push(app, token, user_id, {"kind": "sync", "seq": float("inf")}))
    for token, channel, cls in _watchers(app):
        await reload(app, token, cls, channel)
