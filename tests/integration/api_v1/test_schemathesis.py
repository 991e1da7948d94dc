"""Schemathesis against the live OpenAPI document of /api/v1: every operation, as a creator and as
a business, with a bounded number of generated examples each (valid and invalid input alike).

It must find no 5xx, no answer that breaks its documented schema, status or content type, and no
operation that answers a caller without a token as if they had one (`ignored_auth`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from influfinder.api.routes import api
from influfinder.domain.enums import UserType
from influfinder.services import effects
from tests.support.api_client import bearer
from tests.support.env import SettingsEnv
from tests.support.people import person, reset_app_caches
from tests.support.services import flush_redis

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]

EXAMPLES = 5  # generated per operation and persona (valid and invalid), beside the documented examples
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api)
# The coverage phase's exhaustive boundary cases run to ~100 requests per operation: too slow for the suite.
schema.config.phases.update(phases=["examples", "fuzzing"])
schema.config.generation.update(max_examples=EXAMPLES, modes=list(schemathesis.GenerationMode), deterministic=True,
                                no_shrink=True)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.ignored_auth,
]
BOUNDED = settings(deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module", autouse=True)
def api_env(api_db_url, redis_server, tmp_path_factory) -> Iterator[None]:
    """The conftest's environment, set once for the module: ~120 tests need no fresh engine each."""
    patch = pytest.MonkeyPatch()
    env = SettingsEnv(patch, tmp_path_factory.mktemp("schemathesis"))
    flush_redis(redis_server)
    env.set(DATABASE_URL=api_db_url, REDIS_URL=redis_server, SECRET_KEY="api-test-secret-key-0123456789",
            BCRYPT_ROUNDS="4", UPLOAD_DIR=str(env.workdir / "uploads"))
    reset_app_caches()
    _people.update(creator=person(UserType.CREATOR), business=person(UserType.BUSINESS))
    yield
    effects.drain()
    env.restore()
    reset_app_caches()
    flush_redis(redis_server)


_people: dict = {}


def _persona(kind: UserType):
    """One creator and one business for the module; each example gets a fresh login of them."""
    return _people["creator" if kind is UserType.CREATOR else "business"]


@schema.parametrize()
@BOUNDED
def test_every_operation_as_a_creator(case):
    # A fresh login per example: a generated logout or password change must not end the next example's.
    case.call_and_validate(headers=bearer(_persona(UserType.CREATOR)), checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_every_operation_as_a_business(case):
    case.call_and_validate(headers=bearer(_persona(UserType.BUSINESS)), checks=CHECKS)
