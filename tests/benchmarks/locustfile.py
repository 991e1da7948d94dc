"""Locust users of Influfinder, through the real socket protocol (run by test_locust_load.py).

Each simulated user is one signed-in person with one open tab: a socket to `/_event` speaking
Reflex's protocol (tests/support/socket_page.py `routed`/`apply_update`), on one of the backends
named in LOCUST_BACKENDS (comma-separated base URLs; users are spread over them). Every page
change is what the browser sends: the page's on_load handlers with the new address. A request in
Locust's statistics is one event kind, timed from the emit to the update that answers it.

Creators browse and filter, search words, open offers, apply (once per offer), read their
notifications and answer their messages; businesses read their notifications, open their offers'
applications, accept applicants and write to them. The people, sessions and offers come from
LOCUST_WORLD (a JSON file the runner writes).

A message travels as the browser sends it: the text is typed over the socket (`set_draft`), then the
composer posts to Reflex's upload endpoint (`/_upload`, the tab's token and the handler in its
headers, the files, here none, as multipart) and the answer streams back in that response.
"""

from __future__ import annotations

# Locust patches the standard library for gevent when imported: before anything opens sockets or SSL.
from locust import User, between, events, task  # isort: skip

import itertools
import json
import os
import random
import time

import gevent
import requests
import socketio
from gevent.event import Event as Signal

from tests.support.socket_page import EVENT_PATH, ROOT_STATE, apply_update, routed

WORLD = json.loads(open(os.environ["LOCUST_WORLD"]).read()) if os.environ.get("LOCUST_WORLD") else {}
BACKENDS = itertools.cycle(os.environ.get("LOCUST_BACKENDS", "").split(","))
STATES = WORLD.get("states", {})
FILTERS = ["category=FOOD", "category=FOOD&city=Madrid", "platform=instagram", "currency=EUR",
           "compensation_type=PAID", "category=FASHION", "category=TRAVEL&platform=tiktok", "sort=closing"]
WORDS = ["coffee", "brunch", "hotel", "yoga", "sneakers", "tapas", "skincare", "concert", "vino", "surf"]
TIMEOUT = 30
EMPTY_MULTIPART = ("multipart/form-data; boundary=influfinder-locust", b"--influfinder-locust--\r\n")


class Tab:
    """One tab over a blocking python-socketio client (gevent-friendly), timed into Locust's stats."""

    def __init__(self, user: User, base_url: str, cookie: str) -> None:
        self.user, self.base_url, self.path, self.params = user, base_url, "/", {}
        self.vars: dict[str, dict] = {}
        self.updates, self.changed = 0, Signal()
        self.client = socketio.Client(reconnection=False)
        self.client.on("event", self._on_update, namespace=EVENT_PATH)
        self.cookie, self.token = cookie, ""
        self.http = requests.Session()

    def _on_update(self, update: dict) -> None:
        self.updates += 1
        for event in apply_update(self.vars, update, []):
            self.client.emit("event", routed(event["name"], event.get("payload") or {}, self.path, self.params),
                             namespace=EVENT_PATH)
        self.changed.set()

    def var(self, state: str, name: str):
        return self.vars.get(STATES[state], {}).get(name)

    def open(self, path: str) -> None:
        self.path = path
        self.token = os.urandom(16).hex()
        start = time.perf_counter()
        try:
            self.client.connect(f"{self.base_url}?token={self.token}", transports=["websocket"],
                                socketio_path=EVENT_PATH, namespaces=[EVENT_PATH], wait_timeout=TIMEOUT,
                                headers={"Cookie": self.cookie},  # websocket-client sends the Origin itself
                                auth={"event": routed(f"{ROOT_STATE}.hydrate_and_load", {}, path, {})})
            self._wait(lambda: self.vars.get(ROOT_STATE, {}).get("is_hydrated") is True)
            self._report("connect and load", start, None)
        except Exception as error:  # noqa: BLE001 - counted as a failure, the user goes on
            self._report("connect and load", start, error)

    def visit(self, kind: str, path: str, handlers: list[str], done, params: dict | None = None) -> None:
        """Go to `path` inside the app and run its on_load `handlers`; timed until `done()`."""
        self.path, self.params = path, params or {}
        start, seen = time.perf_counter(), self.updates
        try:
            for handler in handlers:
                self.client.emit("event", routed(handler, {}, path, self.params), namespace=EVENT_PATH)
            self._wait(lambda: self.updates > seen and done())
            self._report(kind, start, None)
        except Exception as error:  # noqa: BLE001
            self._report(kind, start, error)

    def call(self, kind: str, handler: str, done, **payload) -> None:
        start, seen = time.perf_counter(), self.updates
        try:
            self.client.emit("event", routed(handler, payload, self.path, self.params), namespace=EVENT_PATH)
            self._wait(lambda: self.updates > seen and done())
            self._report(kind, start, None)
        except Exception as error:  # noqa: BLE001
            self._report(kind, start, error)

    def upload(self, kind: str, handler: str) -> None:
        """Run an upload handler as the page's composer does: a multipart POST (no files) to /_upload."""
        content_type, body = EMPTY_MULTIPART
        start = time.perf_counter()
        try:
            answer = self.http.post(f"{self.base_url}/_upload", data=body, timeout=TIMEOUT, headers={
                "Cookie": self.cookie, "Content-Type": content_type, "Reflex-Client-Token": self.token,
                "Reflex-Event-Handler": handler})
            answer.raise_for_status()
            for line in answer.text.splitlines():  # the handler's updates, streamed in the response
                if line.strip():
                    self._on_update(json.loads(line))
            self._report(kind, start, None)
        except Exception as error:  # noqa: BLE001
            self._report(kind, start, error)

    def _wait(self, condition) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer on {self.path} within {TIMEOUT}s")
            self.changed.clear()
            self.changed.wait(0.5)

    def _report(self, kind: str, start: float, error: Exception | None) -> None:
        self.user.environment.events.request.fire(
            request_type="socket", name=kind, response_time=(time.perf_counter() - start) * 1000,
            response_length=0, exception=error, context={})

    def close(self) -> None:
        if self.client.connected:
            self.client.disconnect()


class Person(User):
    abstract = True
    wait_time = between(1, 4)
    people: list[dict] = []

    def on_start(self) -> None:
        self.me = self.people.pop() if self.people else random.choice(type(self).all_people)
        self.tab = Tab(self, next(BACKENDS), self.me["cookie"])
        self.tab.open("/offers")

    def on_stop(self) -> None:
        self.tab.close()

    def loaded(self, state: str):
        return lambda: self.tab.var(state, "loading") is False

    def write_to(self, user_id: str, text: str) -> None:
        """Open the chat with `user_id`, type `text` and send it through the composer."""
        self.tab.visit("open a chat", f"/messages/{user_id}",
                       [STATES["LiveState"] + ".load_chat", STATES["ChatComposerState"] + ".reset_composer"],
                       lambda: self.tab.var("LiveState", "chat_with") == user_id, {"user_id": user_id})
        if not self.tab.var("LiveState", "chat_can_send"):
            return
        self.tab.call("type a message", STATES["ChatComposerState"] + ".set_draft",
                      lambda: self.tab.var("ChatComposerState", "draft") == text, value=text)
        self.tab.upload("send a message", STATES["ChatComposerState"] + ".send")

    @task(2)
    def read_notifications(self) -> None:
        self.tab.visit("notifications", "/notifications", [STATES["NotificationsPageState"] + ".load"],
                       self.loaded("NotificationsPageState"))


class Creator(Person):
    weight = 4
    all_people = WORLD.get("creators", [])
    people = list(all_people)

    @task(4)
    def browse_and_filter(self) -> None:
        self.tab.visit("browse with a filter", f"/offers?{random.choice(FILTERS)}",
                       [STATES["OfferListState"] + ".load"], self.loaded("OfferListState"))

    @task(2)
    def search_words(self) -> None:
        self.tab.visit("search words", f"/offers?q={random.choice(WORDS)}", [STATES["OfferListState"] + ".load"],
                       self.loaded("OfferListState"))

    @task(3)
    def open_offer(self) -> None:
        offer = random.choice(WORLD["offers"])
        self.tab.visit("open an offer", f"/offers/{offer}", [STATES["OfferDetailState"] + ".load"],
                       self.loaded("OfferDetailState"), {"offer_id": offer})

    @task(1)
    def apply(self) -> None:
        self.open_offer()
        if not self.tab.var("OfferDetailState", "can_apply"):
            return
        form = {"message": "I would love to film a reel of this for my followers.", "proposed_fee": "", "links": ""}
        self.tab.call("apply", STATES["OfferDetailState"] + ".apply",
                      lambda: self.tab.var("OfferDetailState", "busy") is False, form=form)

    @task(1)
    def answer_messages(self) -> None:
        self.tab.visit("conversations", "/messages", [STATES["ConversationsState"] + ".load"],
                       self.loaded("ConversationsState"))
        unread = [row for row in self.tab.var("ConversationsState", "rows") or [] if row.get("unread")]
        if unread:
            self.write_to(random.choice(unread)["user_id"], "Thanks! Saturday morning works for me.")


class Business(Person):
    weight = 1
    all_people = WORLD.get("businesses", [])
    people = list(all_people)

    @task(2)
    def open_applications(self) -> None:
        offer = random.choice(self.me["offers"])
        self.tab.visit("open an offer's applications", f"/my-offers/{offer}/applications",
                       [STATES["OfferApplicationsState"] + ".load"], self.loaded("OfferApplicationsState"),
                       {"offer_id": offer})

    @task(1)
    def accept_and_write(self) -> None:
        """Open one applicant's application, accept it while the offer has room, and write to them."""
        self.open_applications()
        rows = self.tab.var("OfferApplicationsState", "rows") or []
        if not rows:
            return
        row = random.choice(rows)
        self.tab.visit("open an application", f"/applications/{row['id']}", [STATES["ApplicationState"] + ".load"],
                       self.loaded("ApplicationState"), {"application_id": row["id"]})
        if self.tab.var("ApplicationState", "can_accept"):
            self.tab.call("accept", STATES["ApplicationState"] + ".accept",
                          lambda: self.tab.var("ApplicationState", "working") is False, form={"agreed_fee": ""})
        self.write_to(row["creator_id"], "Hi! When could you come by for the visit?")


@events.quitting.add_listener
def _close_all(environment, **_kwargs) -> None:
    gevent.sleep(0)
