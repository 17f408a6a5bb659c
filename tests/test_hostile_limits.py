"""Dust's own limits against hostile servers (raw loopback sockets), sync and async: a quota answered as
``429 rate_limit_error`` is raised at once as DustQuotaExceededError, a burst limit without Retry-After is
retried on a schedule that reaches the next one-minute window, and ``Retry-After: 0`` cannot turn backoff off.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustConfig,
    DustQuotaExceededError,
    DustRateLimitError,
    DustServerError,
    RetryPolicy,
)
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

KEY = "sk-hostile-limits-0123456789"

# What front-api/routes/v1/w/[wId]/assistant/conversations/index.ts answers a programmatic call whose
# workspace has no credits left: 429, rate_limit_error, no Retry-After.
QUOTA_BODY = {
    "error": {
        "type": "rate_limit_error",
        "message": "Your workspace has run out of credits. Please purchase more credits to continue.",
    }
}
# front-api/middlewares/with_rate_limit.ts: a burst in the one-minute window, no Retry-After either.
BURST_BODY = {
    "error": {
        "type": "rate_limit_error",
        "message": "Too many requests to this endpoint for this workspace (max 40 per minute).",
    }
}


def json_answer(status: int, payload: Any, headers: dict[str, str] | None = None) -> bytes:
    return response_bytes(
        status,
        json.dumps(payload).encode(),
        {"Content-Type": "application/json", **(headers or {})},
    )


def always(data: bytes) -> Callable[[Exchange], None]:
    """Answer every request with ``data``, then close the connection (said in the head too)."""
    data = data.replace(b"\r\n", b"\r\nConnection: close\r\n", 1)

    def handler(exchange: Exchange) -> None:
        exchange.send(data)
        exchange.close()

    return handler


Create = Callable[[], Any]


@pytest.fixture(params=["sync", "async"])
def create_conversation(
    request: pytest.FixtureRequest,
) -> Iterator[Callable[..., tuple[Create, list[float]]]]:
    """``make(server, policy)`` → (a call creating a conversation with a message, the waits it asked for)."""
    closers: list[Callable[[], None]] = []

    def make(server: HostileServer, policy: RetryPolicy) -> tuple[Create, list[float]]:
        config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
        waits: list[float] = []
        if request.param == "sync":
            client = DustClient(config, retry_policy=policy, sleep=waits.append)
            closers.append(client.close)
            return (lambda: client.conversations.create(message="hello", mentions=["dust"])), waits

        async def record(seconds: float) -> None:
            waits.append(seconds)

        loop = asyncio.new_event_loop()
        aclient = AsyncDustClient(config, retry_policy=policy, sleep=record)
        closers.append(lambda: (loop.run_until_complete(aclient.close()), loop.close()))
        call = lambda: loop.run_until_complete(  # noqa: E731
            aclient.conversations.create(message="hello", mentions=["dust"])
        )
        return call, waits

    yield make
    while closers:
        closers.pop()()


def test_quota_429_on_create_conversation_is_raised_at_once_and_typed(create_conversation: Any) -> None:
    with HostileServer(always(json_answer(429, QUOTA_BODY))) as server:
        create, waits = create_conversation(server, RetryPolicy(max_retries=5))
        with pytest.raises(DustQuotaExceededError) as caught:
            create()
    assert len(server.requests) == 1  # before: 3 POSTs (each retried as a burst)
    assert waits == []
    error = caught.value
    assert isinstance(error, DustRateLimitError)  # `except DustRateLimitError` still catches it
    assert error.status_code == 429
    assert error.error_type == "rate_limit_error"
    assert "run out of credits" in str(error)


def test_burst_429_without_retry_after_waits_into_the_next_window(create_conversation: Any) -> None:
    with HostileServer(always(json_answer(429, BURST_BODY))) as server:
        create, waits = create_conversation(server, RetryPolicy(max_retries=2, jitter=0.0))
        with pytest.raises(DustRateLimitError) as caught:
            create()
    assert not isinstance(caught.value, DustQuotaExceededError)
    assert len(server.requests) == 3  # a POST refused by the rate limiter is safe to send again
    # before: [0.5, 1.0], both inside the minute that refused the first call
    assert waits == pytest.approx([20.0, 40.0])


def test_retry_after_zero_on_get_keeps_exponential_backoff() -> None:
    body = json_answer(
        503, {"error": {"type": "internal_server_error", "message": "x"}}, {"Retry-After": "0"}
    )
    waits: list[float] = []
    with HostileServer(always(body)) as server:
        config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
        policy = RetryPolicy(max_retries=50, jitter=0.0, initial_backoff=0.5, max_backoff=8.0)
        with (
            DustClient(config, retry_policy=policy, sleep=waits.append) as client,
            pytest.raises(DustServerError),
        ):
            client.agents.list()
    assert len(server.requests) == 51
    # before: 50 waits of 0 s (51 requests in 0.09 s); now the backoff stands: 0.5, 1, 2, 4, 8, 8...
    assert waits[:5] == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert sum(waits) == pytest.approx(0.5 + 1 + 2 + 4 + 8 * 46)


def test_retry_after_zero_on_get_keeps_exponential_backoff_async() -> None:
    body = json_answer(
        503, {"error": {"type": "internal_server_error", "message": "x"}}, {"Retry-After": "0"}
    )
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    async def run(server: HostileServer) -> None:
        config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
        policy = RetryPolicy(max_retries=4, jitter=0.0, initial_backoff=0.5, max_backoff=8.0)
        async with AsyncDustClient(config, retry_policy=policy, sleep=record) as client:
            with pytest.raises(DustServerError):
                await client.agents.list()

    with HostileServer(always(body)) as server:
        asyncio.run(run(server))
    assert waits == [0.5, 1.0, 2.0, 4.0]
