"""Offer covers on real databases (SQLite and PostgreSQL, built by the migrations): the owner's
upload checked by content and stored as a public WebP without metadata, served by the public
media route; who is refused (and that a refusal changes nothing); replacing and removing, with
the old file deleted only after the commit; and the cover shown on cards and in "My offers".

The app's own engine and storage are used: each test points DATABASE_URL at the module's
database and UPLOAD_DIR at its own folder.
"""

from __future__ import annotations

import asyncio
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from starlette.applications import Starlette

from influfinder import database
from influfinder.api import media_routes
from influfinder.domain.enums import UserType
from influfinder.models import Offer
from influfinder.services import effects, offer_covers, offer_management, offers
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.state.offer_cards import cover_url
from tests.support import marketplace
from tests.support.marketplace import DATABASES, migrated_database, offer_form
from tests.support.media import CAMERA_MAKE, photo, png_header

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * 2000


@pytest.fixture(scope="module", params=DATABASES)
def db_url(request, tmp_path_factory) -> Iterator[str]:
    with migrated_database(request, tmp_path_factory, "covers") as (url, _engine):
        yield url


@pytest.fixture
def uploads(settings_env, db_url, tmp_path) -> Iterator[Path]:
    """The app on the module's database, with its own upload folder (returned)."""
    folder = tmp_path / "uploads"
    settings_env.set(DATABASE_URL=db_url, UPLOAD_DIR=str(folder))
    yield folder
    effects.drain()


def call(fn, *args, **kwargs):
    """One service call in its own transaction, as the app runs it."""
    with database.session_scope() as db:
        return fn(db, *args, **kwargs)


def make_user(kind=UserType.BUSINESS, *, admin=False) -> Actor:
    """A user with a profile, written through the app's engine (the one the services here use)."""
    return marketplace.make_user(database.engine(), kind, admin=admin, company=True)


def draft(owner: Actor) -> uuid.UUID:
    return call(offer_management.create_draft, owner, offer_form())


def cover_of(offer_id: uuid.UUID) -> str | None:
    with database.session_scope() as db:
        return db.get(Offer, offer_id).cover_image


def stored(uploads: Path) -> list[str]:
    folder = uploads / "covers"
    return sorted(f"covers/{p.name}" for p in folder.iterdir() if p.is_file()) if folder.exists() else []


def fetch(path: str) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=Starlette(routes=media_routes.routes))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path)

    return asyncio.run(go())


# ---- uploading --------------------------------------------------------------------------------


def test_the_owner_s_cover_is_stored_as_a_public_webp_without_metadata(uploads):
    owner = make_user()
    offer_id = draft(owner)
    key = call(offer_covers.set_cover, owner, offer_id, photo(2400, 1800))

    assert key.startswith("covers/") and key.endswith(".webp")
    assert cover_of(offer_id) == key and stored(uploads) == [key]
    response = fetch(offer_covers.cover_path(key))
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/webp"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"].startswith("public")
    picture = Image.open(io.BytesIO(response.content))
    assert (picture.format, picture.size) == ("WEBP", (1600, 1200))
    assert not picture.getexif() and CAMERA_MAKE.encode() not in response.content


def test_the_cover_shows_on_the_card_the_offer_page_and_my_offers(uploads):
    owner = make_user()
    offer_id = draft(owner)
    assert cover_url("FOOD", None) == "/covers/food.svg"
    key = call(offer_covers.set_cover, owner, offer_id, photo())
    call(offer_management.publish, owner, offer_id)

    [row] = call(offer_management.my_offers, owner).page.items
    detail = call(offers.get_public_offer_detail, offer_id)
    assert row.cover_image == key == detail.summary.cover_image
    assert cover_url("FOOD", key).endswith("/media/" + key)
    assert fetch("/media/" + key).status_code == 200


@pytest.mark.parametrize("who,message", [
    ("other_business", offer_management.OFFER_NOT_FOUND),
    ("creator", "Only businesses and agencies can do that."),
    ("admin", None),  # admins moderate (pause, archive) but never edit on a business's behalf
    ("anonymous", "Log in to continue."),
])
def test_anyone_but_the_owner_is_refused_and_nothing_changes(uploads, who, message):
    owner = make_user()
    offer_id = draft(owner)
    key = call(offer_covers.set_cover, owner, offer_id, photo())
    actor = {"other_business": lambda: make_user(UserType.AGENCY), "creator": lambda: make_user(UserType.CREATOR),
             "admin": lambda: make_user(admin=True), "anonymous": lambda: None}[who]()

    for attempt in (lambda: call(offer_covers.set_cover, actor, offer_id, photo(seed=9)),
                    lambda: call(offer_covers.remove_cover, actor, offer_id)):
        with pytest.raises(NotAllowed) as refused:
            attempt()
        if message:
            assert refused.value.message == message
    effects.drain()
    assert cover_of(offer_id) == key and stored(uploads) == [key]


@pytest.mark.parametrize("data,message", [
    (PDF, "Only PNG, JPEG or WebP images are accepted."),
    (png_header(30_000, 30_000), "The image is too large (over 40 megapixels)."),
    (png_header(100, 100) + b"\0" * (10 * 1024 * 1024), "The file is larger than 10 MB."),
    (b"", offer_covers.NO_IMAGE),
], ids=["pdf-renamed-png", "30000x30000-header", "over-10-mb", "empty"])
def test_a_bad_file_is_refused_beside_the_cover_and_changes_nothing(uploads, data, message):
    owner = make_user()
    offer_id = draft(owner)
    key = call(offer_covers.set_cover, owner, offer_id, photo())
    with pytest.raises(ServiceError) as refused:
        call(offer_covers.set_cover, owner, offer_id, data)
    assert (refused.value.message, refused.value.field) == (message, "cover")
    assert cover_of(offer_id) == key and stored(uploads) == [key]


def test_an_archived_offer_s_cover_cannot_change(uploads):
    owner = make_user()
    offer_id = draft(owner)
    call(offer_management.archive, owner, offer_id)
    with pytest.raises(ServiceError):
        call(offer_covers.set_cover, owner, offer_id, photo())
    assert cover_of(offer_id) is None and stored(uploads) == []


# ---- replacing and removing -------------------------------------------------------------------


def test_replacing_deletes_the_old_file_only_after_the_commit(uploads):
    owner = make_user()
    offer_id = draft(owner)
    first = call(offer_covers.set_cover, owner, offer_id, photo(seed=1))
    with database.session_scope() as db:
        second = offer_covers.set_cover(db, owner, offer_id, photo(seed=2))
        effects.drain()
        assert stored(uploads) == sorted([first, second])  # not committed yet: the old file stays
    effects.drain()
    assert cover_of(offer_id) == second and stored(uploads) == [second]
    assert fetch("/media/" + first).status_code == 404


def test_a_rolled_back_replacement_keeps_the_old_cover_and_its_file(uploads):
    owner = make_user()
    offer_id = draft(owner)
    first = call(offer_covers.set_cover, owner, offer_id, photo(seed=1))
    with pytest.raises(RuntimeError), database.session_scope() as db:
        offer_covers.set_cover(db, owner, offer_id, photo(seed=2))
        raise RuntimeError("the request failed after the upload")
    effects.drain()
    assert cover_of(offer_id) == first and first in stored(uploads)
    assert fetch("/media/" + first).status_code == 200


def test_removing_goes_back_to_the_illustration_and_deletes_the_file(uploads):
    owner = make_user()
    offer_id = draft(owner)
    key = call(offer_covers.set_cover, owner, offer_id, photo())
    call(offer_covers.remove_cover, owner, offer_id)
    call(offer_covers.remove_cover, owner, offer_id)  # twice is not an error
    effects.drain()
    assert cover_of(offer_id) is None and stored(uploads) == []
    [row] = call(offer_management.my_offers, owner).page.items
    assert cover_url(row.category, row.cover_image) == "/covers/food.svg"
    assert fetch("/media/" + key).status_code == 404


def test_the_offer_form_cannot_set_or_clear_the_cover(uploads):
    """Only the upload sets a cover: a key sent with the form (another offer's file) is ignored."""
    owner, other = make_user(), make_user()
    theirs = call(offer_covers.set_cover, other, draft(other), photo(seed=4))
    offer_id = call(offer_management.create_draft, owner, offer_form(cover_image=theirs))
    assert cover_of(offer_id) is None
    mine = call(offer_covers.set_cover, owner, offer_id, photo(seed=5))
    call(offer_management.update_offer, owner, offer_id, {"title": "Brunch and a Reel", "cover_image": theirs})
    call(offer_management.update_offer, owner, offer_id, {"cover_image": None})
    assert cover_of(offer_id) == mine
    call(offer_covers.set_cover, owner, offer_id, photo(seed=6))
    effects.drain()
    assert theirs in stored(uploads) and mine not in stored(uploads)


# ---- the public route -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/media/covers/AAAAAAAAAAAAAAAAAAAAAA.webp",  # no such file
    "/media/covers/..%2Fsubmissions%2FAAAAAAAAAAAAAAAAAAAAAA.jpg",
    "/media/covers/AAAAAAAAAAAAAAAAAAAAAA.exe",
])
def test_the_route_serves_only_stored_covers(uploads, path):
    assert fetch(path).status_code == 404
