"""The production build in a real browser. One server per session; later e2e modules reuse it.

To give the server more settings (say an SMTP port for a mail test), override `live_app_env`
in your conftest or module:

    @pytest.fixture(scope="session")
    def live_app_env(live_app_env):
        return {**live_app_env, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": "2525"}
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.support import OUTPUT_DIR
from tests.support.browser import CHROMIUM_ARGS, DESKTOP, MOBILE, ConsoleWatch, Viewport, chromium_path
from tests.support.env import clean_environment
from tests.support.live_app import LiveApp, free_port, log_tail
from tests.support.oauth_server import OAuthServer
from tests.support.services import in_ci
from tests.support.smtp import SmtpServer

SCREENSHOTS = OUTPUT_DIR / "screenshots"

# Pages hydrate and open their socket before they react; on a busy 2-core machine that can take
# longer than Playwright's 5 s default for expectations.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def live_app_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on 127.0.0.1 that the live app sends its mail to; tests read its inbox."""
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="session")
def oauth_server() -> Iterator[OAuthServer]:
    """A real OAuth provider on 127.0.0.1 that the live app's "Continue with Google" (and TikTok) go to."""
    with OAuthServer() as server:
        yield server


@pytest.fixture(scope="session")
def live_app_env(live_app_port, tmp_path_factory, smtp_server, oauth_server) -> dict[str, str]:
    """The server's whole environment: nothing of the developer's own deployment variables leaks in."""
    data = tmp_path_factory.mktemp("live_app")
    return clean_environment({
        **smtp_server.env,
        **oauth_server.env("google", "tiktok"),  # TikTok gives no email: the "add your email" flow
        "DATABASE_URL": f"sqlite:///{data / 'influfinder.db'}",
        "UPLOAD_DIR": str(data / "uploads"),
        "DEMO_DATA": "true",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "PUBLIC_URL": f"http://localhost:{live_app_port}",
        "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
    })


@pytest.fixture(scope="session")
def live_app(live_app_port, live_app_env) -> Iterator[LiveApp]:
    app = LiveApp(port=live_app_port, env=live_app_env, log_path=OUTPUT_DIR / "live-app.log")
    try:
        app.start()
    except RuntimeError as error:
        app.stop()
        pytest.fail(f"{error}. Last lines of {app.log_path}:\n{log_tail(app.log_path)}", pytrace=False)
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        message = "chromium is not installed (apt-get install -y chromium)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(f"{message} (CI runs these)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[DESKTOP, MOBILE], ids=lambda v: v.name)
def viewport(request) -> Viewport:
    """Every browser test runs at desktop (1280) and mobile (390) width."""
    return request.param


@pytest.fixture
def console() -> ConsoleWatch:
    return ConsoleWatch()


@pytest.fixture
def page(browser, live_app, viewport, console) -> Iterator:
    context = browser.new_context(base_url=live_app.base_url,
                                  viewport={"width": viewport.width, "height": viewport.height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    console.attach(page)
    yield page
    context.close()


@pytest.fixture
def screenshot(page, viewport):
    """screenshot("offers") saves tests/output/screenshots/offers-<viewport>.png, the whole page."""

    def take(name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport.name}.png"), full_page=True)

    return take
