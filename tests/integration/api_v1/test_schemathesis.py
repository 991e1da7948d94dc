"""Schemathesis against the live OpenAPI document of /api/v1: every operation, as a creator and as
a business, with a bounded number of generated examples each (valid and invalid input alike).

It must find no 5xx, no answer that breaks its documented schema, status or content type, and no
operation that answers a caller without a token as if they had one (`ignored_auth`).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from influfinder.api.routes import api
from influfinder.domain.enums import UserType
from tests.support.api_client import bearer
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]

EXAMPLES = 6  # generated per operation and persona (valid and invalid), beside the documented examples
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


_people: dict = {}


def _persona(kind: UserType):
    """One creator and one business per database; each example gets a fresh login of them."""
    from influfinder.settings import get_settings

    key = (kind, get_settings().database_url)
    if key not in _people:
        _people[key] = person(kind)
    return _people[key]


@schema.parametrize()
@BOUNDED
def test_every_operation_as_a_creator(case):
    # A fresh login per example: a generated logout or password change must not end the next example's.
    case.call_and_validate(headers=bearer(_persona(UserType.CREATOR)), checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_every_operation_as_a_business(case):
    case.call_and_validate(headers=bearer(_persona(UserType.BUSINESS)), checks=CHECKS)
