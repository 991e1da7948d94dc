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
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="influfinder-effects")
_pending: set[Future] = set()


def after_commit(db: Session, fn: Callable[..., Any], *args: Any) -> None:
    db.info.setdefault(_KEY, []).append((fn, args))


def after_commit_once(db: Session, fn: Callable[..., Any], *args: Any) -> None:
    """`after_commit`, unless this very call already waits for this commit (one push for two moves)."""
    if (fn, args) not in db.info.get(_KEY, []):
        after_commit(db, fn, *args)


def _safe(fn: Callable[..., Any], args: tuple) -> None:
    try:
        fn(*args)
    except Exception:  # noqa: BLE001 - logged with context, never raised into the request
        log.exception("side effect %s failed", getattr(fn, "__name__", fn))


@event.listens_for(Session, "after_commit")
def _run(session: Session) -> None:
    for fn, args in session.info.pop(_KEY, []):
        future = _pool.submit(_safe, fn, args)
        _pending.add(future)
        future.add_done_callback(_pending.discard)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    session.info.pop(_KEY, None)


def drain(timeout: float = 30.0) -> None:
    """Wait for the side effects already started (tests, and a clean shutdown)."""
    wait(list(_pending), timeout=timeout)
