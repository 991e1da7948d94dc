"""Accounts in a real browser against the production build, with mail read from a real SMTP server."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

PASSWORD = "marble kettle sunrise 31"
NEW_PASSWORD = "velvet compass harbor 58"


@pytest.fixture
def context(browser, live_app):
    context = browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30_000)
    yield context
    context.close()


@pytest.fixture
def other_context(browser, live_app):
    context = browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30_000)
    yield context
    context.close()


def _new_identity() -> tuple[str, str]:
    tag = uuid.uuid4().hex[:8]
    return f"e2e{tag}@example.com", f"e2e_{tag}"


def sign_up(page, email: str, username: str, password: str = PASSWORD, role: str = "Creator") -> None:
    page.goto("/signup")
    page.get_by_text(role, exact=True).click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    expect(page.get_by_test_id("strength-meter")).to_be_visible()
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/welcome/?$"))


def log_in(page, identifier: str, password: str = PASSWORD, remember: bool = False) -> None:
    log_in_with(page, identifier, password, remember=remember)


def log_out(page) -> None:
    page.get_by_test_id("account-menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))


def mail_link(smtp_server, address: str, subject: str) -> str:
    return smtp_server.inbox.link(smtp_server.inbox.wait_for(address, subject))


def test_sign_up_verify_by_mail_and_the_banner_goes_away(context, smtp_server, live_app):
    page = context.new_page()
    email, username = _new_identity()
    sign_up(page, email, username)
    expect(page.get_by_test_id("verify-banner")).to_contain_text(email)

    link = mail_link(smtp_server, email, "Confirm your email")
    assert link.startswith(f"{live_app.base_url}/verify?token=")
    page.goto(link)
    expect(page.get_by_test_id("verified")).to_be_visible()
    page.goto("/offers")
    expect(page.get_by_test_id("account-menu")).to_be_visible()
    expect(page.get_by_test_id("verify-banner")).to_have_count(0)

    page.goto(link)  # a used link says so, and changes nothing
    expect(page.get_by_text("This link was already used")).to_be_visible()


def test_the_session_cookie_is_http_only_and_not_readable_by_scripts(context):
    page = context.new_page()
    log_in(page, "lucia@creators.demo", "influfinder-demo-2026")
    [cookie] = [c for c in context.cookies() if c["name"] == "influfinder_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert "influfinder_session" not in page.evaluate("document.cookie")


def test_a_wrong_password_is_told_and_nothing_else(context):
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Email or username").fill("lucia@creators.demo")
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email, username or password.")
    assert not [c for c in context.cookies() if c["name"] == "influfinder_session"]


def test_log_out_and_the_back_button_does_not_show_private_pages(context):
    page = context.new_page()
    log_in(page, "marco@creators.demo", "influfinder-demo-2026")
    page.goto("/settings")
    expect(page.get_by_role("heading", name="Account settings")).to_be_visible()
    log_out(page)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/login\?next="))
    expect(page.get_by_role("heading", name="Account settings")).to_have_count(0)


def test_forgot_password_resets_and_the_old_password_stops_working(context, smtp_server):
    page = context.new_page()
    email, username = _new_identity()
    sign_up(page, email, username)
    log_out(page)

    page.goto("/forgot-password")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_text("If an account uses that email")).to_be_visible()
    page.goto(mail_link(smtp_server, email, "Reset your password"))
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_text("Your password was changed")).to_be_visible()
    smtp_server.inbox.wait_for(email, "Your password was changed")

    page.goto("/login")
    page.get_by_label("Email or username").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email, username or password.")
    log_in(page, email, NEW_PASSWORD)


def test_changing_the_password_in_one_browser_signs_the_other_out(context, other_context):
    email, username = _new_identity()
    first = context.new_page()
    sign_up(first, email, username)
    second = other_context.new_page()
    log_in(second, username)
    second.goto("/settings")
    expect(second.get_by_role("heading", name="Signed-in devices")).to_be_visible()

    first.goto("/settings")
    first.get_by_label("Current password").fill(PASSWORD)
    first.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    first.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    first.get_by_role("button", name="Change password").click()
    expect(first.get_by_text("Password changed. Your other devices have been signed out.")).to_be_visible()

    second.get_by_role("button", name="Save profile").click()  # any action of the ended session
    # A full page load now (the dead cookie is dropped on the way): the static page is /login/. The
    # browser reads English, so /settings was /en/settings and its login page is /en/login.
    expect(second).to_have_url(re.compile(r"/en/login/?\?next=%2Fen%2Fsettings"))
    expect(second.get_by_text("Your session has ended. Log in again.")).to_be_visible()
    first.goto("/settings")
    expect(first.get_by_role("heading", name="Account settings")).to_be_visible()
