""""Continue with Google" and "Continue with TikTok" in a real browser, against the production build and a
local OAuth server.

The live app's GOOGLE_* and TIKTOK_* variables point at tests/support/oauth_server.py (tests/e2e/conftest.py),
so Chromium really leaves the site for the provider's page and comes back through the callback. Mail goes to
the real SMTP server of tests/e2e/conftest.py.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _log_out(page) -> None:
    page.get_by_test_id("account-menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))


def test_continue_with_google_signs_up_then_signs_in_again(page, oauth_server, screenshot):
    tag = uuid.uuid4().hex[:8]
    oauth_server.sign_in_as("google", f"google-{tag}", email=f"gina{tag}@example.com", email_verified=True,
                            name=f"Gina {tag}")

    page.goto("/login")
    expect(page.get_by_role("button", name="Continue with Google")).to_be_visible()
    screenshot("login-with-google")
    page.get_by_role("button", name="Continue with Google").click()

    expect(page).to_have_url(re.compile(r"/welcome/?$"))
    expect(page.get_by_test_id("account-menu")).to_be_visible()
    expect(page.get_by_test_id("verify-banner")).to_have_count(0)  # Google vouched for the address

    _log_out(page)
    page.goto("/login?next=/settings")
    page.get_by_role("button", name="Continue with Google").click()

    expect(page).to_have_url(re.compile(r"/settings/?$"))
    expect(page.get_by_test_id("linked-google")).to_contain_text("Google")


def test_cancelling_at_google_comes_back_to_login_with_a_message(page, oauth_server):
    oauth_server.refuse_consent("google")

    page.goto("/signup")
    page.get_by_role("button", name="Continue with Google").click()

    expect(page).to_have_url(re.compile(r"/login/?\?oauth_error=denied"))
    expect(page.get_by_role("alert")).to_contain_text("You cancelled signing in with Google. Nothing was changed.")
    expect(page.get_by_test_id("account-menu")).to_have_count(0)


def test_a_tiktok_account_adds_its_email_in_settings_and_confirms_it_by_mail(page, oauth_server, smtp_server,
                                                                             screenshot):
    tag = uuid.uuid4().hex[:8]
    oauth_server.sign_in_as("tiktok", f"tiktok-{tag}", name=f"Tina {tag}", handle=f"tina_{tag}")
    email = f"tina{tag}@example.com"

    page.goto("/signup")
    page.get_by_role("button", name="Continue with TikTok").click()

    expect(page).to_have_url(re.compile(r"/welcome/?$"))
    banner = page.get_by_test_id("verify-banner")
    expect(banner).to_contain_text("Add your email address to apply, publish and message")
    expect(banner).not_to_contain_text(".invalid")  # the placeholder address is never shown
    expect(banner.get_by_role("button", name="Resend the link")).to_have_count(0)
    banner.get_by_role("link", name="Add email address").click()

    expect(page).to_have_url(re.compile(r"/settings"))
    expect(page.get_by_test_id("current-email")).to_have_text("No email yet")
    expect(page.get_by_role("heading", name="Set a password")).to_be_visible()  # the account has none
    screenshot("settings-no-email")
    page.get_by_label("New email address").fill(email)
    page.get_by_role("button", name="Add email", exact=True).click()

    expect(page.locator("#email").get_by_text(f"We sent a link to {email}")).to_be_visible()
    expect(banner).to_contain_text(f"We sent a link to {email}")
    link = smtp_server.inbox.link(smtp_server.inbox.wait_for(email, "Confirm your email"))
    page.goto(link)
    expect(page.get_by_test_id("verified")).to_be_visible()

    page.goto("/settings")
    expect(page.get_by_test_id("current-email")).to_contain_text(email)
    expect(page.get_by_test_id("current-email")).to_contain_text("Confirmed")
    expect(page.get_by_test_id("verify-banner")).to_have_count(0)


def test_a_creator_connects_tiktok_in_settings_and_sees_verified_figures(page, oauth_server, screenshot):
    tag = uuid.uuid4().hex[:8]
    oauth_server.sign_in_as("tiktok", f"tiktok-{tag}", name=f"Teo {tag}", handle=f"teo_{tag}")
    oauth_server.audience_of("tiktok", followers=23_400, following=120, posts=80, verified=True, total_likes=93_600)

    page.goto("/signup")
    page.get_by_role("button", name="Continue with TikTok").click()
    expect(page).to_have_url(re.compile(r"/welcome/?$"))

    page.goto("/settings")
    card = page.locator("#connected-accounts")
    expect(card).to_contain_text("No accounts connected: your figures are shown as self-reported.")
    card.get_by_role("button", name="Connect TikTok").click()

    expect(page).to_have_url(re.compile(r"/settings/?\?connect=connected"))
    expect(card).to_contain_text("TikTok is connected")
    row = page.get_by_test_id("connected-tiktok")
    expect(row).to_contain_text("Verified via TikTok, updated today")
    expect(row).to_contain_text("23.4K")
    screenshot("settings-connected-tiktok")

    row.get_by_role("button", name="Disconnect TikTok").click()
    expect(card).to_contain_text("Disconnected")
    expect(page.get_by_test_id("connected-tiktok")).to_have_count(0)
