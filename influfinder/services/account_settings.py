"""The signed-in user's own settings page as reads, and the devices signed in to the account."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from influfinder.services import accounts, guards, profiles, sessions
from influfinder.services.actors import Actor
from influfinder.services.profiles import ProfileView
from influfinder.services.sessions import SessionRecord


@dataclass(frozen=True)
class Device:
    record: SessionRecord
    current: bool  # the session this page was opened with


@dataclass(frozen=True)
class SettingsPage:
    profile: ProfileView
    has_password: bool  # False for an account made through a provider: it may set a first one
    devices: list[Device]


@dataclass(frozen=True)
class EmailCard:
    email: str  # "" for an account made without an address (Instagram, TikTok)
    verified: bool
    has_password: bool


def settings_page(db: Session, actor: Actor | None) -> SettingsPage:
    actor = guards.signed_in(actor)
    return SettingsPage(profiles.my_profile(db, actor), accounts.has_password(db, actor), devices(db, actor))


def email_card(db: Session, actor: Actor | None) -> EmailCard:
    actor = guards.signed_in(actor)
    address = actor.email if accounts.has_real_email(actor.email) else ""
    return EmailCard(address, actor.is_verified, accounts.has_password(db, actor))


def devices(db: Session, actor: Actor | None) -> list[Device]:
    actor = guards.signed_in(actor)
    return [Device(r, r.id == actor.session_id) for r in sessions.devices(actor.id, db)]


def sign_out_device(db: Session, actor: Actor | None, session_id: object) -> list[Device]:
    """End another of the account's sessions (this one ends with Log out); the devices left."""
    actor = guards.signed_in(actor)
    if isinstance(session_id, str) and session_id != actor.session_id:
        sessions.end_device(actor.id, session_id, db)
    return devices(db, actor)


def sign_out_everywhere(db: Session, actor: Actor | None) -> None:
    sessions.end_all(guards.signed_in(actor).id, db)


def log_out(db: Session, actor: Actor | None) -> None:
    """End this session now: every tab of it stops working (an ended one: nothing to do)."""
    if actor is not None:
        sessions.end_device(actor.id, actor.session_id, db)
