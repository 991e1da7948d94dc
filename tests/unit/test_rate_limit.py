"""Throttling as a person meets it: the 11th login try is refused and told how long to wait."""

import socket

import pytest

from influfinder.integrations.rate_limit import RULES, Decision, RateLimiter, wait_message

SECRET = "test-secret"


@pytest.fixture
def limiter():
    return RateLimiter("memory://", secret=SECRET)


def hits(limiter, rule, key, times):
    return [limiter.hit(rule, key) for _ in range(times)]


def test_the_eleventh_login_for_an_account_is_refused_with_a_wait(limiter):
    first_ten = hits(limiter, "login_account", "ana@example.com", 10)
    assert all(d == Decision(True, 0) for d in first_ten)
    eleventh = limiter.hit("login_account", "ana@example.com")
    assert not eleventh.allowed
    assert 0 < eleventh.retry_after_s <= 15 * 60


def test_another_account_is_unaffected(limiter):
    hits(limiter, "login_account", "ana@example.com", 11)
    assert limiter.hit("login_account", "ben@example.com").allowed


def test_the_same_email_in_other_case_or_spacing_shares_the_count(limiter):
    hits(limiter, "login_account", "ana@example.com", 10)
    assert not limiter.hit("login_account", "  ANA@Example.com ").allowed


def test_rules_are_counted_apart(limiter):
    hits(limiter, "login_account", "ana@example.com", 11)
    assert limiter.hit("forgot_password", "ana@example.com").allowed


def test_reset_clears_the_count(limiter):
    hits(limiter, "login_account", "ana@example.com", 11)
    limiter.reset("login_account", "ana@example.com")
    assert all(d.allowed for d in hits(limiter, "login_account", "ana@example.com", 10))
    assert not limiter.hit("login_account", "ana@example.com").allowed


def test_peek_tells_the_outcome_without_counting(limiter):
    for _ in range(20):
        assert limiter.peek("login_account", "ana@example.com") == Decision(True, 0)
    hits(limiter, "login_account", "ana@example.com", 10)
    peeked = limiter.peek("login_account", "ana@example.com")
    assert not peeked.allowed and 0 < peeked.retry_after_s <= 15 * 60


@pytest.mark.parametrize(
    "rule, allowed, window_s",
    [
        ("login_account", 10, 900),
        ("login_ip", 50, 900),
        ("forgot_password", 5, 3600),
        ("signup_ip", 10, 3600),
        ("verify_resend", 3, 3600),
        ("messages", 30, 60),
        ("ai_analysis", 20, 3600),
    ],
)
def test_each_named_rule_allows_its_amount_then_refuses(limiter, rule, allowed, window_s):
    assert all(d.allowed for d in hits(limiter, rule, "k", allowed))
    refused = limiter.hit(rule, "k")
    assert not refused.allowed and 0 < refused.retry_after_s <= window_s


def test_the_rule_set_is_the_documented_one():
    assert set(RULES) == {
        "login_account", "login_ip", "forgot_password", "signup_ip",
        "verify_resend", "messages", "ai_analysis",
    }


def test_an_unknown_rule_is_a_clear_error(limiter):
    with pytest.raises(ValueError, match="unknown rate-limit rule 'logn'"):
        limiter.hit("logn", "ana@example.com")


def test_a_limiter_needs_a_secret_to_hash_keys():
    with pytest.raises(ValueError, match="secret"):
        RateLimiter("memory://", secret="")


def test_an_unreachable_redis_lets_people_in_rather_than_locking_everyone_out():
    with socket.socket() as s:  # a local port with nothing listening on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    limiter = RateLimiter(f"redis://127.0.0.1:{port}/0", secret=SECRET)
    assert limiter.hit("login_account", "ana@example.com") == Decision(True, 0)
    limiter.reset("login_account", "ana@example.com")  # does not raise either


@pytest.mark.parametrize(
    "seconds, text",
    [
        (1, "Too many attempts. Try again in 1 second."),
        (45, "Too many attempts. Try again in 45 seconds."),
        (60, "Too many attempts. Try again in 1 minute."),
        (61, "Too many attempts. Try again in 2 minutes."),
        (14 * 60, "Too many attempts. Try again in 14 minutes."),
        (3599, "Too many attempts. Try again in 60 minutes."),
        (3600, "Too many attempts. Try again in 1 hour."),
        (0, "Too many attempts. Try again in 1 second."),
        (2.2, "Too many attempts. Try again in 3 seconds."),
        (None, "Too many attempts. Try again in 1 second."),
    ],
)
def test_wait_message_rounds_up_and_speaks_plainly(seconds, text):
    assert wait_message(seconds) == text
