"""A local OAuth 2.0 provider on 127.0.0.1 that speaks each of our providers' dialects.

Under /google, /facebook, /instagram and /tiktok it serves /authorize (consents at once and
redirects back with a code, or with error=access_denied when told to), /token (checks the code,
the redirect URI, the client's credentials the way that provider takes them, and PKCE) and
/userinfo (answers in that provider's shape). Tests say who the next sign-in is with `sign_in_as`.

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
            })
        return env

    def sign_in_as(self, provider: str, subject: str, **details) -> Person:
        """Who the provider's consent page signs in next (until told otherwise)."""
        person = Person(subject, **details)
        with self._lock:
            self.people[provider] = person
            self.deny.discard(provider)
        return person

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
        if grant is None or grant.provider != provider or form.get("grant_type") != "authorization_code":
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant.redirect_uri or not _pkce_ok(grant.code_challenge, form.get("code_verifier")):
            return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[access_token] = grant
        if provider == "instagram":  # Instagram's answer has no token_type
            return 200, {"access_token": access_token, "user_id": grant.person.subject, "permissions": ["instagram_business_basic"]}
        return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600}

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


def _handler_for(server: OAuthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:  # quiet: pytest shows failures, not access logs
            pass

        def _route(self) -> tuple[str, str, dict[str, str]]:
            url = urlparse(self.path)
            parts = url.path.strip("/").split("/")
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            return (parts[0], parts[1], query) if len(parts) == 2 and parts[0] in PROVIDERS else ("", "", query)

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
            provider, endpoint, query = self._route()
            if endpoint == "authorize":
                status, headers, body = server.authorize(provider, query)
                self._send(status, body, headers)
            elif endpoint == "userinfo":
                self._send(*server.userinfo(provider, query, self.headers.get("Authorization", "")))
            else:
                self._send(404, {"error": "not_found"})

        def do_POST(self) -> None:  # noqa: N802
            provider, endpoint, _query = self._route()
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if endpoint == "token":
                self._send(*server.token(provider, form))
            else:
                self._send(404, {"error": "not_found"})

    return Handler
