"""Side effects that run after a transaction commits (DESIGN rule 6).

A service calls `after_commit(db, fn, *args)`; when that session commits, each callback runs in a
worker thread (mail, pushes), so the event loop never waits on it and a failure never undoes the
committed change. A rollback discards the callbacks.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_KEY = "influfinder_after_commit"
_SEEN_KEY = "influfinder_after_commit_seen"
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="influfinder-effects")
_pending: set[Future] = set()


def after_commit(db: Session, fn: Callable[..., Any], *args: Any) -> None:
    db.info.setdefault(_KEY, []).append((fn, args))
    try:
        db.info.setdefault(_SEEN_KEY, set()).add((fn, args))
    except TypeError:  # unhashable arguments: after_commit_once looks through the list instead
        pass


def after_commit_once(db: Session, fn: Callable[..., Any], *args: Any) -> None:
    """`after_commit`, unless this very call already waits for this commit (one push for two moves)."""
    try:  # events are frozen dataclasses: the set answers at once, where the list took a scan per call
        if (fn, args) in db.info.get(_SEEN_KEY, ()):
            return
    except TypeError:
        if (fn, args) in db.info.get(_KEY, []):
            return
    after_commit(db, fn, *args)


def discard_pending(db: Session) -> None:
    """Forget the effects waiting for this session's commit. For the demo (services/demo), which
    replays months of the past at start-up: its mails and pushes are long out of date, and nobody waits."""
    db.info.pop(_KEY, None)
    db.info.pop(_SEEN_KEY, None)


def _safe(fn: Callable[..., Any], args: tuple) -> None:
    try:
        fn(*args)
    except Exception:  # noqa: BLE001 - logged with context, never raised into the request
        log.exception("side effect %s failed", getattr(fn, "__name__", fn))


@event.listens_for(Session, "after_commit")
def _run(session: Session) -> None:
    session.info.pop(_SEEN_KEY, None)
    for fn, args in session.info.pop(_KEY, []):
        future = _pool.submit(_safe, fn, args)
        _pending.add(future)
        future.add_done_callback(_pending.discard)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(_SEEN_KEY, None)


def drain(timeout: float = 30.0) -> None:
    """Wait for the side effects already started (tests, and a clean shutdown)."""
    wait(list(_pending), timeout=timeout)
