"""The deployment contract (DESIGN.md): every variable is read, bad values are refused by name."""

from pathlib import Path

import pytest

from influfinder.settings import SettingsError, get_settings


def test_with_nothing_set_the_app_runs_embedded(settings_env):
    settings = get_settings()
    assert settings.database_url == "sqlite:///influfinder.db"
    assert settings.redis_url is None
    assert settings.public_url == "http://localhost:3000"
    assert settings.allowed_origins == ["http://localhost:3000"]
    assert settings.mail_backend == "console"
    assert settings.ai_backend == "local"
    # Our media are not in the folder Reflex serves publicly (issue 10).
    assert settings.upload_dir == Path("media")
    assert settings.reflex_uploaded_files_dir == Path("uploaded_files")
    assert settings.max_upload_mb == 300
    assert settings.trusted_proxy_hops == 0
    assert settings.admin_email_set == frozenset()
    assert settings.enabled_oauth_providers == []
    assert settings.is_production is False
    assert settings.load_demo_data is True
    settings.check()


@pytest.mark.parametrize(
    ("variable", "value", "read_back"),
    [
        ("DATABASE_URL", "sqlite:////srv/data/app.db", lambda s: s.database_url == "sqlite:////srv/data/app.db"),
        ("REDIS_URL", "redis://127.0.0.1:6379/3", lambda s: s.redis_url == "redis://127.0.0.1:6379/3"),
        ("SECRET_KEY", "k" * 40, lambda s: s.secret_key == "k" * 40),
        ("PUBLIC_URL", "https://influfinder.example/", lambda s: s.allowed_origins == ["https://influfinder.example"]),
        ("SMTP_HOST", "mail.example", lambda s: s.smtp_host == "mail.example" and s.mail_backend == "smtp"),
        ("SMTP_PORT", "2525", lambda s: s.smtp_port == 2525),
        ("SMTP_USERNAME", "mailer", lambda s: s.smtp_username == "mailer"),
        ("SMTP_PASSWORD", "hunter2", lambda s: s.smtp_password == "hunter2"),
        ("SMTP_FROM", "Team <team@example.com>", lambda s: s.smtp_from == "Team <team@example.com>"),
        ("SMTP_STARTTLS", "false", lambda s: s.smtp_starttls is False),
        ("OPENAI_API_KEY", "sk-test", lambda s: s.openai_api_key == "sk-test" and s.ai_backend == "openai"),
        ("OPENAI_BASE_URL", "http://127.0.0.1:9/v1", lambda s: s.openai_base_url == "http://127.0.0.1:9/v1"),
        ("OPENAI_MODEL", "gpt-test", lambda s: s.openai_model == "gpt-test"),
        ("UPLOAD_DIR", "/srv/media", lambda s: s.upload_dir == Path("/srv/media")),
        ("MAX_UPLOAD_MB", "5", lambda s: s.max_upload_mb == 5),
        ("ADMIN_EMAILS", " Boss@Example.com, ops@example.com ,",
         lambda s: s.admin_email_set == {"boss@example.com", "ops@example.com"}),
        ("DEMO_DATA", "false", lambda s: s.load_demo_data is False),
    ],
)
def test_each_variable_of_the_contract_is_read(settings_env, variable, value, read_back):
    settings_env.set(**{variable: value})
    assert read_back(get_settings())


@pytest.mark.parametrize("provider", ["google", "facebook", "instagram", "tiktok"])
def test_an_oauth_provider_is_enabled_by_its_id_and_secret_and_its_endpoints_can_move(settings_env, provider):
    prefix = provider.upper()
    settings_env.set(**{f"{prefix}_CLIENT_ID": "id-1", f"{prefix}_CLIENT_SECRET": "secret-1",
                        f"{prefix}_TOKEN_URL": "http://127.0.0.1:9/token"})
    settings = get_settings()
    assert settings.enabled_oauth_providers == [provider]
    assert settings.oauth_providers[provider].token_url == "http://127.0.0.1:9/token"


def test_an_oauth_provider_without_its_secret_stays_hidden(settings_env):
    settings_env.set(GOOGLE_CLIENT_ID="id-only")
    assert get_settings().enabled_oauth_providers == []


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://root@127.0.0.1/app"),
        ("DATABASE_URL", "influfinder.db"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("REDIS_URL", "127.0.0.1:6379"),
        ("PUBLIC_URL", "*"),
        ("PUBLIC_URL", "localhost:3000"),
        ("PUBLIC_URL", "ftp://influfinder.example"),
    ],
)
def test_a_malformed_url_is_refused_naming_its_variable(settings_env, variable, value):
    settings_env.set(**{variable: value})
    with pytest.raises(SettingsError, match=variable):
        get_settings().check()


def test_production_without_a_secret_key_refuses_to_start(settings_env):
    settings_env.set(REFLEX_ENV_MODE="prod")
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        get_settings().check()
    # No key is invented in production: it would change on every deploy and log everyone out.
    assert not settings_env.dev_secret_file.exists()


def test_production_with_a_secret_key_starts(settings_env):
    settings_env.set(REFLEX_ENV_MODE="prod", SECRET_KEY="s" * 48)
    settings = get_settings()
    settings.check()
    assert settings.is_production and settings.load_demo_data is False


def test_plain_postgresql_urls_use_the_psycopg_driver_we_ship(settings_env):
    settings_env.set(DATABASE_URL="postgresql://app:pw@127.0.0.1:5432/influfinder")
    assert get_settings().database_url == "postgresql+psycopg://app:pw@127.0.0.1:5432/influfinder"


def test_the_dev_secret_key_is_generated_once_and_kept_across_restarts(settings_env):
    first = get_settings().secret_key
    assert len(first) >= 32
    assert settings_env.dev_secret_file.stat().st_mode & 0o077 == 0  # readable by the owner only
    settings_env.set()  # a restart: caches dropped, settings read again
    assert get_settings().secret_key == first


@pytest.mark.parametrize("upload_dir", ["uploaded_files", "uploaded_files/media", "./uploaded_files/x/../private"])
def test_a_media_folder_inside_reflexs_public_folder_refuses_to_start(settings_env, upload_dir):
    settings_env.set(UPLOAD_DIR=upload_dir)
    with pytest.raises(SettingsError, match="UPLOAD_DIR"):
        get_settings().check()


def test_the_media_folder_may_sit_beside_a_moved_reflex_folder(settings_env):
    settings_env.set(UPLOAD_DIR="uploaded_files", REFLEX_UPLOADED_FILES_DIR="public_uploads")
    get_settings().check()
