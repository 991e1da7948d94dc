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
import logging
import uuid

import reflex as rx
from reflex.state import StateUpdate
from reflex_base import constants
from reflex_base.event import Event

from influfinder.i18n import use_language
from influfinder.i18n.language import set_language
from influfinder.i18n.routes import language_of_path
from influfinder.integrations import bus
from influfinder.integrations.prometheus_metrics import LIVE_UPDATES
from influfinder.integrations.presence import PING_SECONDS, presence
from influfinder.services import live_updates, unit_of_work
from influfinder.services.subscribers import install_subscribers
from influfinder.state.live import MISSED, NEXT, LiveState
from influfinder.state.live_pages import (
    delivered, forget_page, is_local, local_pages, pages_of, pushing, session_user, watchers, watching,
)

log = logging.getLogger(__name__)


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
        await asyncio.gather(*(reload(app, token, cls, watched) for token, watched, cls in watchers(app, channel)))
        return
    user_id = event.get("user_id")
    if not isinstance(user_id, str):
        return
    for token in [t for t in pages_of.get(user_id, ()) if is_local(app, t)]:
        _in_turn(token, push(app, token, user_id, event))


def _in_turn(token: str, work) -> asyncio.Task:
    """Run `work` after the page's earlier pushes (each page's updates keep their order)."""
    previous = pushing.get(token)

    async def run() -> None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        await work

    task = asyncio.create_task(run(), name="live-push")
    pushing[token] = task
    task.add_done_callback(lambda done: pushing.pop(token, None) if pushing.get(token) is done else None)
    return task


async def push(app: rx.App, token: str, user_id: str, event: dict) -> None:
    """Apply one update to one page: the next number is applied, a jump catches up, a repeat is dropped."""
    try:
        async with app.modify_state(rx.BaseStateToken(ident=token, cls=LiveState)) as root:
            live = await root.get_state(LiveState)
            set_language(language_of_path(live.router.url.path))  # this task only: see reload()
            if not live._user_id and local_pages.get(token) == user_id:
                lost = True  # this process registered the page for the user: its Reflex state is gone
            elif live._user_id != user_id or await asyncio.to_thread(session_user, live) != user_id:
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
    for token in [t for t in local_pages if not is_local(app, t)]:
        await presence().remove(forget_page(token), token)
    for token in [t for t in watching if not is_local(app, t)]:
        watching.pop(token, None)
    await presence().refresh([(user_id, token) for token, user_id in local_pages.items()])


async def catch_up_behind(app: rx.App) -> None:
    """Pages whose last update is older than their user's last number catch up (an update was lost
    and nothing came after it to show the jump)."""
    pages = [(t, u) for t, u in list(local_pages.items()) if is_local(app, t)]
    if not pages:
        return
    users = sorted({uuid.UUID(u) for _, u in pages})
    latest = await unit_of_work.acall(unit_of_work.ANONYMOUS, unit_of_work.for_anyone(live_updates.sequences), users)
    for token, user_id in pages:
        if latest.get(user_id, 0) > delivered.get(token, 0):
            _in_turn(token, push(app, token, user_id, {"kind": "sync", "seq": latest[user_id]}))


async def _resync(app: rx.App) -> None:
    """After the bus was cut off (events may be lost): register this process's pages again (Redis may
    have restarted empty), then every page catches up and reloads what it watches."""
    await refresh_presence(app)
    for token, user_id in list(local_pages.items()):
        if is_local(app, token):
            _in_turn(token, push(app, token, user_id, {"kind": "sync", "seq": float("inf")}))
    for token, channel, cls in watchers(app):
        await reload(app, token, cls, channel)
