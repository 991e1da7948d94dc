"""The "Continue with Google" (Facebook, Instagram, TikTok) buttons of /login and /signup."""

from __future__ import annotations

import urllib.parse

import reflex as rx

from influfinder.api.auth_routes import safe_next
from influfinder.services import oauth_accounts
from influfinder.state.auth import backend_url, full_page_load


class OAuthButtons(rx.State, mixin=True):
    # Provider names and labels only: what the buttons show. Empty hides them.
    oauth_providers: list[dict[str, str]] = []

    def _load_oauth_providers(self) -> None:
        self.oauth_providers = [{"name": name, "label": label} for name, label in oauth_accounts.available_providers()]

    def _start_oauth(self, provider: object, *, role: str, next_path: str):
        """Leave the app for the provider's start route; a provider not configured here does nothing.

        The settings are asked again rather than the var, which holds whatever this tab loaded.
        """
        configured = {name for name, _label in oauth_accounts.available_providers()}
        if not isinstance(provider, str) or provider not in configured:
            return None
        query = urllib.parse.urlencode({"role": role, "next": safe_next(next_path)})
        return full_page_load(backend_url(f"/auth/oauth/{provider}/start?{query}"))
