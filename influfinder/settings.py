"""One typed settings object, read from the environment (DESIGN: deployment contract).

Every variable is documented in `.env.example`. Nothing else in the app reads os.environ.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from typing import Literal
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
_DEV_SECRET_FILE = ROOT / ".secret_key"


class SettingsError(RuntimeError):
    """A setting that cannot work; the message names the variable."""


class OAuthProvider(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    client_id: str = ""
    client_secret: str = ""
    authorize_url: str = ""
    token_url: str = ""
    userinfo_url: str = ""
    api_url: str = ""  # the provider's API for audience figures (Instagram, TikTok, Facebook)

    @property
    def enabled(self) -> bool:
        return bool(self.client_id and self.client_secret)


def _provider(prefix: str) -> OAuthProvider:
    return OAuthProvider(_env_prefix=f"{prefix}_")  # type: ignore[call-arg]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    database_url: str = "sqlite:///influfinder.db"
    redis_url: str | None = None
    secret_key: str = ""
    # Earlier SECRET_KEYs, comma-separated: stored provider tokens sealed with them still open, and the
    # daily refresh seals them again with SECRET_KEY (key rotation).
    old_secret_keys: str = ""
    public_url: str = "http://localhost:3000"

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_from: str = "Influfinder <no-reply@influfinder.local>"
    smtp_starttls: bool = True

    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"

    # Our media folder. Never Reflex's own upload folder (REFLEX_UPLOADED_FILES_DIR), which Reflex
    # serves to anyone at GET /_upload/<path>: private files must not be reachable from there.
    upload_dir: Path = Path("media")
    reflex_uploaded_files_dir: Path = Path("uploaded_files")
    # One upload request, all its files together; each kind has its own smaller limit too.
    max_upload_mb: int = Field(default=300, ge=1, le=1024)
    # How many reverse proxies in front of the app append to X-Forwarded-For; 0 = none, the
    # socket's peer is the client (a header anyone can send is then never believed).
    trusted_proxy_hops: int = Field(default=0, ge=0, le=10)
    session_lifetime_hours: int = Field(default=12, ge=1, le=24 * 90)
    session_lifetime_remembered_days: int = Field(default=30, ge=1, le=365)

    admin_emails: str = ""
    bcrypt_rounds: int = Field(default=12, ge=4, le=16)
    demo_data: bool | None = None  # unset: load demo data in development only

    # HTTP API (/api/v1): "kid=secret" pairs, comma-separated; the first signs, all verify (rotation).
    # Unset: one key derived from SECRET_KEY.
    jwt_keys: str = ""
    cors_origins: str = ""  # more origins allowed to call /api/v1 from a browser, besides PUBLIC_URL

    log_format: Literal["text", "json"] = "text"
    metrics_token: str | None = None  # unset: /metrics answers loopback clients only

    @field_validator("redis_url", "smtp_host", "openai_api_key", "openai_base_url", "metrics_token", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value or None

    @property
    def is_production(self) -> bool:
        # Reflex sets REFLEX_ENV_MODE once it has parsed `--env`, which may be after this
        # object was built, so it is read when asked.
        return os.environ.get("REFLEX_ENV_MODE", "dev") == "prod"

    @property
    def load_demo_data(self) -> bool:
        return (not self.is_production) if self.demo_data is None else self.demo_data

    @property
    def old_secret_key_list(self) -> list[str]:
        return [k.strip() for k in self.old_secret_keys.split(",") if k.strip()]

    @property
    def admin_email_set(self) -> frozenset[str]:
        return frozenset(e.strip().lower() for e in self.admin_emails.split(",") if e.strip())

    @property
    def allowed_origins(self) -> list[str]:
        return [self.public_url.rstrip("/")]

    @property
    def api_cors_origins(self) -> list[str]:
        extra = [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]
        return list(dict.fromkeys(self.allowed_origins + extra))

    @property
    def mail_backend(self) -> str:
        return "smtp" if self.smtp_host else "console"

    @property
    def ai_backend(self) -> str:
        return "openai" if self.openai_api_key else "local"

    @property
    def oauth_providers(self) -> dict[str, OAuthProvider]:
        return {name: _provider(name.upper()) for name in ("google", "facebook", "instagram", "tiktok")}

    @property
    def enabled_oauth_providers(self) -> list[str]:
        return [name for name, p in self.oauth_providers.items() if p.enabled]

    def check(self) -> None:
        """Refuse settings that cannot work, with one line naming the variable."""
        _check_database_url(self.database_url)
        if self.redis_url and urlparse(self.redis_url).scheme not in ("redis", "rediss", "unix"):
            raise SettingsError("REDIS_URL must start with redis://, rediss:// or unix://")
        if urlparse(self.public_url).scheme not in ("http", "https") or "*" in self.public_url:
            raise SettingsError("PUBLIC_URL must be the site's origin, such as https://influfinder.example")
        if self.cors_origins and any(urlparse(o.strip()).scheme not in ("http", "https") or "*" in o
                                     for o in self.cors_origins.split(",") if o.strip()):
            raise SettingsError("CORS_ORIGINS must list origins such as https://app.example, comma-separated")
        if self.jwt_keys and any("=" not in pair or len(pair.split("=", 1)[1].strip()) < 32
                                 for pair in self.jwt_keys.split(",") if pair.strip()):
            raise SettingsError("JWT_KEYS must be kid=secret pairs, comma-separated, each secret at least 32 characters")
        if self.is_production and not self.secret_key:
            raise SettingsError("SECRET_KEY is required in production")
        if self.media_is_public:
            raise SettingsError(
                f"UPLOAD_DIR ({self.upload_dir}) is inside Reflex's public upload folder "
                f"({self.reflex_uploaded_files_dir}), which anyone can read at /_upload: choose another folder"
            )

    @property
    def media_is_public(self) -> bool:
        """Whether our media folder lies inside the folder Reflex serves publicly."""
        ours, reflexs = self.upload_dir.resolve(), self.reflex_uploaded_files_dir.resolve()
        return ours == reflexs or ours.is_relative_to(reflexs)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def uses_https(self) -> bool:
        return self.public_url.startswith("https://")


def _check_database_url(url: str) -> None:
    scheme = urlparse(url).scheme
    if scheme not in ("sqlite", "postgresql", "postgresql+psycopg"):
        raise SettingsError(
            "DATABASE_URL must be sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DB "
            f"(got a URL with scheme {scheme or 'none'!r})"
        )


def _dev_secret_key() -> str:
    """A development key kept in a git-ignored file, so sessions survive restarts."""
    if not _DEV_SECRET_FILE.exists():
        _DEV_SECRET_FILE.write_text(secrets.token_urlsafe(48))
        _DEV_SECRET_FILE.chmod(0o600)
    return _DEV_SECRET_FILE.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    settings = Settings()
    if settings.database_url.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
        settings.database_url = "postgresql+psycopg://" + settings.database_url[len("postgresql://") :]
    if not settings.secret_key and not settings.is_production:
        settings.secret_key = _dev_secret_key()
    return settings


def reset_settings_cache() -> None:
    """For tests that change the environment."""
    get_settings.cache_clear()
