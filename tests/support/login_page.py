"""Logging in through the login page in Chromium, the way a person does, without racing the page.

A browser gets its pre-login nonce cookie with the page (api/login_nonce). When the login page comes
from the browser's cache instead (cookies cleared, page cached), the page sends the browser round
/auth/nonce and back (state/account.nonce_first); what is typed before that round trip lands is typed
into a page about to go away. The helper waits for the page that stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import expect

from influfinder.services.sessions import NONCE_COOKIE_NAME


@dataclass(frozen=True)
class LoginWords:
    identifier: str
    password: str
    remember: str
    submit: str


ENGLISH = LoginWords("Email or username", "Password", "Keep me signed in for 7 days", "Log in")
SPANISH = LoginWords("Correo o nombre de usuario", "Contraseña", "Mantener la sesión 7 días", "Iniciar sesión")


def has_nonce(page) -> bool:
    return any(cookie["name"].endswith(NONCE_COOKIE_NAME) for cookie in page.context.cookies())


def open_login(page, path: str = "/login") -> None:
    """The login page, ready for typing."""
    page.goto(path)
    if not has_nonce(page):  # the page came from the browser's cache, not with the server's cookie
        expect(page).to_have_url(re.compile(r"[?&]nonce=1"))


def log_in(page, identifier: str, password: str, *, remember: bool = False, words: LoginWords = ENGLISH) -> None:
    open_login(page)
    page.get_by_label(words.identifier).fill(identifier)
    page.get_by_label(words.password).fill(password)
    if remember:
        page.get_by_label(words.remember).check()
    page.get_by_role("button", name=words.submit).click()
    # The session cookie is set by the page the login leaves for: wait for it before going elsewhere.
    expect(page).not_to_have_url(re.compile(r"/login"))
    expect(page.get_by_test_id("account-menu")).to_be_visible()
