"""How each provider's failure answers are read: the kind Settings tells, and when to try again."""

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from influfinder.domain import verified_audience as va
from influfinder.integrations.audience_api import AudienceError, read_answer


def _kind(name: str, status: int, body=None, headers=None) -> AudienceError:
    response = httpx.Response(status, json=body, headers=headers or {})
    with pytest.raises(AudienceError) as caught:
        read_answer(name, response)
    return caught.value


@pytest.mark.parametrize("name, status, body, kind", [
    ("instagram", 400, {"error": {"code": 190, "error_subcode": 463}}, va.EXPIRED),
    ("instagram", 400, {"error": {"code": 190, "error_subcode": 460}}, va.REVOKED),
    ("facebook", 400, {"error": {"code": 4, "message": "Application request limit reached"}}, va.RATE_LIMITED),
    ("facebook", 403, {"error": {"code": 200}}, va.REVOKED),
    ("tiktok", 401, {"error": {"code": "access_token_invalid"}}, va.EXPIRED),
    ("tiktok", 401, {"error": {"code": "scope_not_authorized"}}, va.REVOKED),
    ("tiktok", 200, {"data": {}, "error": {"code": "something_new"}}, va.MALFORMED),
    ("instagram", 502, None, va.UNAVAILABLE),
    ("instagram", 400, {"error": {"code": 100, "message": "Unsupported get request"}}, va.MALFORMED),
])
def test_each_providers_failure_is_read_as_its_kind(name, status, body, kind):
    assert _kind(name, status, body).kind == kind


def test_a_429_carries_its_retry_after_in_seconds_or_as_a_date():
    assert _kind("tiktok", 429, {}, {"Retry-After": "120"}).retry_after == timedelta(seconds=120)
    later = datetime.now(timezone.utc) + timedelta(hours=2)
    waited = _kind("instagram", 429, {}, {"Retry-After": format_datetime(later, usegmt=True)}).retry_after
    assert timedelta(hours=1, minutes=59) <= waited <= timedelta(hours=2)


def test_an_answer_that_is_not_a_json_object_is_malformed():
    with pytest.raises(AudienceError) as caught:
        read_answer("instagram", httpx.Response(200, text="<html>maintenance</html>"))
    assert caught.value.kind == va.MALFORMED
    assert read_answer("tiktok", httpx.Response(200, json={"data": {"user": {}}, "error": {"code": "ok"}}))
