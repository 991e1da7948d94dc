"""Logging in and signing up through the HTTP API: the account is checked or made (the same rules
as the pages, services/accounts.py and oauth_accounts.py), then a token pair is issued in the same
transaction (services/api_tokens.py). The API's counterpart of services/sign_in.py.
"""

from __future__ import annotations

import uuid

from sqlmodel import Session

from influfinder.domain.oauth_identity import ExternalIdentity
from influfinder.services import accounts, api_tokens, guards, oauth_accounts
from influfinder.services.actors import Actor


def sign_up(db: Session, _actor: Actor | None, data: accounts.SignUpInput,
            ip_address: str) -> tuple[uuid.UUID, api_tokens.TokenPair]:
    user_id = accounts.sign_up(db, data, ip_address=ip_address)
    return user_id, api_tokens.issue_pair(db, user_id)


def log_in(db: Session, _actor: Actor | None, identifier: object, password: object,
           ip_address: str) -> api_tokens.TokenPair:
    """A token pair for a correct email-or-username and password (throttled, see accounts.authenticate)."""
    return api_tokens.issue_pair(db, accounts.authenticate(db, identifier, password, ip_address=ip_address))


def with_provider(db: Session, _actor: Actor | None, identity: ExternalIdentity, role: object,
                  ip_address: str) -> tuple[oauth_accounts.SignedIn, api_tokens.TokenPair]:
    """Sign in (or up) with a provider's identity: who, whether the account is new, and a token pair."""
    done = oauth_accounts.sign_in(db, identity, role=oauth_accounts.role_from(role), ip_address=ip_address)
    return done, api_tokens.issue_pair(db, done.user_id)


def change_password(db: Session, actor: Actor | None, current: object, new_password: object) -> api_tokens.TokenPair:
    """Change the password; every login of the account ends, and the caller goes on with a new pair."""
    actor = guards.signed_in(actor)
    accounts.change_password(db, actor, current, new_password, keep_token="")
    return api_tokens.issue_pair(db, actor.id)
