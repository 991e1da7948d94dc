"""Throttling of logins, sign-ups, password resets, messages and AI analyses.

Built on the `limits` library with the moving-window strategy: a rule "10 per 15 minutes"
allows at most 10 hits in any 15-minute span, so there is no burst at a window boundary.
Counters live in Redis when REDIS_URL is set (shared by every worker), else in memory.

Keys are HMAC-SHA256 digests under the app's secret, so Redis never holds an email address
or an IP in clear, and the digests cannot be matched against a list of known emails without
the secret. The API is synchronous (limits' sync storage): async callers run it in a thread.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from influfinder.settings import get_settings

log = logging.getLogger(__name__)

KEY_PREFIX = "influfinder:ratelimit"
MEMORY_URI = "memory://"

RULES: dict[str, str] = {
    "login_account": "10 per 15 minutes",  # key: the account's id and the client's IP, together
    "login_ip": "50 per 15 minutes",  # key: client IP
    "forgot_password": "5 per hour",  # key: the email asked for
    "signup_ip": "10 per hour",  # key: client IP
    "verify_resend": "3 per hour",  # key: the user's id or email
    "messages": "30 per minute",  # key: the sender's user id
    "ai_analysis": "20 per hour",  # key: the requesting user's id
}


# Growing delays for failed logins to one account from anywhere (services/accounts.authenticate):
# the first FREE failures in WINDOW cost nothing; after that each failure makes the next attempt
# wait 2, 4, 8 ... seconds, never more than CAP. So many addresses together try an account about
# once a minute at most, and the account's owner, whoever else is trying, waits a minute at most:
# no hard lockout that a stranger could use to keep the owner out.
DELAY_FREE_FAILURES = 10
DELAY_WINDOW_S = 15 * 60
DELAY_CAP_S = 60


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after_s: int  # 0 when allowed; else seconds until one more hit would be allowed


class RateLimiter:
    """Named rules over one storage. The app's one per process is `limiter()`."""

    def __init__(self, storage_uri: str = MEMORY_URI, *, secret: str, rules: dict[str, str] | None = None):
        if not secret:
            raise ValueError("a secret is needed to hash rate-limit keys")
        self._storage = _open_storage(storage_uri)
        self._strategy = MovingWindowRateLimiter(self._storage)
        self._secret = secret.encode("utf-8")
        self._rules: dict[str, RateLimitItem] = {
            name: parse(text) for name, text in (rules or RULES).items()
        }

    def hit(self, rule_name: str, key: str) -> Decision:
        """Count one attempt; refused attempts are not counted, so waiting always helps."""
        return self._decide(self._strategy.hit, rule_name, key)

    def peek(self, rule_name: str, key: str) -> Decision:
        """Would one more hit be allowed? Counts nothing: for checking before the attempt,
        e.g. refuse a login up front and `hit` only when the password was wrong."""
        return self._decide(self._strategy.test, rule_name, key)

    def _decide(self, attempt: Callable[..., bool], rule_name: str, key: str) -> Decision:
        rule, digest = self._rule(rule_name), self._digest(key)
        try:
            if attempt(rule, rule_name, digest):
                return Decision(True, 0)
            reset_at = self._strategy.get_window_stats(rule, rule_name, digest).reset_time
        except StorageError as exc:
            # Failing open: a Redis outage must not lock every user out of the site.
            log.warning("rate-limit storage unavailable, allowing %s: %s", rule_name, exc)
            return Decision(True, 0)
        return Decision(False, max(1, math.ceil(reset_at - time.time())))

    def reset(self, rule_name: str, key: str) -> None:
        """Forget the attempts of one key, e.g. after a successful login or password reset."""
        try:
            self._strategy.clear(self._rule(rule_name), rule_name, self._digest(key))
        except StorageError as exc:
            log.warning("rate-limit storage unavailable, could not reset %s: %s", rule_name, exc)

    def delay_wait(self, name: str, key: str) -> Decision:
        """Whether an attempt may go ahead now under the growing delay `name` for `key`."""
        wait_key = f"delay:{name}:wait:{self._digest(key)}"
        try:
            if self._storage.get(wait_key) <= 0:
                return Decision(True, 0)
            return Decision(False, max(1, math.ceil(self._storage.get_expiry(wait_key) - time.time())))
        except StorageError as exc:
            log.warning("rate-limit storage unavailable, allowing %s: %s", name, exc)
            return Decision(True, 0)

    def delay_failed(self, name: str, key: str) -> None:
        """One more failure: past the free ones, the next attempt waits twice as long (up to the cap)."""
        digest = self._digest(key)
        try:
            failures = self._storage.incr(f"delay:{name}:count:{digest}", DELAY_WINDOW_S)
            if failures >= DELAY_FREE_FAILURES:
                seconds = min(2 ** (failures - DELAY_FREE_FAILURES + 1), DELAY_CAP_S)
                wait_key = f"delay:{name}:wait:{digest}"
                self._storage.clear(wait_key)
                self._storage.incr(wait_key, seconds)
        except StorageError as exc:
            log.warning("rate-limit storage unavailable, not counting %s: %s", name, exc)

    def delay_reset(self, name: str, key: str) -> None:
        digest = self._digest(key)
        try:
            for part in ("count", "wait"):
                self._storage.clear(f"delay:{name}:{part}:{digest}")
        except StorageError as exc:
            log.warning("rate-limit storage unavailable, could not reset %s: %s", name, exc)

    def _rule(self, rule_name: str) -> RateLimitItem:
        try:
            return self._rules[rule_name]
        except KeyError:
            raise ValueError(f"unknown rate-limit rule {rule_name!r}; known: {sorted(self._rules)}") from None

    def _digest(self, key: str) -> str:
        # Case and surrounding spaces must not give an attacker a fresh bucket.
        normalized = str(key).strip().casefold().encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, normalized, hashlib.sha256).hexdigest()


def _open_storage(uri: str) -> Storage:
    if uri.startswith("unix://"):
        uri = "redis+unix://" + uri[len("unix://"):]  # REDIS_URL may use redis-py's unix:// form
    if not uri.startswith(("redis://", "rediss://", "redis+unix://")):
        return storage_from_string(uri, wrap_exceptions=True)
    # Short timeouts: a dead Redis should cost a login a moment, not a hung request.
    return storage_from_string(
        uri, key_prefix=KEY_PREFIX, wrap_exceptions=True, socket_connect_timeout=2, socket_timeout=2
    )


@lru_cache(maxsize=1)
def limiter() -> RateLimiter:
    """The process-wide limiter: Redis when REDIS_URL is set, else memory."""
    settings = get_settings()
    return RateLimiter(settings.redis_url or MEMORY_URI, secret=settings.secret_key)


def wait_message(seconds: int | float) -> str:
    """'Too many attempts. Try again in 14 minutes.' rounded up, so the user never retries early."""
    finite = isinstance(seconds, int | float) and math.isfinite(seconds)
    seconds = max(1, math.ceil(seconds)) if finite else 1
    if seconds < 60:
        amount, unit = seconds, "second"
    elif seconds < 3600:
        amount, unit = math.ceil(seconds / 60), "minute"
    else:
        amount, unit = math.ceil(seconds / 3600), "hour"
    return f"Too many attempts. Try again in {amount} {unit}{'' if amount == 1 else 's'}."
