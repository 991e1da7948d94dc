"""Who is signed in, resolved on the server for every event (DESIGN rules 2-4).

`credentials(state)` is the HttpOnly session cookie that the socket connected with (and its address
and agent); the door (services/unit_of_work.py) alone turns it into an actor. Nothing the browser
sends as an argument or var is trusted for identity.
The vars here describe the signed-in user to themself only.
"""

from __future__ import annotations

import urllib.parse

import reflex as rx

from influfinder.i18n.routes import page_href
from influfinder.services import accounts, sessions, unit_of_work
from influfinder.services.actors import Actor, acting
from influfinder.services.unit_of_work import Credentials
from influfinder.state.browser import full_page_load  # noqa: F401  (re-exported: callers import it from here)
from influfinder.settings import get_settings


def session_token(state: rx.State) -> str | None:
    return sessions.token_from_cookie_header(state.router.headers.cookie)


def credentials(state: rx.State) -> Credentials:
    """What this socket presented (its session cookie, address, agent), as the door takes it."""
    return Credentials(session_token=session_token(state), client_ip=client_ip(state), user_agent=user_agent(state))


def client_ip(state: rx.State) -> str:
    return state.router.session.client_ip or ""


def user_agent(state: rx.State) -> str:
    return state.router.headers.user_agent or ""


def current_path(state: rx.State) -> str:
    url = state.router.url
    return (url.path or "/") + (f"?{url.query}" if url.query else "")


def to_login(state: rx.State) -> rx.event.EventSpec:
    """Send the page to log in, coming back to where it was."""
    return rx.redirect(page_href("/login?next=") + urllib.parse.quote(current_path(state), safe=""))


def backend_url(path: str) -> str:
    """Where the HTTP routes answer: the same origin in production, the backend port in development."""
    if get_settings().is_production:
        return path
    return rx.config.get_config().api_url.rstrip("/") + path


class SessionState(rx.State):
    signed_in: bool = False
    username: str = ""
    display_name: str = ""
    user_type: str = ""
    is_admin: bool = False
    is_verified: bool = True
    own_email: str = ""  # the signed-in user's own address, for the verification banner; "" when it has none

    def _show(self, actor: Actor | None) -> None:
        self.signed_in = actor is not None
        self.username = actor.username if actor else ""
        self.display_name = actor.display_name if actor else ""
        self.user_type = actor.user_type.value if actor else ""
        self.is_admin = bool(actor and actor.is_admin)
        self.is_verified = actor.is_verified if actor else True
        self.own_email = actor.email if actor and accounts.has_real_email(actor.email) else ""

    async def _signed_in(self) -> Actor | None:
        """Who the socket's session belongs to, through the door (the actor is shown to themself only)."""
        actor = await unit_of_work.acall(credentials(self), acting)
        self._show(actor)
        return actor

    @rx.event
    async def refresh(self):
        await self._signed_in()

    @rx.event
    async def require_signed_in(self):
        if await self._signed_in() is None:
            return to_login(self)

    @rx.event
    async def require_creator(self):
        return await self._require(lambda a: a.is_creator)

    @rx.event
    async def require_business(self):
        return await self._require(lambda a: a.is_business)

    @rx.event
    async def require_admin(self):
        return await self._require(lambda a: a.is_admin)

    @rx.event
    async def require_signed_out(self):
        """Login and sign-up pages send a signed-in visitor home."""
        if await self._signed_in() is not None:
            return rx.redirect(page_href("/"))

    async def _require(self, allowed):
        actor = await self._signed_in()
        if actor is None:
            return to_login(self)
        if not allowed(actor):
            return rx.redirect(page_href("/forbidden"))

    # Log out is not a handler: it is a POST to /auth/signout (components/browser_actions.log_out).
