"""Admin handlers run for admins only: the EventGuard middleware drops them for anyone else.

Every handler of AdminState and of every state under it is enumerated from the app's state
tree (a handler added later is covered without touching this file). Each one is put through the
middleware's `preprocess` exactly as Reflex calls it before an event runs, from a page whose
socket connected with: no session cookie, a creator's real session, a deactivated admin's
session, and an admin's real session.

The admin states live in state/admin*.py, one module per page. A state written there that does not
derive from AdminState would escape both the guard and the enumeration: the first tests fail then.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from reflex.state import State, StateUpdate

from influfinder.domain.enums import UserType
from tests.support.socket_events import connected_root, event_for
from tests.support.state_tree import substates

# Reflex's generic var setter: refused to everyone, admins included, by the guard's other rule.
SETVAR = "setvar"


@pytest.fixture(scope="module")
def tokens(tmp_path_factory) -> Iterator[dict[str, str]]:
    """Real session tokens, made the way the login route makes them, on a migrated SQLite database."""
    mp = pytest.MonkeyPatch()
    mp.setenv("DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('guard') / 'guard.db'}")
    mp.setenv("SECRET_KEY", "admin-guard-test")
    mp.delenv("REDIS_URL", raising=False)
    from tests.support.env import drop_app_caches
    from tests.support.people import person, reset_app_caches, session_for

    drop_app_caches()
    reset_app_caches()
    from influfinder import database
    from influfinder.models import User

    database.migrate()
    admin, creator = person(UserType.BUSINESS, admin=True), person(UserType.CREATOR)
    former = person(UserType.BUSINESS, admin=True)
    made = {"admin": session_for(admin), "creator": session_for(creator), "deactivated_admin": session_for(former)}
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == former.id).values(is_active=False))
    yield made
    mp.undo()
    drop_app_caches()
    reset_app_caches()


def admin_handlers():
    import influfinder.influfinder  # noqa: F401 - registers every page and state
    from influfinder.state.admin import AdminState

    for cls in (AdminState, *substates(AdminState)):
        for name in cls.event_handlers:
            yield pytest.param(cls, name, id=f"{cls.__name__}.{name}")


HANDLERS = list(admin_handlers())
PAGE_STATES = {"AdminOverviewState", "AdminUsersState", "AdminDisputesState", "AdminOffersState"}


def test_the_admin_dashboard_states_are_all_under_admin_state():
    """The dashboard's states are in the enumeration above, so none escapes the guard's test."""
    names = {param.values[0].__name__ for param in HANDLERS}
    assert PAGE_STATES <= names
    assert sum(1 for p in HANDLERS if p.values[1] != SETVAR) >= 12


def test_every_state_of_the_admin_modules_is_under_admin_state():
    """Every state class the app has that is written in state/admin*.py: none may be outside AdminState."""
    from influfinder.state.admin import AdminState

    admin_modules = [cls for cls in substates(State) if cls.__module__.startswith("influfinder.state.admin")]
    assert PAGE_STATES <= {cls.__name__ for cls in admin_modules}
    assert [cls.__name__ for cls in admin_modules if not issubclass(cls, AdminState)] == []


def _preprocess(cls, name: str, token: str | None) -> StateUpdate | None:
    from influfinder.services.sessions import COOKIE_NAME
    from influfinder.state.guards import EventGuard

    root, data = connected_root("/admin", cookie=f"{COOKIE_NAME}={token}" if token else "")
    return asyncio.run(EventGuard().preprocess(None, root, event_for(cls, name, data)))


@pytest.mark.parametrize(("cls", "name"), HANDLERS)
@pytest.mark.parametrize("who", ["nobody", "creator", "deactivated_admin"])
def test_an_admin_handler_is_dropped_for_anyone_but_an_admin(tokens, cls, name, who):
    refused = _preprocess(cls, name, tokens.get(who))
    assert isinstance(refused, StateUpdate), f"{cls.__name__}.{name} ran for {who}"
    assert not refused.delta and not refused.events  # dropped silently: nothing reaches the page


@pytest.mark.parametrize(("cls", "name"), HANDLERS)
def test_an_admin_handler_goes_through_for_an_admin(tokens, cls, name):
    result = _preprocess(cls, name, tokens["admin"])
    if name == SETVAR:
        assert isinstance(result, StateUpdate)  # the guard's other rule: no page may write vars directly
    else:
        assert result is None, f"{cls.__name__}.{name} was refused to an admin"
