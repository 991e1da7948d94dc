"""A local OAuth 2.0 provider on 127.0.0.1 that speaks each of our providers' dialects.

Under /google, /facebook, /instagram and /tiktok it serves /authorize (consents at once and
redirects back with a code, or with error=access_denied when told to), /token (checks the code,
the redirect URI, the client's credentials the way that provider takes them, and PKCE) and
/userinfo (answers in that provider's shape). Tests say who the next sign-in is with `sign_in_as`.

Under /instagram/api, /tiktok/api and /facebook/api it speaks the providers' APIs for audience
figures (Instagram API with Instagram Login /me and /me/media, TikTok Display API /v2/user/info/,
Facebook /me/accounts), their token chores (long-lived exchange, refresh, revoke), and fails on
demand the way each provider does: `fail(provider, "expired" | "revoked" | "rate_limited" | "malformed")`.

    with OAuthServer() as server:
        env = server.env("google")           # GOOGLE_CLIENT_ID, ..., GOOGLE_USERINFO_URL
        server.sign_in_as("google", "sub-1", email="ana@example.com", email_verified=True, name="Ana")
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

PROVIDERS = ("google", "facebook", "instagram", "tiktok")


@dataclass
class Person:
    subject: str
    email: str | None = None
    email_verified: bool = False
    name: str = ""
    handle: str | None = None


@dataclass
class Audience:
    """What the provider's API says about the account (the test sets it with `audience_of`)."""

    followers: int = 0
    following: int = 0
    posts: int = 0
    verified: bool = False
    likes: list[int] = field(default_factory=list)  # per post, newest first
    comments: list[int] = field(default_factory=list)
    total_likes: int = 0  # TikTok gives totals only
    pages: list[dict] = field(default_factory=list)  # Facebook Pages the person manages


@dataclass
class Grant:
    provider: str
    person: Person
    redirect_uri: str
    code_challenge: str | None


@dataclass
class OAuthServer:
    people: dict[str, Person] = field(default_factory=dict)
    deny: set[str] = field(default_factory=set)
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    audiences: dict[str, Audience] = field(default_factory=dict)
    failing: dict[str, tuple[str, int]] = field(default_factory=dict)  # provider -> (mode, retry after)
    api_requests: list[tuple[str, str]] = field(default_factory=list)  # (provider, path)
    revoked: list[str] = field(default_factory=list)  # tokens the app asked to revoke
    _refresh_tokens: dict[str, Grant] = field(default_factory=dict)
    _codes: dict[str, Grant] = field(default_factory=dict)
    _tokens: dict[str, Grant] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.port = self._http.server_address[1]
        self._thread = threading.Thread(target=self._http.serve_forever, name="oauth-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> OAuthServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._http.shutdown()
        self._http.server_close()

    def env(self, *providers: str) -> dict[str, str]:
        """The app's variables that enable these providers against this server."""
        env = {}
        for name in providers or PROVIDERS:
            prefix = name.upper()
            env.update({
                f"{prefix}_CLIENT_ID": f"{name}-client", f"{prefix}_CLIENT_SECRET": f"{name}-secret",
                f"{prefix}_AUTHORIZE_URL": f"{self.base_url}/{name}/authorize",
                f"{prefix}_TOKEN_URL": f"{self.base_url}/{name}/token",
                f"{prefix}_USERINFO_URL": f"{self.base_url}/{name}/userinfo",
                f"{prefix}_API_URL": f"{self.base_url}/{name}/api",
            })
        return env

    def sign_in_as(self, provider: str, subject: str, **details) -> Person:
        """Who the provider's consent page signs in next (until told otherwise)."""
        person = Person(subject, **details)
        with self._lock:
            self.people[provider] = person
            self.deny.discard(provider)
        return person

    def audience_of(self, provider: str, **figures) -> Audience:
        """The figures the provider's API answers from now on."""
        audience = Audience(**figures)
        with self._lock:
            self.audiences[provider] = audience
        return audience

    def fail(self, provider: str, mode: str, retry_after: int = 0) -> None:
        """From now on the API fails: expired (tokens expire), revoked (access withdrawn, refresh too),
        rate_limited (429 with Retry-After), malformed (figures in the wrong shape)."""
        with self._lock:
            self.failing[provider] = (mode, retry_after)
            if mode in ("expired", "revoked"):
                for token in [t for t, g in self._tokens.items() if g.provider == provider]:
                    del self._tokens[token]
            if mode == "revoked":
                for token in [t for t, g in self._refresh_tokens.items() if g.provider == provider]:
                    del self._refresh_tokens[token]

    def recover(self, provider: str) -> None:
        with self._lock:
            self.failing.pop(provider, None)

    def refuse_consent(self, provider: str) -> None:
        with self._lock:
            self.deny.add(provider)

    # --- the protocol ---------------------------------------------------------------------------

    def authorize(self, provider: str, query: dict[str, str]) -> tuple[int, dict[str, str], dict]:
        self.authorize_requests.append({"provider": provider, **query})
        client_id = query.get("client_key") if provider == "tiktok" else query.get("client_id")
        redirect_uri = query.get("redirect_uri", "")
        if client_id != f"{provider}-client" or query.get("response_type") != "code" or not redirect_uri:
            return 400, {}, {"error": "invalid_request"}
        answer = {"state": query.get("state", "")}
        with self._lock:
            if provider in self.deny or provider not in self.people:
                answer["error"] = "access_denied"
            else:
                code = secrets.token_urlsafe(16)
                self._codes[code] = Grant(provider, self.people[provider], redirect_uri, query.get("code_challenge"))
                answer["code"] = code
        return 302, {"Location": f"{redirect_uri}?{urlencode(answer)}"}, {}

    def token(self, provider: str, form: dict[str, str]) -> tuple[int, dict]:
        self.token_requests.append({"provider": provider, **form})
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)  # a code works once
        client_field = "client_key" if provider == "tiktok" else "client_id"
        if (form.get(client_field) != f"{provider}-client" or form.get("client_secret") != f"{provider}-secret"):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") == "refresh_token":
            return self._refresh(provider, form.get("refresh_token", ""))
        if grant is None or grant.provider != provider or form.get("grant_type") != "authorization_code":
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant.redirect_uri or not _pkce_ok(grant.code_challenge, form.get("code_verifier")):
            return 400, {"error": "invalid_grant"}
        access_token = self._issue(grant)
        if provider == "instagram":  # Instagram's answer has no token_type
            return 200, {"access_token": access_token, "user_id": grant.person.subject, "permissions": ["instagram_business_basic"]}
        if provider == "tiktok":  # TikTok's tokens last a day and come with a refresh token
            return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 86400,
                         "refresh_token": self._issue_refresh(grant), "refresh_expires_in": 31536000,
                         "open_id": grant.person.subject, "scope": "user.info.basic"}
        return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600}

    def _issue(self, grant: Grant) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = grant
        return token

    def _issue_refresh(self, grant: Grant) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._refresh_tokens[token] = grant
        return token

    def _refresh(self, provider: str, refresh_token: str) -> tuple[int, dict]:
        with self._lock:
            grant = self._refresh_tokens.pop(refresh_token, None)  # rotated: each works once
            if self.failing.get(provider, ("",))[0] == "expired":
                self.failing.pop(provider)  # a fresh token works again
        if grant is None or grant.provider != provider:
            return 400, {"error": "invalid_grant", "error_description": "refresh token is invalid"}
        return 200, {"access_token": self._issue(grant), "token_type": "Bearer", "expires_in": 86400,
                     "refresh_token": self._issue_refresh(grant), "refresh_expires_in": 31536000}

    # --- the providers' APIs for audience figures ---------------------------------------------------

    def api(self, provider: str, method: str, path: str, query: dict[str, str], form: dict[str, str],
            authorization: str) -> tuple[int, dict, dict[str, str]]:
        self.api_requests.append((provider, path))
        token = (authorization.removeprefix("Bearer ") if provider == "tiktok"
                 else query.get("access_token") or form.get("token", ""))
        if (method, path) == ("POST", "v2/oauth/revoke"):
            self.revoked.append(form.get("token", ""))
            return 200, {}, {}
        if (method, path) == ("GET", "oauth/access_token") and provider == "facebook":
            token = query.get("fb_exchange_token", "")
        with self._lock:
            grant = self._tokens.get(token)
            mode, retry_after = self.failing.get(provider, ("", 0))
        if mode == "rate_limited":
            return 429, _rate_limited(provider), {"Retry-After": str(retry_after)}
        if grant is None or grant.provider != provider:
            return _bad_token(provider, "revoked" if mode == "revoked" else "expired")
        if (method, path) == ("DELETE", "me/permissions"):
            self.revoked.append(token)
            return 200, {"success": True}, {}
        if path in ("access_token", "refresh_access_token", "oauth/access_token"):  # long-lived tokens
            return 200, {"access_token": self._issue(grant), "token_type": "bearer", "expires_in": 5184000}, {}
        audience = self.audiences.get(provider, Audience())
        body = _figures(provider, path, grant.person, audience)
        if body is None:
            return 404, {"error": "not_found"}, {}
        return 200, (_malformed(provider) if mode == "malformed" else body), {}

    def userinfo(self, provider: str, query: dict[str, str], authorization: str) -> tuple[int, dict]:
        # The Graph APIs take the token as a query parameter, the others as a bearer header.
        access_token = query.get("access_token", "") if provider in ("facebook", "instagram") \
            else authorization.removeprefix("Bearer ")
        with self._lock:
            grant = self._tokens.get(access_token)
        if grant is None or grant.provider != provider:
            return 401, {"error": "invalid_token"}
        return 200, _profile(provider, grant.person)


def _pkce_ok(challenge: str | None, verifier: str | None) -> bool:
    if challenge is None:
        return True
    digest = hashlib.sha256((verifier or "").encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge


def _profile(provider: str, person: Person) -> dict:
    if provider == "google":
        body = {"sub": person.subject, "name": person.name, "email_verified": person.email_verified}
        return {**body, "email": person.email} if person.email else body
    if provider == "facebook":
        body = {"id": person.subject, "name": person.name}
        return {**body, "email": person.email} if person.email else body
    if provider == "instagram":
        return {"id": person.subject, "username": person.handle}
    user = {"open_id": person.subject, "display_name": person.name, "username": person.handle}
    return {"data": {"user": user}, "error": {"code": "ok", "message": ""}}


def _figures(provider: str, path: str, person: Person, audience: Audience) -> dict | None:
    if (provider, path) == ("instagram", "me"):
        return {"id": person.subject, "user_id": f"17841{person.subject}", "username": person.handle,
                "name": person.name, "followers_count": audience.followers, "follows_count": audience.following,
                "media_count": audience.posts}
    if (provider, path) == ("instagram", "me/media"):
        return {"data": [{"id": f"m{i}", "like_count": likes, "comments_count": comments}
                         for i, (likes, comments) in enumerate(zip(audience.likes, audience.comments))]}
    if (provider, path) == ("tiktok", "v2/user/info"):
        user = {"open_id": person.subject, "username": person.handle, "display_name": person.name,
                "is_verified": audience.verified, "follower_count": audience.followers,
                "following_count": audience.following, "likes_count": audience.total_likes,
                "video_count": audience.posts}
        return {"data": {"user": user}, "error": {"code": "ok", "message": "", "log_id": "x"}}
    if (provider, path) == ("facebook", "me/accounts"):
        return {"data": audience.pages, "paging": {}}
    return None


def _malformed(provider: str) -> dict:
    if provider == "tiktok":
        return {"data": {"user": {"open_id": "x", "follower_count": "many"}}, "error": {"code": "ok"}}
    return {"id": "x", "followers_count": None, "data": "nothing"}


def _rate_limited(provider: str) -> dict:
    if provider == "tiktok":
        return {"data": {}, "error": {"code": "rate_limit_exceeded", "message": "slow down"}}
    return {"error": {"message": "Application request limit reached", "code": 4}}


def _bad_token(provider: str, mode: str) -> tuple[int, dict, dict[str, str]]:
    if provider == "tiktok":
        code = "access_token_invalid" if mode == "expired" else "scope_not_authorized"
        return 401, {"data": {}, "error": {"code": code, "message": mode}}, {}
    subcode = 463 if mode == "expired" else 460  # Graph: session expired / password changed or access removed
    return 400, {"error": {"message": "Error validating access token", "type": "OAuthException", "code": 190,
                           "error_subcode": subcode}}, {}


def _handler_for(server: OAuthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:  # quiet: pytest shows failures, not access logs
            pass

        def _route(self) -> tuple[str, str, dict[str, str]]:
            url = urlparse(self.path)
            parts = url.path.strip("/").split("/")
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            return (parts[0], "/".join(parts[1:]), query) if len(parts) >= 2 and parts[0] in PROVIDERS else ("", "", query)

        def _api(self, method: str) -> bool:
            provider, endpoint, query = self._route()
            if not endpoint.startswith("api/"):
                return False
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()} if length else {}
            status, body, headers = server.api(provider, method, endpoint.removeprefix("api/").rstrip("/"), query,
                                               form, self.headers.get("Authorization", ""))
            self._send(status, body, headers)
            return True

        def do_DELETE(self) -> None:  # noqa: N802
            if not self._api("DELETE"):
                self._send(404, {"error": "not_found"})

        def _send(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self._api("GET"):
                return
            provider, endpoint, query = self._route()
            if endpoint == "authorize":
                status, headers, body = server.authorize(provider, query)
                self._send(status, body, headers)
            elif endpoint == "userinfo":
                self._send(*server.userinfo(provider, query, self.headers.get("Authorization", "")))
            else:
                self._send(404, {"error": "not_found"})

        def do_POST(self) -> None:  # noqa: N802
            if self._api("POST"):
                return
            provider, endpoint, _query = self._route()
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if endpoint == "token":
                self._send(*server.token(provider, form))
            else:
                self._send(404, {"error": "not_found"})

    return Handler
