"""The collaboration page kept live, over real databases, sessions and buses.

Two levels, as for messages (test_live_state.py, test_bus_and_presence.py):

- what the services publish: once a change to a collaboration commits (a move of either party or
  an admin, a rating, a submission, an analysis result, a retry), one "changed" event on the
  collaboration's own channel, saying nothing else; nothing for a change that was rolled back.
  On the in-process bus and on Redis.
- what an open page does with that push (`_reload_live`, as state/live_delivery.py calls it): it shows the
  collaboration as it is now, as its own viewer, without loading the page again; the creator's,
  the business's and an admin's page alike. A tab that moved on, a push about another
  collaboration or a page whose session ended are left alone, and a push does not keep a session
  alive.

The last hop, `modify_state` sending the change down a browser's socket, is the e2e test's
(tests/e2e/test_collaboration_flow.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from reflex.state import State
from sqlmodel import select

from influfinder import database
from influfinder.domain.enums import AnalysisStatus, UserType
from influfinder.i18n import use_language
from influfinder.integrations import bus
from influfinder.models import ContentSubmission, UserSession
from influfinder.services import analysis, collaborations, effects, live_updates, ratings, sessions, submissions
from influfinder.services.actors import Actor
from influfinder.state import live_delivery, live_pages
from influfinder.state.collaboration_detail import DONE, CollaborationDetailState
from influfinder.state.live import LiveState
from tests.support.media import photo
from tests.support.people import collaborating, cookie_header, empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration

WAIT = 10.0  # seconds: a ceiling for "it arrives", never a measure of speed
ZONE = "Europe/Madrid"
CAPTION = "Sunday brunch on the terrace #ad"
MARKER = "test:marker"
UNREACHABLE = "The AI service could not be reached. Try again later."


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('live_collaboration') / 'live.db'}"
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, tmp_path) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="live-collaboration-secret", UPLOAD_DIR=str(tmp_path / "up"))
    reset_app_caches()
    live_updates.install()  # as the live_delivery lifespan task does: analysis results are announced
    yield
    settle()
    live_updates.uninstall()
    empty_every_table()
    reset_app_caches()


@pytest.fixture(params=["in-process", pytest.param("redis", marks=pytest.mark.redis)])
def on_bus(request, settings_env) -> None:
    """The app's bus (and with it sessions and rate limits) on Redis or in this process."""
    if request.param == "redis":
        settings_env.set(REDIS_URL=request.getfixturevalue("redis_url"))
    reset_app_caches()


def broken_ai(settings_env) -> None:
    """OpenAI at a port where nothing listens: every analysis fails, quickly."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings_env.set(OPENAI_API_KEY="test-key-not-real", OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1")


# ---- a collaboration and its moves -------------------------------------------------------------------


@dataclass(frozen=True)
class Deal:
    id: uuid.UUID
    creator: Actor
    business: Actor

    @property
    def channel(self) -> str:
        return live_updates.collaboration_channel(self.id)


def deal() -> Deal:
    creator, business = person(name="Nora Flores"), person(UserType.BUSINESS, name="Café Aurora")
    return Deal(collaborating(creator, business), creator, business)


def call(fn, *args):
    """One service call in its own transaction, as a handler runs it."""
    with database.session_scope() as db:
        return fn(db, *args)


def settle() -> None:
    """Let the after-commit effects, the analyses they queue and the analyses' own announcements finish."""
    effects.drain()
    analysis.drain()
    effects.drain()


def propose(d: Deal) -> None:
    call(collaborations.propose_visit, d.creator, d.id, datetime.now(timezone.utc) + timedelta(days=3))


def confirm(d: Deal) -> None:
    call(collaborations.confirm_visit, d.business, d.id)


def mark_visited(d: Deal) -> None:
    call(collaborations.mark_visited_by_hand, d.business, d.id, "She came on Saturday.")


def submit(d: Deal) -> uuid.UUID:
    return call(submissions.submit_content, d.creator, d.id, [("brunch.jpg", photo())], [],
                {"INSTAGRAM": CAPTION}, "INSTAGRAM", None, False)


def visited() -> Deal:
    d = deal()
    propose(d)
    confirm(d)
    mark_visited(d)
    settle()
    return d


def move_rolled_back(d: Deal) -> None:
    with pytest.raises(RuntimeError):
        with database.session_scope() as db:
            collaborations.mark_visited_by_hand(db, d.business, d.id, "")
            raise RuntimeError("the request failed after the move")


def changed(d: Deal) -> tuple[str, dict]:
    return d.channel, {"kind": "changed", "collaboration_id": str(d.id)}


# ---- what the services publish ---------------------------------------------------------------------


class Heard:
    """The collaboration events on the app's bus, as a backend process hears them."""

    async def __aenter__(self) -> Heard:
        self.events: list[tuple[str, dict]] = []
        self._marked = asyncio.Event()
        self._subscription = await bus.subscribe(self._hear)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._subscription.close()

    async def _hear(self, channel: str, payload: dict) -> None:
        if channel == MARKER:
            self._marked.set()
        elif channel.startswith("collaboration:"):
            self.events.append((channel, payload))

    async def after(self, fn, *args) -> list[tuple[str, dict]]:
        """What was heard while `fn(*args)` ran and its effects settled."""
        self.events.clear()
        await asyncio.to_thread(fn, *args)
        await asyncio.to_thread(settle)
        # Published last, so heard last: everything the change published has arrived before it.
        self._marked.clear()
        bus.publish(MARKER, {})
        async with asyncio.timeout(WAIT):
            await self._marked.wait()
        return list(self.events)


def test_each_committed_change_is_announced_once_on_the_collaborations_own_channel(on_bus):
    d, disputed = deal(), deal()
    admin = person(admin=True)

    async def scenario():
        async with Heard() as heard:
            once = [changed(d)]
            assert await heard.after(propose, d) == once
            assert await heard.after(confirm, d) == once
            assert await heard.after(move_rolled_back, d) == []
            assert await heard.after(mark_visited, d) == once
            # The submission, then its analysis result: "Analyzing…", then the score.
            assert await heard.after(submit, d) == once * 2
            [sid] = await asyncio.to_thread(submission_ids, d)
            # Approving straight from "submitted" is two moves in one transaction: one event.
            assert await heard.after(call, submissions.approve, d.business, sid) == once
            assert await heard.after(call, ratings.rate, d.creator, d.id, 4, "") == once
            # The second rating completes the collaboration in the same transaction: one event.
            assert await heard.after(call, ratings.rate, d.business, d.id, 5, "Lovely") == once
            assert await heard.after(call, collaborations.open_dispute, disputed.creator, disputed.id,
                                     "They never answered.") == [changed(disputed)]
            assert await heard.after(call, collaborations.resolve_dispute, admin, disputed.id, "CANCELLED",
                                     "Settled with both.") == [changed(disputed)]

    asyncio.run(scenario())


def test_a_failed_analysis_and_its_retry_are_announced(settings_env):
    d = visited()
    broken_ai(settings_env)

    async def scenario():
        async with Heard() as heard:
            assert await heard.after(submit, d) == [changed(d)] * 2
            [sid] = await asyncio.to_thread(submission_ids, d)
            settings_env.set(OPENAI_API_KEY=None, OPENAI_BASE_URL=None)
            # The retry's commit ("Analyzing…" on both pages), then its result.
            assert await heard.after(call, analysis.retry_analysis, d.business, sid) == [changed(d)] * 2

    asyncio.run(scenario())


def submission_ids(d: Deal) -> list[uuid.UUID]:
    with database.session_scope() as db:
        return list(db.exec(select(ContentSubmission.id).where(ContentSubmission.collaboration_id == d.id)))


# ---- what an open page does with a push ---------------------------------------------------------------


class Tab:
    """One open tab on /collaborations/<id>: its state tree as Reflex keeps it between events."""

    def __init__(self, collab_id: uuid.UUID, viewer: Actor) -> None:
        self.token, self.root = session_for(viewer), State(_reflex_internal_init=True)
        self.client = f"tab-{uuid.uuid4().hex[:8]}"
        self.go(f"/collaborations/{collab_id}")
        self.page = self.root.get_substate(CollaborationDetailState.get_full_name().split(".")[1:])
        asyncio.run(CollaborationDetailState.event_handlers["load"].fn(self.page, ZONE))

    def go(self, path: str) -> None:
        data = {"headers": {"cookie": cookie_header(self.token), "origin": "http://localhost:3000"},
                "pathname": path, "asPath": path, "query": {}, "ip": "127.0.0.1", "token": self.client, "sid": "s1"}
        self.root.router_data = self.root._update_router_vars(data, self.root.router_data)

    def pushed(self, channel: str) -> CollaborationDetailState:
        """What the page shows after the live push for `channel` reached it."""
        asyncio.run(self.page._reload_live(channel))
        return self.page

    def click(self, handler: str, *args) -> CollaborationDetailState:
        async def run():
            async for _update in CollaborationDetailState.event_handlers[handler].fn(self.page, *args):
                pass

        asyncio.run(run())
        return self.page


def pushed(d: Deal, *tabs: Tab) -> None:
    settle()
    for tab in tabs:
        tab.pushed(d.channel)


def test_each_partys_open_page_follows_the_others_moves_and_an_admins_follows_both():
    d = deal()
    creator, business, admin = Tab(d.id, d.creator), Tab(d.id, d.business), Tab(d.id, person(admin=True))
    assert creator.page.status == "ACCEPTED" and "propose_visit" in creator.page.actions

    propose(d)
    pushed(d, business, admin)
    assert business.page.awaiting_me and business.page.proposed_when and "confirm_visit" in business.page.actions
    assert admin.page.status == "SCHEDULED" and not admin.page.awaiting_me

    confirm(d)
    pushed(d, creator)
    assert re.fullmatch(r"[2-9A-Z]{8}", creator.page.visit_code) and creator.page.confirmed_when
    assert creator.page.timeline[0].label and creator.page.timeline[0].who == "Café Aurora"

    mark_visited(d)
    pushed(d, creator)
    assert "submit_content" in creator.page.actions and creator.page.visit_code == ""

    sid = submit(d)
    pushed(d, business)
    assert business.page.status == "CONTENT_SUBMITTED"
    [version] = business.page.versions
    assert (version.id, version.can_review, version.captions[0].text) == (str(sid), True, CAPTION)
    assert version.analysis.state == "done" and version.analysis.score  # the analysis ran meanwhile

    call(submissions.approve, d.business, sid)
    pushed(d, creator)
    assert creator.page.approved and "rate" in creator.page.actions

    call(ratings.rate, d.business, d.id, 5, "Lovely photos")
    pushed(d, creator)
    assert "rate" in creator.page.actions
    # double-blind: the creator sees what it received only once it rated too
    assert (creator.page.rating_received, creator.page.feedback_received) == (0, "")

    call(ratings.rate, d.creator, d.id, 4, "")
    pushed(d, business, admin, creator)
    assert business.page.status == admin.page.status == "COMPLETED"
    assert business.page.rating_received == 4 and business.page.completed_when
    assert (creator.page.rating_received, creator.page.feedback_received) == (5, "Lovely photos")


def test_an_analysis_shows_as_analyzing_then_failed_with_retry_then_its_result(settings_env):
    d = visited()
    creator, business = Tab(d.id, d.creator), Tab(d.id, d.business)
    broken_ai(settings_env)
    sid = submit(d)
    pushed(d, creator, business)
    for tab in (creator, business):
        [version] = tab.page.versions
        assert (version.analysis.state, version.analysis.error, version.can_retry) == ("failed", UNREACHABLE, True)

    settings_env.set(OPENAI_API_KEY=None, OPENAI_BASE_URL=None)
    assert creator.click("retry_analysis", str(sid)).notice == DONE["retry"]
    pushed(d, creator, business)
    for tab in (creator, business):
        assert tab.page.versions[0].analysis.state == "done" and tab.page.versions[0].analysis.score

    # As the row stands while its analysis waits in the queue: both pages say "Analyzing…" ...
    set_analysis(sid, AnalysisStatus.PENDING)
    pushed(d, creator, business)
    assert creator.page.versions[0].analysis.state == business.page.versions[0].analysis.state == "running"
    # ... until the worker stores the result and announces it.
    analysis.run_analysis(sid)
    pushed(d, creator, business)
    assert creator.page.versions[0].analysis.state == business.page.versions[0].analysis.state == "done"


def set_analysis(sid: uuid.UUID, status: AnalysisStatus) -> None:
    with database.session_scope() as db:
        db.exec(sa.update(ContentSubmission).where(ContentSubmission.id == sid).values(analysis_status=status))


def test_a_push_leaves_alone_another_collaborations_page_a_tab_that_moved_on_and_an_ended_session():
    d, other = deal(), deal()
    elsewhere, moved_on, signed_out = Tab(other.id, other.creator), Tab(d.id, d.business), Tab(d.id, d.creator)
    propose(d)
    propose(other)
    settle()
    assert elsewhere.pushed(d.channel).status == "ACCEPTED"  # a push about d: not this page's
    moved_on.go("/offers")
    assert moved_on.pushed(d.channel).status == "ACCEPTED"
    sessions.end(signed_out.token)  # logged out in another tab
    assert signed_out.pushed(d.channel).status == "ACCEPTED"
    assert elsewhere.pushed(other.channel).status == "SCHEDULED"  # its own news still arrives


def test_a_push_does_not_keep_the_viewers_session_alive():
    d = deal()
    tab = Tab(d.id, d.creator)
    idle_since = datetime.now(timezone.utc) - timedelta(minutes=10)
    with database.session_scope() as db:
        db.exec(sa.update(UserSession).where(UserSession.token_hash == sessions.hash_secret(tab.token))
                .values(last_seen_at=idle_since))
    propose(d)
    pushed(d, tab)
    assert tab.page.status == "SCHEDULED"
    with database.session_scope() as db:
        row = db.exec(select(UserSession).where(UserSession.token_hash == sessions.hash_secret(tab.token))).one()
    assert abs(row.last_seen_at.replace(tzinfo=timezone.utc) - idle_since) < timedelta(seconds=1)


def test_a_page_watches_its_collaboration_until_the_tab_loads_another_page():
    d, stranger = deal(), person()
    tab = Tab(d.id, d.business)
    assert live_pages.watching[tab.client] == (d.channel, CollaborationDetailState)
    tab.go("/offers")
    asyncio.run(LiveState.event_handlers["track"].fn(tab.root.get_substate(LiveState.get_full_name().split(".")[1:])))
    assert tab.client not in live_pages.watching
    nosy = Tab(d.id, stranger)  # not a party: "not found", and nothing to watch
    assert not nosy.page.found and nosy.client not in live_pages.watching


def test_a_notice_about_a_step_goes_once_the_other_party_moves_on_and_the_stepper_follows():
    d = deal()
    propose(d)
    confirm(d)
    business = Tab(d.id, d.business)
    assert (business.page.step, business.page.step_due != "", business.page.step_late) == (1, True, "")
    business.click("mark_visited_by_hand", {"note": "She came on Saturday."})
    assert business.page.status == "VISITED" and business.page.notice != ""  # "Visit marked..."
    assert business.page.step == 2

    submit(d)
    pushed(d, business)
    assert business.page.status == "CONTENT_SUBMITTED" and business.page.step == 3
    assert business.page.notice == ""  # news of the visit is stale now


class OneTabApp:
    """Just enough of the app for `live_delivery.reload`: the tab's state tree, as modify_state hands it over."""

    def __init__(self, tab: Tab) -> None:
        self.tab = tab

    @contextlib.asynccontextmanager
    async def modify_state(self, _token):
        yield self.tab.root


def test_a_push_to_an_english_page_shows_english_dates_though_the_delivery_task_speaks_spanish():
    d = deal()
    business = Tab(d.id, d.business)
    business.go(f"/en/collaborations/{d.id}")
    propose(d)
    settle()
    with use_language("es"):  # the live_delivery task's own language: no event set it
        asyncio.run(live_delivery.reload(OneTabApp(business), business.client, CollaborationDetailState, d.channel))
    assert re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ [A-Z][a-z]{2} \d{4}, \d\d:\d\d$", business.page.proposed_when)
