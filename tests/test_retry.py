"""RetryPolicy.decide: a table of failures by idempotency, Retry-After handling, bounds and jitter."""

from __future__ import annotations

import json
import random

import httpx
import pytest

from dust_ext._core.retry import DEFAULT_RETRYABLE_STATUSES, RetryDecision, RetryPolicy, is_idempotent_method
from dust_ext.exceptions import DustConnectionError, DustDecodeError, error_from_response


def no_jitter(**kwargs: object) -> RetryPolicy:
    return RetryPolicy(jitter=0.0, **kwargs)  # type: ignore[arg-type]


POLICY = no_jitter(max_retries=3)

# (status, retried when idempotent, retried when not idempotent)
STATUS_TABLE = [
    (400, False, False),
    (401, False, False),
    (403, False, False),
    (404, False, False),
    (409, False, False),
    (413, False, False),
    (422, False, False),
    (408, True, True),
    (429, True, True),
    (500, True, False),
    (502, True, False),
    (503, True, False),
    (504, True, False),
    (499, False, False),
    (501, False, False),
    (520, True, False),
    (524, True, False),
    (529, True, False),
    (530, False, False),
]


@pytest.mark.parametrize(("status", "idempotent_retry", "non_idempotent_retry"), STATUS_TABLE)
def test_status_table(status: int, idempotent_retry: bool, non_idempotent_retry: bool) -> None:
    assert POLICY.decide(0, "GET", status_code=status, headers={}).retry is idempotent_retry
    assert POLICY.decide(0, "POST", status_code=status, headers={}).retry is non_idempotent_retry
    assert POLICY.decide(0, "POST", status_code=status, idempotent=True).retry is idempotent_retry


def test_default_statuses() -> None:
    assert {408, 429, 500, 502, 503, 504, 520, 529} <= DEFAULT_RETRYABLE_STATUSES
    assert not {409, 501, 530} & DEFAULT_RETRYABLE_STATUSES


def test_idempotent_flag_can_also_forbid_retrying_a_get() -> None:
    assert POLICY.decide(0, "GET", status_code=500, idempotent=False).retry is False


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("GET", True),
        ("get", True),
        ("PUT", True),
        ("DELETE", True),
        ("HEAD", True),
        ("POST", False),
        ("PATCH", False),
    ],
)
def test_is_idempotent_method(method: str, expected: bool) -> None:
    assert is_idempotent_method(method) is expected


def api_error(status: int, error_type: str, headers: dict[str, str] | None = None) -> Exception:
    body = json.dumps({"error": {"type": error_type, "message": "m"}}).encode()
    return error_from_response(status, headers or {}, body, "POST", "https://dust.tt/x")


@pytest.mark.parametrize(
    ("error_type", "expected"),
    [
        ("conversation_locked", True),
        ("resource_lock_error", True),
        ("concurrent_modification", True),
        ("operation_in_progress", True),
        ("space_already_exists", False),
        ("blocked_by_unlocking_rule", False),
        ("invalid_request_error", False),
    ],
)
def test_409_only_retried_for_lock_types(error_type: str, expected: bool) -> None:
    decision = POLICY.decide(0, "POST", error=api_error(409, error_type))
    assert decision.retry is expected


@pytest.mark.parametrize(
    ("error_type", "expected"),
    [
        ("rate_limit_error", True),
        ("plan_message_limit_exceeded", False),
        ("credits_exhausted", False),
        ("user_cap_reached", False),
    ],
)
def test_429_quotas_are_not_retried(error_type: str, expected: bool) -> None:
    assert POLICY.decide(0, "POST", error=api_error(429, error_type)).retry is expected


def test_dust_api_error_supplies_status_headers_and_type() -> None:
    decision = POLICY.decide(0, "GET", error=api_error(503, "x", {"Retry-After": "4"}))
    assert decision == RetryDecision(True, 4.0, decision.reason)


TRANSPORT_TABLE = [
    (httpx.ConnectError("refused"), True, True),
    (httpx.ConnectTimeout("slow connect"), True, True),
    (httpx.PoolTimeout("pool"), True, True),
    (httpx.ReadTimeout("slow read"), True, False),
    (httpx.WriteTimeout("slow write"), True, False),
    (httpx.ReadError("reset"), True, False),
    (httpx.WriteError("broken pipe"), True, False),
    (httpx.RemoteProtocolError("server disconnected"), True, False),
    (httpx.ProxyError("proxy"), True, False),
    (httpx.UnsupportedProtocol("ftp"), False, False),
    (httpx.LocalProtocolError("bad header"), False, False),
]


@pytest.mark.parametrize(("error", "idempotent_retry", "non_idempotent_retry"), TRANSPORT_TABLE)
def test_transport_error_table(error: Exception, idempotent_retry: bool, non_idempotent_retry: bool) -> None:
    assert POLICY.decide(0, "GET", error=error).retry is idempotent_retry
    assert POLICY.decide(0, "POST", error=error).retry is non_idempotent_retry


def test_transport_error_found_through_the_cause_chain() -> None:
    wrapped = DustConnectionError("failed")
    wrapped.__cause__ = httpx.ConnectError("refused")
    assert POLICY.decide(0, "POST", error=wrapped).retry is True


@pytest.mark.parametrize(
    "error", [ValueError("x"), DustDecodeError("bad json", body="<"), DustConnectionError("x")]
)
def test_non_network_errors_are_not_retried(error: Exception) -> None:
    assert POLICY.decide(0, "GET", error=error).retry is False


def test_nothing_failed() -> None:
    assert POLICY.decide(0, "GET").retry is False
    assert POLICY.decide(0, "GET", status_code=200).retry is False


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_attempts_are_bounded(max_retries: int) -> None:
    policy = no_jitter(max_retries=max_retries)
    decisions = [policy.decide(attempt, "GET", status_code=503) for attempt in range(max_retries + 2)]
    assert [d.retry for d in decisions] == [True] * max_retries + [False, False]
    assert "gave up" in decisions[max_retries].reason


def test_exponential_backoff_is_capped() -> None:
    policy = no_jitter(max_retries=10, initial_backoff=0.5, max_backoff=3.0)
    delays = [policy.decide(attempt, "GET", status_code=500).delay for attempt in range(6)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


def test_retry_after_seconds_replaces_backoff() -> None:
    decision = POLICY.decide(0, "POST", status_code=429, headers={"Retry-After": "12"})
    assert (decision.retry, decision.delay) == (True, 12.0)
    assert "12" in decision.reason


def test_retry_after_http_date() -> None:
    # A date in the future is a wait; the parsing itself is covered in test_exceptions.
    decision = POLICY.decide(
        0, "GET", status_code=503, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}
    )
    assert (decision.retry, decision.delay) == (True, 60.0)


@pytest.mark.parametrize(
    "value", ["0", "-5", "0.001", "Wed, 21 Oct 2015 07:28:00 GMT", "-1e308", "nan", "inf"]
)
def test_retry_after_of_no_wait_does_not_turn_backoff_off(value: str) -> None:
    # A server answering Retry-After: 0 forever got 51 requests in 0.09 s: a wait below the first backoff
    # step is not a wait, so the backoff stands (openai-python ignores Retry-After <= 0 the same way).
    delays = [
        POLICY.decide(n, "GET", status_code=503, headers={"Retry-After": value}).delay for n in range(3)
    ]
    assert delays == [0.5, 1.0, 2.0]


def test_retry_after_of_one_second_is_honoured_even_when_backoff_is_longer() -> None:
    assert POLICY.decide(2, "GET", status_code=503, headers={"Retry-After": "1"}).delay == 1.0


def test_retry_after_is_capped_by_the_policy() -> None:
    policy = no_jitter(max_retry_after=20.0)
    assert policy.decide(0, "GET", status_code=429, headers={"Retry-After": "3600"}).delay == 20.0


def test_retry_after_does_not_make_a_non_retryable_status_retryable() -> None:
    assert POLICY.decide(0, "POST", status_code=503, headers={"Retry-After": "1"}).retry is False
    assert POLICY.decide(0, "GET", status_code=400, headers={"Retry-After": "1"}).retry is False


def test_unparseable_retry_after_falls_back_to_backoff() -> None:
    assert POLICY.decide(1, "GET", status_code=503, headers={"Retry-After": "later"}).delay == 1.0


@pytest.mark.parametrize("max_retries", [1, 2, 3, 5])
@pytest.mark.parametrize("headers", [{}, {"Retry-After": "0"}, {"Retry-After": "later"}])
def test_429_without_retry_after_waits_past_one_rate_limit_window(
    max_retries: int, headers: dict[str, str]
) -> None:
    # Dust's burst limits count one-minute windows and send no Retry-After: retries 0.5 s and 1 s apart
    # landed in the window that refused the first call. The waits now add up to the window.
    policy = no_jitter(max_retries=max_retries)
    delays = [policy.decide(n, "POST", status_code=429, headers=headers).delay for n in range(max_retries)]
    assert sum(delays) == pytest.approx(60.0)
    assert delays == sorted(delays)
    assert all(delay <= 60.0 for delay in delays)


def test_rate_limit_backoff_is_jittered_longer_and_capped() -> None:
    policy = RetryPolicy(max_retries=2, jitter=0.25, rand=lambda: 0.999)
    delays = [policy.decide(n, "GET", status_code=429, headers={}).delay for n in range(2)]
    assert 60.0 < sum(delays) <= 75.0
    capped = RetryPolicy(max_retries=1, max_retry_after=10.0, jitter=0.0)
    assert capped.decide(0, "GET", status_code=429, headers={}).delay == 10.0
    no_wait = RetryPolicy(
        max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0
    )
    assert no_wait.decide(0, "GET", status_code=429, headers={}).delay == 0.0


def test_rate_limit_backoff_never_shorter_than_the_plain_backoff() -> None:
    policy = no_jitter(max_retries=3, rate_limit_window=1.0)
    delays = [policy.decide(n, "GET", status_code=429, headers={}).delay for n in range(3)]
    assert delays == [0.5, 1.0, 2.0]


# Messages Dust sends with 429 rate_limit_error (see dust_ext.exceptions, beside is_quota_exceeded).
DUST_QUOTA_MESSAGES = [
    "Your workspace has run out of credits. Please purchase more credits to continue.",
    "Your workspace has run out of programmatic usage credits. Please ask a Dust workspace admin to purchase "
    "more credits.",
    "This API key has reached its monthly usage cap. Please increase the cap in the Developers > API Keys "
    "section of the Dust dashboard.",
    "Your workspace has reached its daily programmatic usage cap. The cap will reset at midnight UTC, or you "
    "can increase it in admin settings.",
    "This API key has reached its credit spend limit. Please increase the limit in the Developers > API Keys "
    "section of the Dust dashboard.",
    "Your workspace has reached its monthly programmatic cap.",
    "You have reached the sidekick usage limit (50 messages per 24h). Please try again later.",
]
DUST_BURST_MESSAGES = [
    "Too many requests to this endpoint for this workspace (max 40 per minute).",
    "Rate limit exceeded. Please retry later.",
    "Rate limit exceeded. Please try again later.",
    "m",
]


@pytest.mark.parametrize("message", DUST_QUOTA_MESSAGES)
def test_429_quota_messages_are_never_retried(message: str) -> None:
    body = json.dumps({"error": {"type": "rate_limit_error", "message": message}}).encode()
    error = error_from_response(429, {}, body, "POST", "https://dust.tt/x")
    decision = POLICY.decide(0, "POST", error=error, idempotent=True)
    assert decision.retry is False
    assert "quota" in decision.reason


@pytest.mark.parametrize("message", DUST_BURST_MESSAGES)
def test_429_burst_messages_are_retried(message: str) -> None:
    body = json.dumps({"error": {"type": "rate_limit_error", "message": message}}).encode()
    error = error_from_response(429, {}, body, "POST", "https://dust.tt/x")
    assert POLICY.decide(0, "POST", error=error).retry is True


def test_jitter_stays_within_bounds_with_a_seeded_source() -> None:
    rng = random.Random(1234)
    policy = RetryPolicy(max_retries=5, initial_backoff=1.0, max_backoff=100.0, jitter=0.5, rand=rng.random)
    for attempt in range(5):
        base = 2.0**attempt
        for _ in range(50):
            delay = policy.backoff(attempt)
            assert base * 0.5 <= delay <= base


def test_jitter_is_deterministic_given_the_source() -> None:
    def make() -> RetryPolicy:
        return RetryPolicy(jitter=0.25, rand=random.Random(7).random)

    first, second = make(), make()
    assert [first.backoff(a) for a in range(4)] == [second.backoff(a) for a in range(4)]


def test_jitter_extremes() -> None:
    assert RetryPolicy(initial_backoff=2.0, jitter=0.25, rand=lambda: 0.0).backoff(0) == 2.0
    assert RetryPolicy(initial_backoff=2.0, jitter=0.25, rand=lambda: 0.999999).backoff(0) == pytest.approx(
        1.5, 1e-5
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_retries": -1},
        {"jitter": 1.5},
        {"jitter": -0.1},
        {"initial_backoff": -1},
        {"max_retry_after": -1},
    ],
)
def test_invalid_policy(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_with_max_retries_copies() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.with_max_retries(0).max_retries == 0
    assert policy.max_retries == 2


def test_custom_retryable_statuses() -> None:
    policy = no_jitter(retryable_statuses=frozenset({418}))
    assert policy.decide(0, "GET", status_code=418).retry is True
    assert policy.decide(0, "GET", status_code=503).retry is False
