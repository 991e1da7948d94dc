"""Files a collaboration's parties download: the visit as an .ics calendar entry."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from influfinder.api.request_actor import caller
from influfinder.i18n import use_language
from influfinder.i18n.choice import COOKIE as LANGUAGE_COOKIE, preferred_language
from influfinder.services import collaboration_views
from influfinder.services.errors import ServiceError


async def visit_ics(request: Request) -> Response:
    # The calendar entry in the visitor's language: their choice (cookie), else their browser's.
    language = preferred_language(request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language"))
    try:
        with use_language(language):
            text = await caller(request)(collaboration_views.visit_ics, request.path_params["collab_id"])
    except ServiceError:
        # Not a party, not signed in, unknown id or no confirmed date: nothing to reveal.
        return PlainTextResponse("Not found", status_code=404)
    return Response(text, media_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="influfinder-visit.ics"',
        "Cache-Control": "private, no-store",
    })


routes = [Route("/collaborations/{collab_id}/visit.ics", visit_ics)]
