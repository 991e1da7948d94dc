"""HTTP routes beside the Reflex app: every route module, in one Starlette app."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from influfinder.api.health_routes import health, info


def build_api() -> Starlette:
    from influfinder.api.auth_routes import routes as auth_routes
    from influfinder.api.collaboration_routes import routes as collaboration_routes
    from influfinder.api.media_routes import routes as media_routes
    from influfinder.api.message_routes import routes as message_routes
    from influfinder.api.oauth_routes import routes as oauth_routes
    from influfinder.api.language_routes import routes as language_routes
    from influfinder.api.share_routes import routes as share_routes

    from influfinder.api.v1.docs import routes as docs_routes
    from influfinder.api.v1.app import PREFIX, build_v1

    from influfinder.api.operations_routes import routes as operations_routes
    from influfinder.api.request_context import RequestContext

    return Starlette(routes=[Route("/health", health), *operations_routes(ready=health), Route("/info", info),
                             *auth_routes, *oauth_routes, *collaboration_routes, *media_routes, *message_routes,
                             *share_routes, *language_routes, Mount(PREFIX, app=build_v1()), *docs_routes],
                     middleware=[Middleware(RequestContext)], exception_handlers={404: not_found})


async def not_found(request: Request, _error: Exception) -> Response:
    """A path no route matches; under /api/v1 (a newline in an id escapes the mount) as a problem document."""
    from influfinder.api.v1.app import PREFIX
    from influfinder.api.v1.problems import problem_response

    if request.url.path.startswith(PREFIX + "/"):
        return problem_response(request, 404, "There is nothing at this address.")
    return PlainTextResponse("Not Found", status_code=404)


# For in-process callers (tests, tools). The Reflex app builds its own (influfinder.py): Reflex mounts
# itself into the app it is given and adds middleware to it, which a started app refuses.
api = build_api()
