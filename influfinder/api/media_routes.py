"""Uploaded media over HTTP: private submission files, and public offer covers.

GET /media/submissions/{name} answers the collaboration's creator, its business and admins,
identified by the session cookie. Anyone else, signed in or not, gets the same 404 as for a
name that does not exist, so the route never tells whether a file is there.

The file's type comes from its extension, which our code chose when it stored the checked
file (never from the uploader). Headers keep a browser from guessing another type
(nosniff), from caching the file anywhere but in memory for this page (private, no-store),
and from running anything in it (a sandboxing Content-Security-Policy).

GET /media/covers/{name} answers anyone: a cover is shown wherever its offer is, and its random
name is never reused, so browsers and proxies may keep it for a year.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlmodel import select
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from influfinder import database
from influfinder.integrations import storage
from influfinder.models import Collaboration, ContentSubmission
from influfinder.models.submission import SubmissionMedia
from influfinder.services import sessions
from influfinder.services.actors import actor_for_token

CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "mp4": "video/mp4"}
PRIVATE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Disposition": "inline",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-site",
}

PUBLIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=31536000, immutable",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


def _not_found() -> Response:
    return PlainTextResponse("Not found", status_code=404, headers={"Cache-Control": "no-store"})


def authorized_file(name: str, token: str | None) -> tuple[Path, str] | None:
    """The file's path and type when the session's user may see it; else None (for every reason)."""
    key = f"{storage.SUBMISSIONS}/{name}"
    content_type = _content_type(name)
    try:
        path = storage.open_path(key)
    except storage.InvalidKey:
        return None
    if content_type is None or not token:
        return None
    with database.session_scope() as db:
        actor = actor_for_token(db, token)
        if actor is None:
            return None
        parties = db.exec(
            select(Collaboration.creator_id, Collaboration.business_id)
            .join(ContentSubmission, ContentSubmission.collaboration_id == Collaboration.id)
            .join(SubmissionMedia, SubmissionMedia.submission_id == ContentSubmission.id)
            .where(SubmissionMedia.storage_key == key)
        ).first()
    if parties is None or not (actor.id in parties or actor.is_admin):
        return None
    return (path, content_type) if path.is_file() else None


def public_file(folder: str, name: str) -> tuple[Path, str] | None:
    """The file's path and type when `folder` is a public one and the file is there; else None."""
    key = f"{folder}/{name}"
    content_type = _content_type(name)
    if content_type is None or not storage.is_public(key):
        return None
    try:
        path = storage.open_path(key)
    except storage.InvalidKey:
        return None
    return (path, content_type) if path.is_file() else None


def _content_type(name: str) -> str | None:
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1]) if "." in name else None


async def submission_media(request: Request) -> Response:
    token = request.cookies.get(sessions.cookie_name())
    found = await asyncio.to_thread(authorized_file, request.path_params["name"], token)
    if found is None:
        return _not_found()
    path, content_type = found
    # FileResponse streams the file and answers Range requests, which video players need to seek.
    return FileResponse(path, media_type=content_type, headers=PRIVATE_HEADERS)


async def cover_image(request: Request) -> Response:
    found = await asyncio.to_thread(public_file, storage.COVERS, request.path_params["name"])
    if found is None:
        return _not_found()
    path, content_type = found
    return FileResponse(path, media_type=content_type, headers=PUBLIC_HEADERS)


routes = [
    Route("/media/submissions/{name}", submission_media, methods=["GET", "HEAD"]),
    Route("/media/covers/{name}", cover_image, methods=["GET", "HEAD"]),
]
