"""Issue 10, points 1 and 2, against the whole backend as `reflex run` serves it (in-process).

Private media are never public: nothing under our media folder, nor anything else, comes out of
Reflex's GET /_upload. Uploads are bounded before they are read: POST /_upload refuses callers
without a session or of the wrong kind, and bodies over the limit (declared or streamed), with
nothing stored.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from influfinder.domain.enums import UserType
from influfinder.integrations import storage
from influfinder.services import sessions
from influfinder.state.upload_rules import UPLOAD_RULES
from tests.support.inprocess_app import backend_client
from tests.support.people import person, session_for

pytestmark = pytest.mark.integration

MEGABYTE = 1024 * 1024


def _handler(method_name: str) -> str:
    return next(name for name in UPLOAD_RULES if name.endswith("." + method_name))


AVATAR, COVER, SUBMIT = _handler("upload_avatar"), _handler("upload_cover"), _handler("submit_content")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("uploads")


@pytest.fixture(scope="module")
def client(workdir):
    # The default settings: UPLOAD_DIR and REFLEX_UPLOADED_FILES_DIR unset.
    env = {"DATABASE_URL": f"sqlite:///{workdir / 'app.db'}", "SECRET_KEY": secrets.token_urlsafe(32),
           "BCRYPT_ROUNDS": "4", "DEMO_DATA": "false"}
    with backend_client(workdir, env) as test_client:
        yield test_client


def _stored_files(workdir: Path) -> list[Path]:
    return [p for p in (workdir / "media").rglob("*") if p.is_file()]


def _upload(client, handler: str, body: bytes | object, token: str | None = None, **headers: str):
    client.cookies.clear()
    if token:
        client.cookies.set(sessions.COOKIE_NAME, token)
    return client.post("/_upload", content=body, headers={
        "reflex-client-token": "a-tab", "reflex-event-handler": handler,
        "content-type": "multipart/form-data; boundary=xyz", **headers,
    })


def _multipart(size: int) -> bytes:
    return (b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n'
            b"Content-Type: image/png\r\n\r\n" + b"\0" * size + b"\r\n--xyz--\r\n")


# ---- 1. private media are never public ------------------------------------------------------------


def test_private_files_in_the_media_folder_are_not_served_at_upload(client, workdir):
    keys = [storage.save(b"private video", folder=storage.SUBMISSIONS, extension="mp4"),
            storage.save(b"private file", folder=storage.ATTACHMENTS, extension="pdf"),
            storage.save(b"avatar", folder=storage.AVATARS, extension="webp")]
    for key in keys:
        assert (workdir / "media" / key).is_file()  # stored where the default settings say
        response = client.get(f"/_upload/{key}")
        assert response.status_code == 404
        assert b"private" not in response.content


def test_nothing_is_served_from_reflexs_upload_folder_either(client, workdir):
    public = workdir / "uploaded_files"
    public.mkdir(exist_ok=True)
    (public / "left-over.txt").write_text("a file someone put there")
    response = client.get("/_upload/left-over.txt")
    assert response.status_code == 404
    assert "someone" not in response.text


# ---- 2. uploads are bounded before they are read ------------------------------------------------


def test_an_anonymous_upload_is_refused_before_its_body_is_read(client, workdir):
    before = _stored_files(workdir)
    response = _upload(client, AVATAR, _multipart(1000))
    assert response.status_code == 401
    assert _stored_files(workdir) == before


def test_an_upload_from_the_wrong_kind_of_account_is_refused(client):
    creator = person(UserType.CREATOR)
    assert _upload(client, COVER, _multipart(1000), session_for(creator)).status_code == 403
    business = person(UserType.BUSINESS)
    assert _upload(client, SUBMIT, _multipart(1000), session_for(business)).status_code == 403


def test_a_handler_that_takes_no_files_cannot_be_sent_any(client):
    token = session_for(person(UserType.CREATOR))
    response = _upload(client, "reflex___state____state.influfinder___state___settings____settings_state.save_profile",
                       _multipart(10), token)
    assert response.status_code == 404


def test_a_declared_length_over_the_limit_is_refused_at_once(client):
    token = session_for(person(UserType.CREATOR))
    response = _upload(client, AVATAR, _multipart(6 * MEGABYTE), token)
    assert response.status_code == 413


def test_a_streamed_body_is_cut_off_at_the_limit(client, workdir):
    """A chunked body declares no length: it is counted, and stopped just past the avatar limit."""
    token = session_for(person(UserType.CREATOR))
    sent = 0

    def sixty_megabytes():
        nonlocal sent
        yield _multipart(0)[:-10]
        for _ in range(60):
            sent += MEGABYTE
            yield b"\0" * MEGABYTE

    before = _stored_files(workdir)
    response = _upload(client, AVATAR, sixty_megabytes(), token)
    assert response.status_code == 413
    assert _stored_files(workdir) == before


def test_an_allowed_upload_within_the_limit_reaches_reflex(client):
    token = session_for(person(UserType.CREATOR))
    response = _upload(client, AVATAR, _multipart(1000), token)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")


def test_max_upload_mb_caps_every_kind(client, monkeypatch):
    from influfinder.settings import reset_settings_cache

    monkeypatch.setenv("MAX_UPLOAD_MB", "1")
    reset_settings_cache()
    try:
        token = session_for(person(UserType.CREATOR))
        assert _upload(client, AVATAR, _multipart(2 * MEGABYTE), token).status_code == 413
    finally:
        monkeypatch.delenv("MAX_UPLOAD_MB")
        reset_settings_cache()


def test_in_development_a_cross_origin_upload_without_cookies_is_left_to_the_handler(client, monkeypatch):
    """The development frontend (its own port) sends Reflex's upload without cookies; production never."""
    from influfinder.settings import reset_settings_cache

    cross_origin = {"origin": "http://localhost:3000"}
    assert _upload(client, AVATAR, _multipart(1000), **cross_origin).status_code == 200
    assert _upload(client, AVATAR, _multipart(6 * MEGABYTE), **cross_origin).status_code == 413  # sizes still hold
    monkeypatch.setenv("REFLEX_ENV_MODE", "prod")
    reset_settings_cache()
    try:
        assert _upload(client, AVATAR, _multipart(1000), **cross_origin).status_code == 401
    finally:
        monkeypatch.delenv("REFLEX_ENV_MODE")
        reset_settings_cache()
