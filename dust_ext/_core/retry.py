"""When to retry a failed request, and how long to wait first: a pure decision, no sleeping, no I/O.

The one hard rule: a request that is not idempotent (a ``POST`` that creates a conversation or posts a
user message, which starts an agent run) is never re-sent once the server may have received it, because
a duplicate would run the agent twice and show the message twice. Such a request is retried only when
the failure proves it was not acted on:

* the connection could not be opened (``ConnectError``, ``ConnectTimeout``) or no pooled connection was
  free (``PoolTimeout``): nothing was sent;
* ``408 Request Timeout``: by definition the server did not receive a complete request;
* ``429 Too Many Requests``: Dust's rate limiter refuses the call before the handler does any work
  (unless it is a quota, :class:`~dust_ext.exceptions.DustQuotaExceededError`, which is never retried);
* ``409`` whose Dust error type says a lock / concurrent modification refused the call.

A ``503`` is *not* on that list even with ``Retry-After``: it can come from the application after it
started work (or from a proxy that already forwarded the request), and nothing in the response tells the
two apart. Callers who know a call is safe to repeat pass ``idempotent=True``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from random import random as _uniform_0_1

import httpx

from dust_ext.exceptions import DustAPIError, is_quota_exceeded, parse_retry_after

__all__ = [
    "DEFAULT_RETRYABLE_STATUSES",
    "DUST_RATE_LIMIT_WINDOW",
    "MAX_RETRY_WAIT",
    "RetryDecision",
    "RetryPolicy",
    "is_idempotent_method",
]

MAX_RETRY_WAIT = 60.0
"""The longest the SDK waits before any retry or stream reconnection, in seconds, whatever the server's
``Retry-After`` says: the default of both :attr:`RetryPolicy.max_retry_after` (plain calls) and
``StreamPolicy.max_delay`` (event streams), so one number bounds every wait."""

DEFAULT_RETRYABLE_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})

# Statuses that prove the server refused the request before acting on it (see module docstring).
_REFUSED_BEFORE_WORK = frozenset({408, 429})

DUST_RATE_LIMIT_WINDOW = 60.0
"""Dust's burst limits count requests per one-minute window (``front-api/middlewares/with_rate_limit.ts``:
file uploads 40/min, document upserts 120/min) and mostly answer 429 without ``Retry-After``: retries a
second apart land in the same window. The default of :attr:`RetryPolicy.rate_limit_window`."""

# Dust's error types are an open set; a 409 is worth retrying only when its type names a lock or a
# concurrent update (a transient state), not e.g. "space_already_exists".
_LOCK_CONFLICT_TYPE = re.compile(r"(^|_)(lock|locked|concurrent|concurrency|in_progress|busy)(_|$)")

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

# Transport failures after which the request certainly never reached the server.
_NOT_SENT_ERRORS: tuple[type[BaseException], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
# Transport failures that say nothing transient happened (bad URL scheme, invalid request): never retried.
_PERMANENT_TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)


def is_idempotent_method(method: str) -> bool:
    """Whether HTTP semantics make ``method`` safe to repeat (GET, PUT, DELETE...; not POST or PATCH)."""
    return method.upper() in _IDEMPOTENT_METHODS


@dataclass(frozen=True)
class RetryDecision:
    """The outcome of :meth:`RetryPolicy.decide`: retry after ``delay`` seconds, or give up; ``reason`` is
    a short human explanation for logs."""

    retry: bool
    delay: float
    reason: str


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how patiently to retry.

    Backoff before retry ``n`` (0-based) is ``min(max_backoff, initial_backoff * 2**n)``, shortened by up to
    ``jitter`` (a fraction) so that clients failing together do not retry together. A server's
    ``Retry-After`` replaces the backoff, capped at ``max_retry_after``; one shorter than ``initial_backoff``
    (``0``, negative, a date already past) is no wait at all, so it does not replace the backoff (openai-python
    does the same): a server cannot turn backoff off.

    A 429 without a usable ``Retry-After`` is a burst limit counted per ``rate_limit_window`` seconds (Dust's
    one-minute windows): its retries are spread so that the last one comes at least one window after the
    first refusal (two retries: about 20 s then 40 s, lengthened by up to ``jitter``), never shorter than the
    plain backoff, each capped at ``max_retry_after``. ``rand`` returns floats in ``[0, 1)``; inject a
    seeded one for deterministic tests.
    """

    max_retries: int = 2
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = MAX_RETRY_WAIT
    rate_limit_window: float = DUST_RATE_LIMIT_WINDOW
    retryable_statuses: frozenset[int] = DEFAULT_RETRYABLE_STATUSES
    rand: Callable[[], float] = field(default=_uniform_0_1, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if not 0 <= self.jitter <= 1:
            raise ValueError("jitter must be between 0 and 1")
        if min(self.initial_backoff, self.max_backoff, self.max_retry_after, self.rate_limit_window) < 0:
            raise ValueError("backoff, max_retry_after and rate_limit_window must be >= 0")

    def with_max_retries(self, max_retries: int) -> RetryPolicy:
        """A copy allowing ``max_retries`` retries (per-call override)."""
        return replace(self, max_retries=max_retries)

    def backoff(self, attempt: int) -> float:
        """Jittered exponential delay before retrying after failed attempt ``attempt`` (0 = first try)."""
        base = min(self.max_backoff, self.initial_backoff * 2.0 ** max(attempt, 0))
        return base * (1 - self.jitter * self.rand())

    def rate_limit_backoff(self, attempt: int) -> float:
        """Delay before retrying a 429 that named no usable wait, after failed attempt ``attempt``.

        The waits double and add up to at least ``rate_limit_window`` over the policy's retries, so the last
        retry falls in a window the refused requests did not fill; never shorter than :meth:`backoff`,
        capped at ``max_retry_after``.
        """
        retries = max(self.max_retries, 1)
        share = 2.0 ** max(attempt, 0) / (2.0**retries - 1)
        spread = self.rate_limit_window * share * (1 + self.jitter * self.rand())
        return min(max(spread, self.backoff(attempt)), self.max_retry_after)

    def decide(
        self,
        attempt: int,
        method: str,
        *,
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        error: BaseException | None = None,
        idempotent: bool | None = None,
    ) -> RetryDecision:
        """Decide whether to retry after attempt number ``attempt`` (0 = the first try) failed.

        Describe the failure with ``status_code`` + ``headers`` (an error response), or ``error``: an
        ``httpx.TransportError`` (possibly as the ``__cause__`` of a Dust error), or a
        :class:`~dust_ext.exceptions.DustAPIError`, whose status, headers and Dust error type are used.
        ``idempotent=None`` infers it from ``method``.
        """
        if idempotent is None:
            idempotent = is_idempotent_method(method)
        error_type: str | None = None
        message: str | None = None
        if isinstance(error, DustAPIError):
            status_code, headers, error_type = error.status_code, error.headers, error.error_type
            message = error.message

        if status_code is not None:
            verdict = self._judge_status(status_code, error_type, message, idempotent)
        elif error is not None:
            verdict = self._judge_transport_error(error, idempotent)
        else:
            return RetryDecision(False, 0.0, "nothing failed")
        retryable, reason = verdict
        if not retryable:
            return RetryDecision(False, 0.0, reason)
        if attempt >= self.max_retries:
            return RetryDecision(False, 0.0, f"{reason}; gave up after {attempt + 1} attempt(s)")
        retry_after = None
        if status_code is not None and headers is not None:
            retry_after = parse_retry_after(headers, max_seconds=self.max_retry_after)
        if retry_after is not None and retry_after >= self.initial_backoff:
            return RetryDecision(True, retry_after, f"{reason}; server asked to wait {retry_after:g}s")
        if status_code == 429:
            delay = self.rate_limit_backoff(attempt)
            return RetryDecision(True, delay, f"{reason}; no usable Retry-After, waiting for the next window")
        return RetryDecision(True, self.backoff(attempt), reason)

    def _judge_status(
        self, status_code: int, error_type: str | None, message: str | None, idempotent: bool
    ) -> tuple[bool, str]:
        """Whether this status is worth retrying, and why (or why not)."""
        label = f"HTTP {status_code}" + (f" {error_type}" if error_type else "")
        if status_code == 409:
            if error_type and _LOCK_CONFLICT_TYPE.search(error_type):
                return True, f"{label}: resource busy, refused before any change"
            return False, f"{label} is not a transient conflict"
        if status_code not in self.retryable_statuses:
            return False, f"{label} is not retryable"
        if status_code == 429 and is_quota_exceeded(error_type, message):
            return False, f"{label} is a quota, not a burst limit"
        if status_code in _REFUSED_BEFORE_WORK:
            return True, f"{label}: refused before processing"
        if not idempotent:
            return False, f"{label} on a non-idempotent request that the server may have processed"
        return True, f"{label} is transient"

    @staticmethod
    def _judge_transport_error(error: BaseException, idempotent: bool) -> tuple[bool, str]:
        cause: BaseException | None = error
        while cause is not None and not isinstance(cause, httpx.TransportError):
            cause = cause.__cause__
        if cause is None:
            return False, f"{type(error).__name__} is not a network failure"
        name = type(cause).__name__
        if isinstance(cause, _PERMANENT_TRANSPORT_ERRORS):
            return False, f"{name} is not transient"
        if isinstance(cause, _NOT_SENT_ERRORS):
            return True, f"{name}: the request was never sent"
        if not idempotent:
            return False, f"{name} on a non-idempotent request that the server may have received"
        return True, f"{name} is transient"
