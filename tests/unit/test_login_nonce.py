"""The pre-login nonce reaches a browser whose cookies were cleared even when its page is revalidated."""

from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from influfinder.api.login_nonce import LoginNonce
from influfinder.services import sessions


def test_a_revalidated_page_hands_out_the_nonce(tmp_path, settings_env):
    (tmp_path / "login").mkdir()
    (tmp_path / "login" / "index.html").write_text("<html><body>Log in</body></html>")
    pages = Starlette(routes=[Mount("/", app=StaticFiles(directory=tmp_path, html=True))])
    client = TestClient(LoginNonce(pages), base_url="http://127.0.0.1")

    first = client.get("/login/")
    assert first.status_code == 200 and sessions.nonce_cookie_name() in first.headers["set-cookie"]

    client.cookies.clear()  # the person cleared their cookies; the browser still has the page cached
    again = client.get("/login/", headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert sessions.nonce_cookie_name() in again.headers.get("set-cookie", "")
