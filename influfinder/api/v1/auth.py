"""/api/v1/auth: register, log in (password or a provider's authorization code), refresh, log out,
confirm the email, reset or change the password. The rules are services/accounts.py's and
services/oauth_accounts.py's, the same as the pages'; tokens are services/api_tokens.py's."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from influfinder.api.v1.door import Anyone, Caller, SignedIn
from influfinder.api.v1.idempotency import IdempotencyKey, once
from influfinder.api.v1.problems import RESPONSES, ProblemError
from influfinder.integrations import oauth_providers
from influfinder.services import accounts, api_sign_in, api_tokens, oauth_accounts
from influfinder.services.unit_of_work import for_anyone

router = APIRouter(prefix="/auth", tags=["auth"], responses=RESPONSES)
Provider = Literal["google", "facebook", "instagram", "tiktok"]


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(examples)})


class Tokens(BaseModel):
    model_config = _examples({"access_token": "eyJhbGciOiJIUzI1NiIsImtpZCI6Im1haW4ifQ.eyJzdWIiOiIuLi4ifQ.sig",
                              "refresh_token": "5Zq2m0f4m1WmPp1f3b1-1o0Yh0yQm4d1s8cQ2a7c9bE", "token_type": "Bearer",
                              "expires_in": 1800})
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")


class Registered(Tokens):
    model_config = _examples({"user_id": "4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10", "created": True,
                              "access_token": "eyJ...", "refresh_token": "5Zq2...", "token_type": "Bearer",
                              "expires_in": 1800})
    user_id: str
    created: bool = Field(description="False when a provider sign-in found an existing account.")


class Register(BaseModel):
    model_config = _examples({"email": "lucia@example.com", "username": "lucia_eats", "password": "a long pass phrase",
                              "user_type": "CREATOR"})
    email: str = Field(max_length=254)
    username: str = Field(max_length=64)
    password: str = Field(max_length=1024)
    user_type: Literal["CREATOR", "BUSINESS", "AGENCY"]


class Login(BaseModel):
    model_config = _examples({"identifier": "lucia@example.com", "password": "a long pass phrase"})
    identifier: str = Field(max_length=254, description="Email or username.")
    password: str = Field(max_length=1024)


class ProviderCode(BaseModel):
    model_config = _examples({"code": "4/0AfJohXk...", "redirect_uri": "com.influfinder.app:/oauth",
                              "code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "role": "CREATOR"})
    code: str = Field(min_length=1, max_length=2048, description="The authorization code the provider returned.")
    redirect_uri: str = Field(min_length=1, max_length=2048, description="The redirect URI the code was issued for.")
    code_verifier: str = Field(default="", max_length=128, description="The PKCE verifier, when the app used PKCE.")
    role: Literal["CREATOR", "BUSINESS", "AGENCY"] = Field(default="CREATOR", description="For a new account.")


class Refresh(BaseModel):
    model_config = _examples({"refresh_token": "5Zq2m0f4m1WmPp1f3b1-1o0Yh0yQm4d1s8cQ2a7c9bE"})
    refresh_token: str = Field(max_length=256)


class EmailToken(BaseModel):
    model_config = _examples({"token": "Vh3k2n...from-the-mail-link"})
    token: str = Field(max_length=256)


class Forgot(BaseModel):
    model_config = _examples({"email": "lucia@example.com"})
    email: str = Field(max_length=254)


class ResetPassword(BaseModel):
    model_config = _examples({"token": "Vh3k2n...from-the-mail-link", "password": "a new long pass phrase"})
    token: str = Field(max_length=256)
    password: str = Field(max_length=1024)


class ChangePassword(BaseModel):
    model_config = _examples({"current_password": "a long pass phrase", "new_password": "a new long pass phrase"})
    current_password: str = Field(default="", max_length=1024, description="Empty for an account without a password.")
    new_password: str = Field(max_length=1024)


class Notice(BaseModel):
    model_config = _examples({"detail": accounts.FORGOT_ANSWER})
    detail: str


def _tokens(pair: api_tokens.TokenPair) -> dict:
    return {"access_token": pair.access_token, "refresh_token": pair.refresh_token,
            "token_type": pair.token_type, "expires_in": pair.expires_in}


# ---- register and log in ----------------------------------------------------------------------


@router.post("/register/email", status_code=201, response_model=Registered, summary="Sign up with email and password")
async def register(body: Register, request: Request, caller: Caller = Anyone,
                   idempotency_key: str | None = IdempotencyKey) -> JSONResponse:
    async def create() -> JSONResponse:
        data = accounts.SignUpInput(body.email, body.username, body.password, body.user_type)
        user_id, pair = await caller.run(api_sign_in.sign_up, data, caller.credentials.client_ip)
        return JSONResponse({"user_id": str(user_id), "created": True, **_tokens(pair)}, status_code=201)

    return await once(request, caller, idempotency_key, create)


@router.post("/login", response_model=Tokens, summary="Log in with email or username and password")
async def login(body: Login, caller: Caller = Anyone) -> dict:
    return _tokens(await caller.run(api_sign_in.log_in, body.identifier, body.password, caller.credentials.client_ip))


async def _with_provider(provider: str, body: ProviderCode, caller: Caller) -> JSONResponse:
    found = oauth_providers.get(provider)
    if found is None:
        raise ProblemError(404, oauth_accounts.message("unavailable", provider))
    try:
        identity = await oauth_providers.identity(found, code=body.code, code_verifier=body.code_verifier,
                                                  redirect_uri=body.redirect_uri)
    except oauth_providers.ProviderError:
        raise ProblemError(401, oauth_accounts.message("provider", provider)) from None
    done, pair = await caller.run(api_sign_in.with_provider, identity, body.role, caller.credentials.client_ip)
    return JSONResponse({"user_id": str(done.user_id), "created": done.created, **_tokens(pair)},
                        status_code=201 if done.created else 200)


class ProviderLogin(ProviderCode):
    model_config = _examples({"provider": "google", "code": "4/0AfJohXk...", "redirect_uri": "com.influfinder.app:/oauth",
                              "code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"})
    provider: Provider


@router.post("/register/{provider}", status_code=201, response_model=Registered,
             responses={200: {"model": Registered, "description": "The provider account already had an account."}},
             summary="Sign up with a provider's authorization code")
async def register_with_provider(provider: Provider, body: ProviderCode, caller: Caller = Anyone) -> JSONResponse:
    return await _with_provider(provider, body, caller)


@router.post("/login/oauth", response_model=Registered,
             responses={201: {"model": Registered, "description": "A new account was made."}},
             summary="Log in with a provider's authorization code")
async def login_with_provider(body: ProviderLogin, caller: Caller = Anyone) -> JSONResponse:
    return await _with_provider(body.provider, body, caller)


# ---- tokens -----------------------------------------------------------------------------------


@router.post("/refresh", response_model=Tokens, summary="Trade a refresh token for a new pair (rotation)")
async def refresh(body: Refresh, caller: Caller = Anyone) -> dict:
    rotation = await caller.run(api_tokens.rotate, body.refresh_token)
    if rotation.pair is None:
        raise ProblemError(401, rotation.refusal, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return _tokens(rotation.pair)


@router.post("/logout", status_code=204, summary="Revoke this login: its access and refresh tokens")
async def logout(caller: Caller = SignedIn) -> Response:
    await caller.run(api_tokens.log_out, caller.credentials.access_token)
    return Response(status_code=204)


# ---- email and password -----------------------------------------------------------------------


@router.post("/verify-email", status_code=204, summary="Confirm the email address with the mailed token")
async def verify_email(body: EmailToken, caller: Caller = Anyone) -> Response:
    await caller.run(for_anyone(accounts.verify_email), body.token)
    return Response(status_code=204)


@router.post("/resend-verification", status_code=202, summary="Mail a new confirmation link")
async def resend_verification(caller: Caller = SignedIn) -> Response:
    await caller.run(accounts.resend_verification)
    return Response(status_code=202)


@router.post("/forgot-password", status_code=202, response_model=Notice, summary="Mail a password reset link")
async def forgot_password(body: Forgot, caller: Caller = Anyone) -> dict:
    return {"detail": await caller.run(for_anyone(accounts.forgot_password), body.email)}


@router.post("/reset-password", status_code=204, summary="Choose a new password with the mailed token")
async def reset_password(body: ResetPassword, caller: Caller = Anyone) -> Response:
    await caller.run(for_anyone(accounts.reset_password), body.token, body.password)
    return Response(status_code=204)


@router.post("/change-password", response_model=Tokens,
             summary="Change the password: every other login ends, a new token pair is returned")
async def change_password(body: ChangePassword, caller: Caller = SignedIn) -> dict:
    return _tokens(await caller.run(api_sign_in.change_password, body.current_password, body.new_password))
