"""Who a sign-in provider says a person is, and the username we suggest for them. No I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from influfinder.domain.identity import RESERVED_USERNAMES

PROVIDERS = ("google", "facebook", "instagram", "tiktok")
LABELS = {"google": "Google", "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok"}
# Providers whose handle is a creator's public @name on that platform (Profile.<provider>_handle).
PLATFORM_HANDLES = ("instagram", "tiktok")

USERNAME_BASE_LENGTH = 24  # leaves room for a "_1234" suffix within the 30-character limit
_NOT_USERNAME = re.compile(r"[^a-z0-9_.]+")
HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,30}$")


@dataclass(frozen=True)
class ExternalIdentity:
    """The provider's answer after a successful sign-in. `subject` is its stable id for the person."""

    provider: str
    subject: str
    email: str | None = None
    email_verified: bool = False  # True only when the provider itself says it checked the address
    name: str = ""
    handle: str | None = None  # the public @handle, without the "@" (Instagram, TikTok)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = _NOT_USERNAME.sub("_", ascii_text.replace(" ", "_"))
    return re.sub(r"_+", "_", slug).strip("._")[:USERNAME_BASE_LENGTH].strip("._")


def username_base(identity: ExternalIdentity) -> str:
    """A readable username from the handle, the name or the email's local part, in that order."""
    local_part = (identity.email or "").split("@")[0]
    for text in (identity.handle or "", identity.name, local_part):
        slug = _slug(text)
        if len(slug) >= 3 and slug not in RESERVED_USERNAMES:
            return slug
    return f"{identity.provider}_user"


def platform_handle(identity: ExternalIdentity) -> str | None:
    """The handle to show on the creator's profile, when the provider is that platform and it looks right."""
    handle = (identity.handle or "").lstrip("@")
    if identity.provider in PLATFORM_HANDLES and HANDLE.match(handle):
        return handle
    return None
