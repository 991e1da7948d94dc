"""Sign up, log in, verify email, forgot and reset password: thin adapters over services.accounts."""

from __future__ import annotations

import urllib.parse

import reflex as rx

from influfinder.i18n import _
from influfinder.api.auth_routes import safe_next
from influfinder.domain.password_policy import strength
from influfinder.services import accounts, oauth_accounts, sessions, sign_in
from influfinder.services.unit_of_work import for_anyone
from influfinder.state.auth import backend_url, client_ip, current_path, full_page_load, user_agent
from influfinder.state.forms import FormState, form_flag, form_text
from influfinder.state.oauth import OAuthButtons
from influfinder.state.service_handler import call_service, service_handler


NO_NONCE = "Your browser did not keep our sign-in cookie. Reload the page and try again."


def _browser_nonce(state: rx.State) -> str | None:
    """The pre-login nonce cookie this socket connected with (services/sessions: login CSRF)."""
    nonce = sessions.nonce_from_cookie_header(state.router.headers.cookie)
    return nonce if sessions.valid_nonce(nonce) else None


def _login_redirect(grant: str, next_path: str):
    query = urllib.parse.urlencode({"grant": grant, "next": safe_next(next_path)})
    return full_page_load(backend_url(f"/auth/complete?{query}"))


def nonce_first(state: rx.State):
    """on_load of the pages that log in: a browser without its nonce gets one, then comes back
    (once: a browser that refuses cookies is not sent round in circles; logging in then says why)."""
    if _browser_nonce(state) or "nonce" in state.router.url.query_parameters:
        return None
    path = current_path(state)
    back = path + ("&" if "?" in path else "?") + "nonce=1"
    return full_page_load(backend_url("/auth/nonce?next=" + urllib.parse.quote(back, safe="")))


class LoginState(OAuthButtons, FormState, rx.State):
    notice: str = ""

    @rx.event
    def load(self):
        self._reset_errors()
        self._load_oauth_providers()
        params = self.router.url.query_parameters
        self.notice = (
            _("You have been logged out.") if "signed_out" in params
            else _("Your session has ended. Log in again.") if "session_ended" in params
            else _("That sign-in link expired. Log in again.") if "expired" in params
            else ""
        )
        # A sign-in with a provider that failed comes back here with a code, never with free text.
        self.error = oauth_accounts.message(params.get("oauth_error"), params.get("provider"))
        return nonce_first(self)

    @rx.event
    def start_oauth(self, provider: str):
        return self._start_oauth(provider, role="creator", next_path=self.router.url.query_parameters.get("next", "/"))

    @rx.event
    @service_handler("login", public=True)
    async def submit(self, form: dict):
        self._reset_errors()
        identifier, password = form_text(form, "identifier", 254), form_text(form, "password", 1024)
        if identifier is None or password is None:
            self.error = _("The form could not be read. Reload the page and try again.")
            return
        nonce = _browser_nonce(self)
        if nonce is None:
            self.error = NO_NONCE
            return
        self.busy = True
        yield
        try:
            grant = await call_service(self, sign_in.log_in, identifier, password, form_flag(form, "remember"),
                                       client_ip(self), user_agent(self), nonce)
        except Exception:
            self.busy = False  # refused: the form is the person's again (the page leaves otherwise)
            raise
        yield _login_redirect(grant, self.router.url.query_parameters.get("next", "/"))


class SignupState(OAuthButtons, FormState, rx.State):
    strength_score: int = 0
    strength_label: str = ""
    strength_hint: str = ""
    role: str = "CREATOR"  # the role picker's choice; a sign-up with a provider takes it too

    @rx.event
    def load(self):
        self._reset_errors()
        self._load_oauth_providers()
        self.role = "CREATOR"
        return nonce_first(self)

    @rx.event
    def choose_role(self, value: str):
        if isinstance(value, str) and value in accounts.SIGNUP_TYPES:
            self.role = value

    @rx.event
    def start_oauth(self, provider: str):
        return self._start_oauth(provider, role=self.role.lower(), next_path="/")

    @rx.event
    def check_password(self, password: str):
        if not isinstance(password, str) or len(password) > 1024:
            return
        result = strength(password)
        self.strength_score, self.strength_label, self.strength_hint = (
            (result.score, result.label, result.hint) if password else (0, "", ""))

    @rx.event
    @service_handler("sign up", public=True)
    async def submit(self, form: dict):
        self._reset_errors()
        data = accounts.SignUpInput(
            email=form_text(form, "email", 254), username=form_text(form, "username", 60),
            password=form_text(form, "password", 1024), user_type=form_text(form, "user_type", 20),
        )
        nonce = _browser_nonce(self)
        if nonce is None:
            self.error = NO_NONCE
            return
        self.busy = True
        yield
        try:
            grant = await call_service(self, sign_in.sign_up, data, client_ip(self), user_agent(self), nonce)
        except Exception:
            self.busy = False  # refused: the form is the person's again (the page leaves otherwise)
            raise
        yield _login_redirect(grant, "/welcome")


class VerifyState(FormState, rx.State):
    verified: bool = False
    checking: bool = True

    @rx.event
    @service_handler("verify email", public=True)
    async def load(self):
        self._reset_errors()
        self.verified, self.checking = False, True
        yield
        token = self.router.url.query_parameters.get("token", "")
        try:
            await call_service(self, for_anyone(accounts.verify_email), token)
            self.verified = True
        finally:
            self.checking = False


class ForgotState(FormState, rx.State):
    sent_message: str = ""

    @rx.event
    @service_handler("forgot password", public=True)
    async def submit(self, form: dict):
        self._reset_errors()
        self.sent_message = ""
        email = form_text(form, "email", 254)
        self.busy = True
        yield
        try:
            self.sent_message = await call_service(self, for_anyone(accounts.forgot_password), email)
        finally:
            self.busy = False


class ResetState(FormState, rx.State):
    done: bool = False

    @rx.event
    def load(self):
        self._reset_errors()
        self.done = False

    @rx.event
    @service_handler("reset password", public=True)
    async def submit(self, form: dict):
        self._reset_errors()
        token = self.router.url.query_parameters.get("token", "")
        password, confirm = form_text(form, "password", 1024), form_text(form, "confirm", 1024)
        if password is not None and password != confirm:
            self.field_errors = {"confirm": _("The two passwords do not match.")}
            return
        self.busy = True
        yield
        try:
            await call_service(self, for_anyone(accounts.reset_password), token, password)
            self.done = True
        finally:
            self.busy = False
