"""Locust users of Influfinder, through the real socket protocol (run by test_locust_load.py).

Each simulated user is one signed-in person with one open tab: a socket to `/_event` speaking
Reflex's protocol (tests/support/socket_page.py `routed`/`apply_update`), on one of the backends
named in LOCUST_BACKENDS (comma-separated base URLs; users are spread over them). Every page
change is what the browser sends: the page's on_load handlers with the new address. A request in
Locust's statistics is one event kind, timed from the emit to the update that answers it.

Creators browse and filter, search words, open offers, apply (once per offer), and read their
notifications; businesses read their notifications and open their offers' applications. The
people, sessions and offers come from LOCUST_WORLD (a JSON file the runner writes).

Not simulated (yet): accepting applications and sending messages (the composer sends through
Reflex's upload endpoint, not the socket).
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


class Tab:
    """One tab over a blocking python-socketio client (gevent-friendly), timed into Locust's stats."""

    def __init__(self, user: User, base_url: str, cookie: str) -> None:
        self.user, self.base_url, self.path, self.params = user, base_url, "/", {}
        self.vars: dict[str, dict] = {}
        self.updates, self.changed = 0, Signal()
        self.client = socketio.Client(reconnection=False)
        self.client.on("event", self._on_update, namespace=EVENT_PATH)
        self.cookie = cookie

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
        token = os.urandom(16).hex()
        start = time.perf_counter()
        try:
            self.client.connect(f"{self.base_url}?token={token}", transports=["websocket"],
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


@events.quitting.add_listener
def _close_all(environment, **_kwargs) -> None:
    gevent.sleep(0)
