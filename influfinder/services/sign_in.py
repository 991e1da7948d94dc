"""Logging in and signing up (with a password or a provider): the account is checked or made, then
a one-minute grant is started in the same transaction (services/sessions.py: an HTTP route
exchanges it for the cookie).

Who may be signed in on the socket does not matter here: the door's actor is not used.
"""

from __future__ import annotations

from sqlmodel import Session

from influfinder.domain.oauth_identity import ExternalIdentity
from influfinder.services import accounts, oauth_accounts, sessions
from influfinder.services.actors import Actor


def log_in(db: Session, _actor: Actor | None, identifier: object, password: object, remember: bool,
           ip_address: str, user_agent: str) -> str:
    """The grant for a correct email-or-username and password (throttled, see accounts.authenticate)."""
    user_id = accounts.authenticate(db, identifier, password, ip_address=ip_address)
    return sessions.start_grant(user_id, remember=remember, user_agent=user_agent, ip_address=ip_address, db=db)


def sign_up(db: Session, _actor: Actor | None, data: accounts.SignUpInput, ip_address: str, user_agent: str) -> str:
    """A new account, signed in at once (not remembered)."""
    user_id = accounts.sign_up(db, data, ip_address=ip_address)
    return sessions.start_grant(user_id, remember=False, user_agent=user_agent, ip_address=ip_address, db=db)


def with_provider(db: Session, _actor: Actor | None, identity: ExternalIdentity, role: object, ip_address: str,
                  user_agent: str) -> tuple[str, bool]:
    """Sign in (or up) with a provider's identity: the grant, and whether the account is new."""
    result = oauth_accounts.sign_in(db, identity, role=oauth_accounts.role_from(role), ip_address=ip_address)
    grant = sessions.start_grant(result.user_id, remember=False, user_agent=user_agent, ip_address=ip_address, db=db)
    return grant, result.created
