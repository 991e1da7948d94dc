"""Uploaded media over HTTP: private submission files, and public offer covers.

GET /media/submissions/{name} answers the collaboration's creator, its business and admins,
identified by the session cookie (services/media_access.py decides), and anyone once the file is
approved content its creator shows in the portfolio (services/portfolio.py). Anyone else, signed in
or not, gets the same 404 as for a name that does not exist, so the route never tells whether a file
is there.

The file's type comes from its extension, which our code chose when it stored the checked
file (never from the uploader). Headers keep a browser from guessing another type
(nosniff), from caching the file anywhere but in memory for this page (private, no-store),
and from running anything in it (a sandboxing Content-Security-Policy).

GET /media/covers/{name} answers anyone: a cover is shown wherever its offer is, and its random
name is never reused, so browsers and proxies may keep it for a year.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from influfinder.api.request_actor import caller
from influfinder.integrations import storage
from influfinder.services import media_access

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


async def submission_media(request: Request) -> Response:
    found = await caller(request)(media_access.submission_file, request.path_params["name"])
    if found is None:
        return _not_found()
    path, content_type = found
    # FileResponse streams the file and answers Range requests, which video players need to seek.
    return FileResponse(path, media_type=content_type, headers=PRIVATE_HEADERS)


async def cover_image(request: Request) -> Response:
    found = await asyncio.to_thread(media_access.public_file, storage.COVERS, request.path_params["name"])
    if found is None:
        return _not_found()
    path, content_type = found
    return FileResponse(path, media_type=content_type, headers=PUBLIC_HEADERS)


routes = [
    Route("/media/submissions/{name}", submission_media, methods=["GET", "HEAD"]),
    Route("/media/covers/{name}", cover_image, methods=["GET", "HEAD"]),
]
