"""Every event handler is a public RPC (DESIGN rule 2). Called with no session and hostile
arguments, none may change a row or put private data into a var that reaches the browser.

The handlers are enumerated from the app's state tree, not listed by hand, so a handler added
later is covered without touching this file.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import json

import pytest
import sqlalchemy as sa
from reflex.state import State

from tests.support.state_tree import substates

HOSTILE_ARGUMENTS = [
    None,
    {"$gt": 1},
    "'; DROP TABLE users; --",
    10**12,
    ["admin"],
    {"identifier": "admin@influfinder.demo", "password": {"$ne": ""}, "email": ["x"], "token": 1},
    "x" * 20_000,
]


@pytest.fixture(scope="module")
def app_with_demo(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    db_file = tmp_path_factory.mktemp("anon") / "anon.db"
    mp.setenv("DATABASE_URL", f"sqlite:///{db_file}")
    mp.setenv("SECRET_KEY", "anonymous-handler-test")
    mp.setenv("BCRYPT_ROUNDS", "4")
    mp.delenv("REDIS_URL", raising=False)
    from influfinder import database
    from influfinder.integrations import cache
    from influfinder.integrations import rate_limit
    from influfinder.services import sessions
    from influfinder.settings import reset_settings_cache

    def reset():
        reset_settings_cache()
        database.engine.cache_clear()
        cache.redis_client.cache_clear()
        sessions.store.cache_clear()
        rate_limit.limiter.cache_clear()

    reset()
    database.migrate()
    from influfinder.services.demo_data import load_demo_data

    with database.session_scope() as db:
        load_demo_data(db)
    import influfinder.influfinder  # noqa: F401  (registers every page and state)

    yield database
    mp.undo()
    reset()


def our_handlers():
    import influfinder.influfinder  # noqa: F401

    for cls in substates(State):
        if not cls.__module__.startswith("influfinder."):
            continue
        for name, handler in cls.event_handlers.items():
            yield pytest.param(cls, name, handler, id=f"{cls.__name__}.{name}")


def _fingerprint(database) -> str:
    digest = hashlib.sha256()
    with database.engine().connect() as connection:
        for table in sorted(sa.inspect(connection).get_table_names()):
            rows = connection.execute(sa.text(f'SELECT * FROM "{table}"')).fetchall()
            digest.update(f"{table}:{sorted(map(repr, rows))}".encode())
    return digest.hexdigest()


def _private_strings(database) -> list[str]:
    with database.engine().connect() as connection:
        emails = connection.execute(sa.text("SELECT email FROM users")).scalars().all()
        hashes = connection.execute(sa.text("SELECT password_hash FROM users WHERE password_hash IS NOT NULL")).scalars().all()
        tokens = connection.execute(sa.text("SELECT token_hash FROM user_sessions")).scalars().all()
    return [*emails, *hashes, *tokens]


async def _drain(result):
    if inspect.isasyncgen(result):
        return [item async for item in result]
    if inspect.iscoroutine(result):
        return await result
    if inspect.isgenerator(result):
        return list(result)
    return result


def _state_for(cls):
    root = State(_reflex_internal_init=True)
    root.router_data = {"headers": {"cookie": "", "user-agent": "pytest"}, "pathname": "/", "query": {},
                        "ip": "127.0.0.1"}
    return root, root.get_substate(cls.get_full_name().split(".")[1:])


def _calls(handler):
    params = [p for p in inspect.signature(handler.fn).parameters.values() if p.name != "self"]
    if not params:
        yield ()
        return
    for value in HOSTILE_ARGUMENTS:
        yield tuple(value for _ in params)


@pytest.mark.parametrize(("cls", "name", "handler"), list(our_handlers()))
def test_handler_without_session_changes_nothing_and_reveals_nothing(app_with_demo, cls, name, handler):
    database = app_with_demo
    before = _fingerprint(database)
    private = _private_strings(database)
    for args in _calls(handler):
        root, state = _state_for(cls)
        try:
            asyncio.run(_drain(handler.fn(state, *args)))
        except (TypeError, AttributeError, ValueError) as error:
            # Refusing a malformed call by raising is acceptable: nothing may have changed.
            assert "Traceback" not in str(error)
        sent = json.dumps(root.dict(), default=str)
        leaked = [secret for secret in private if secret and secret in sent]
        assert not leaked, f"{cls.__name__}.{name}{args!r:.80} put private data in vars: {leaked[:2]}"
    assert _fingerprint(database) == before, f"{cls.__name__}.{name} changed the database without a session"
