"""People for messaging tests: users with a profile, the links that let them talk, live sessions.

Rows are written straight into the database the settings point at (DATABASE_URL), the way the
marketplace services would have left them: the tests are about who may message whom.
"""

from __future__ import annotations

import uuid

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Application, Collaboration, Offer, Profile, User
from influfinder.services import sessions
from influfinder.services.actors import Actor


def person(kind: UserType = UserType.CREATOR, *, verified: bool = True, admin: bool = False,
           name: str | None = None) -> Actor:
    tag = uuid.uuid4().hex[:10]
    user = User(email=f"u{tag}@example.com", username=f"u{tag}", user_type=kind, is_verified=verified,
                is_admin=admin)
    display = name or f"Person {tag}"
    with database.session_scope() as db:
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name=display))
    return Actor(id=user.id, session_id="test", username=user.username, email=user.email, display_name=display,
                 user_type=kind, is_admin=admin, is_verified=verified)


def offer_of(business: Actor) -> uuid.UUID:
    row = Offer(business_id=business.id, title="Brunch for two", description="Come and film it.", category="FOOD")
    with database.session_scope() as db:
        db.add(row)
    return row.id


def applied(creator: Actor, business: Actor) -> uuid.UUID:
    """The creator applied to one of the business's offers."""
    offer_id = offer_of(business)
    row = Application(offer_id=offer_id, creator_id=creator.id, message="I'd love to.")
    with database.session_scope() as db:
        db.add(row)
    return row.id


def collaborating(creator: Actor, business: Actor) -> uuid.UUID:
    offer_id = offer_of(business)
    row = Collaboration(offer_id=offer_id, creator_id=creator.id, business_id=business.id, status="ACCEPTED")
    with database.session_scope() as db:
        db.add(row)
    return row.id


def session_for(actor: Actor) -> str:
    """A live session token for the actor, as the login route would set in the cookie."""
    token, _record = sessions.open_session(actor.id, remember=False, user_agent="pytest",
                                           ip_address="127.0.0.1")
    return token


def cookie_header(token: str) -> str:
    return f"{sessions.COOKIE_NAME}={token}"


def reset_app_caches() -> None:
    """The per-process singletons that read the settings: drop them after the settings change."""
    from influfinder.integrations import bus, presence, rate_limit

    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()
    bus.bus.cache_clear()
    presence.presence.cache_clear()


def empty_every_table() -> None:
    from sqlmodel import SQLModel

    import influfinder.models  # noqa: F401 - registers every table

    with database.session_scope() as db:
        for table in reversed(SQLModel.metadata.sorted_tables):
            db.exec(table.delete())
