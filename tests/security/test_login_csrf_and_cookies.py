"""Issue 10, points 4 and 7, over HTTP against the whole backend (in-process):

- a login grant works only in the browser whose pre-login nonce it was made for; elsewhere it is
  refused and burnt (login CSRF);
- pages hand out that nonce (HttpOnly, SameSite=Strict);
- log out is a POST from the site itself: a link, an image or another site's form signs nobody out;
- on https the cookies carry the __Host- prefix (Secure, Path=/, no Domain);
- /dev/outbox shows mails only to a browser on this machine.
"""

from __future__ import annotations

import secrets
import uuid
from http.cookies import SimpleCookie

import pytest

from influfinder.domain.enums import UserType
from influfinder.services import sessions
from tests.support.inprocess_app import backend_client
from tests.support.people import person
from tests.support.socket_events import connected_root

pytestmark = pytest.mark.integration

PUBLIC_URL = "http://localhost:3000"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("csrf")
    env = {"DATABASE_URL": f"sqlite:///{workdir / 'app.db'}", "SECRET_KEY": secrets.token_urlsafe(32),
           "DEMO_DATA": "false", "PUBLIC_URL": PUBLIC_URL}
    with backend_client(workdir, env) as test_client:
        yield test_client


def _grant_for(nonce: str) -> tuple[str, uuid.UUID]:
    user = person(UserType.CREATOR)
    grant = sessions.start_grant(user.id, remember=False, user_agent="pytest", ip_address="127.0.0.1",
                                 browser_nonce=nonce)
    return grant, user.id


def _complete(client, grant: str, nonce: str | None):
    client.cookies.clear()
    if nonce:
        client.cookies.set(sessions.nonce_cookie_name(), nonce)
    return client.get("/auth/complete", params={"grant": grant, "next": "/settings"}, follow_redirects=False)


def test_the_browser_that_logged_in_gets_its_session(client):
    nonce = sessions.new_browser_nonce()
    grant, _user = _grant_for(nonce)
    response = _complete(client, grant, nonce)
    assert response.status_code == 303 and response.headers["location"] == PUBLIC_URL + "/settings"
    assert sessions.resolve(response.cookies.get(sessions.cookie_name())) is not None


@pytest.mark.parametrize("other", ["another browser's nonce", "no nonce at all"])
def test_a_grant_opened_in_another_browser_is_refused_and_burnt(client, other):
    nonce = sessions.new_browser_nonce()
    grant, _user = _grant_for(nonce)
    response = _complete(client, grant, sessions.new_browser_nonce() if other.startswith("another") else None)
    assert response.headers["location"] == PUBLIC_URL + "/login?expired=1"
    assert sessions.cookie_name() not in response.cookies
    again = _complete(client, grant, nonce)  # even the right browser cannot use it any more
    assert again.headers["location"] == PUBLIC_URL + "/login?expired=1"


def test_pages_hand_out_the_pre_login_nonce_once(client):
    client.cookies.clear()
    response = client.get("/auth/nonce", params={"next": "/login"}, follow_redirects=False)
    assert response.headers["location"] == PUBLIC_URL + "/login"
    cookie = SimpleCookie(response.headers["set-cookie"])[sessions.nonce_cookie_name()]
    assert cookie["httponly"] and cookie["samesite"].lower() == "strict" and cookie["path"] == "/"
    assert sessions.valid_nonce(cookie.value)
    client.cookies.set(sessions.nonce_cookie_name(), cookie.value)
    assert "set-cookie" not in client.get("/auth/nonce", follow_redirects=False).headers  # kept, not replaced


def _signed_in(client) -> str:
    token, _record = sessions.open_session(person(UserType.CREATOR).id, remember=False, user_agent="pytest",
                                           ip_address="127.0.0.1")
    client.cookies.clear()
    client.cookies.set(sessions.cookie_name(), token)
    return token


@pytest.mark.parametrize(("how", "headers"), [
    ("a link (GET)", None),
    ("a form on another site", {"origin": "https://evil.example", "sec-fetch-site": "cross-site"}),
    ("a form on another site that sends no referrer", {"origin": "null", "sec-fetch-site": "cross-site"}),
    ("a POST that says nothing of where it comes from", {}),
])
def test_nothing_from_elsewhere_signs_anyone_out(client, how, headers):
    token = _signed_in(client)
    if headers is None:
        response = client.get("/auth/signout", follow_redirects=False)
    else:
        response = client.post("/auth/signout", headers=headers, follow_redirects=False)
        assert response.status_code == 403
    assert sessions.resolve(token) is not None
    assert sessions.cookie_name() not in response.cookies


@pytest.mark.parametrize("headers", [
    {"origin": PUBLIC_URL},
    {"origin": "null", "sec-fetch-site": "same-origin"},  # our pages send no referrer: Chromium's form post
], ids=["origin", "same-origin fetch"])
def test_log_out_from_the_site_ends_the_session(client, headers):
    token = _signed_in(client)
    response = client.post("/auth/signout", headers=headers, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == PUBLIC_URL + "/login?signed_out=1"
    assert sessions.resolve(token) is None


def test_a_dead_cookie_is_dropped_by_a_plain_visit(client):
    token = _signed_in(client)
    sessions.end(token)
    response = client.get("/auth/signout", params={"next": "/login?session_ended=1"}, follow_redirects=False)
    assert response.headers["location"] == PUBLIC_URL + "/login?session_ended=1"
    assert 'influfinder_session=""' in response.headers["set-cookie"]


def test_on_https_the_cookies_are_host_prefixed(settings_env, sqlite_url):
    settings_env.set(PUBLIC_URL="https://influfinder.example", DATABASE_URL=sqlite_url, SECRET_KEY="https-test")
    from starlette.responses import Response

    from influfinder.api.auth_routes import set_nonce_cookie, signed_in_response

    record = sessions.SessionRecord(id="x", user_id="y", remember=False, user_agent="", ip_address="",
                                    created_at=None, last_seen_at=None, expires_at=None)  # type: ignore[arg-type]
    for response in (signed_in_response("t" * 43, record, "/"), Response()):
        if not response.headers.get("location"):
            set_nonce_cookie(response)
        header = response.headers["set-cookie"]
        assert header.startswith("__Host-") and "Secure" in header and "Path=/" in header
        assert "Domain" not in header
    assert sessions.cookie_name() == "__Host-influfinder_session"


def _outbox_for(ip: str, headers: dict[str, str]) -> bool:
    import influfinder.influfinder  # noqa: F401 - registers every state
    from influfinder.state.outbox import OutboxState

    root, _data = connected_root("/dev/outbox", ip=ip, headers=headers)
    outbox = root.get_substate(OutboxState.get_full_name().split(".")[1:])
    outbox.load()
    return outbox.enabled


@pytest.mark.parametrize(("ip", "headers", "shown"), [
    ("127.0.0.1", {}, True),
    ("::1", {}, True),
    ("192.0.2.7", {}, False),
    ("127.0.0.1", {"x-forwarded-for": "192.0.2.7"}, False),  # a proxy on this machine, forwarding a stranger
])
def test_the_outbox_answers_only_this_machine(settings_env, sqlite_url, ip, headers, shown):
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="outbox-test")
    assert _outbox_for(ip, headers) is shown
