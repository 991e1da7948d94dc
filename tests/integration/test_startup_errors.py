"""Bad settings stop the app at once with one line that names the variable, not a traceback."""

import subprocess
import sys

import pytest

from tests.support import ROOT
from tests.support.env import clean_environment

pytestmark = pytest.mark.integration


def migrate_with(tmp_path, **variables: str) -> subprocess.CompletedProcess:
    env = clean_environment({"SECRET_KEY": "test-secret-key-not-used", "DATABASE_URL": f"sqlite:///{tmp_path}/app.db",
                             **variables})
    return subprocess.run([sys.executable, "-m", "influfinder", "migrate"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://root@127.0.0.1/influfinder"),
        ("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/influfinder"),
        ("REDIS_URL", "redis://127.0.0.1:1/0"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("PUBLIC_URL", "*"),
    ],
    ids=["malformed-database", "unreachable-database", "unreachable-redis", "malformed-redis", "wildcard-origin"],
)
def test_migrate_refuses_with_one_line_naming_the_variable(tmp_path, variable, value):
    result = migrate_with(tmp_path, **{variable: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_migrate_with_good_settings_creates_the_schema(tmp_path):
    result = migrate_with(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    assert (tmp_path / "app.db").exists()
