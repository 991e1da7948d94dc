"""Message attachments, served only to the two people of the message.

GET /media/attachments/{message_id}/{name} answers the message's sender and recipient,
identified by the session cookie. Anyone else, signed in or not (admins included: they have no
business in private mail), gets the same 404 as for a file that does not exist.

Photos are shown inline; PDF documents are always downloaded, never opened in the site's
origin. Headers keep a browser from guessing another type, from caching the file outside this
page, and from running anything in it.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from influfinder.api.request_actor import caller
from influfinder.services import media_access

PRIVATE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-site",
}


def _not_found() -> Response:
    return PlainTextResponse("Not found", status_code=404, headers={"Cache-Control": "no-store"})


def _disposition(record: dict) -> str:
    kind = "inline" if record["type"].startswith("image/") else "attachment"
    # RFC 6266/5987: the person's file name, percent-encoded, so no header can be injected.
    return f"{kind}; filename*=UTF-8''{quote(record['name'], safe='')}"


async def attachment(request: Request) -> Response:
    found = await caller(request)(media_access.attachment_file, request.path_params["message_id"],
                                  request.path_params["name"])
    if found is None:
        return _not_found()
    path, record = found
    headers = {**PRIVATE_HEADERS, "Content-Disposition": _disposition(record)}
    return FileResponse(path, media_type=record["type"], headers=headers)


routes = [Route("/media/attachments/{message_id}/{name}", attachment, methods=["GET", "HEAD"])]
