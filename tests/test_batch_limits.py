"""The batch limiter sees every wait Dust asks for: a 429 answering an event stream's connection pauses every
row (it was waited out inside the stream, unseen), and a Retry-After is bounded like everywhere else (at most
``MAX_RETRY_WAIT``, 60 s, where the batch waited 300 s on ``Retry-After: 999999``; at least 1 s, where ``0``
let every row call again at once)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustRateLimitError, StreamPolicy
from dust_ext._core.retry import MAX_RETRY_WAIT
from dust_ext._streaming.session import StreamSession
from dust_ext.batch._pacing import DEFAULT_RATE_LIMIT_WAIT, AdaptiveConcurrency
from dust_ext.testing import EmulatorServer
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head, sse_frame

KEY = "sk-batch-limits-0123456789"
TERMINAL = sse_frame(
    json.dumps(
        {
            "eventId": "1-0",
            "data": {
                "type": "agent_error",
                "created": 1,
                "configurationId": "dust",
                "messageId": "m1",
                "error": {"code": "x", "message": "y"},
            },
        }
    )
)


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [(999999.0, MAX_RETRY_WAIT), (300.0, MAX_RETRY_WAIT), (7.0, 7.0), (0.0, 1.0), (-5.0, 1.0), (None, 1.0)],
)
def test_rate_limit_pause_is_bounded_like_every_other_wait(retry_after: float | None, wait: float) -> None:
    limiter = AdaptiveConcurrency(maximum=8)
    assert limiter.rate_limited_at(100.0, 0, retry_after) == wait
    assert limiter.wait_before_call(100.0) == wait
    assert DEFAULT_RATE_LIMIT_WAIT == 1.0


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_429_opening_a_stream_is_told_before_the_stream_waits_it_out(mode: str) -> None:
    seen: list[tuple[str, float | None]] = []

    def serve(exchange: Exchange) -> None:
        if len([r for r in server.requests if r.method == "GET"]) == 1:
            exchange.send(
                response_bytes(
                    429,
                    b'{"error": {"type": "rate_limit_error", "message": "slow"}}',
                    {"Content-Type": "application/json", "Retry-After": "7", "Connection": "close"},
                )
            )
        else:
            exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Connection": "close"}))
            exchange.send(TERMINAL)
        exchange.close()

    def told(error: DustRateLimitError) -> None:
        seen.append(("429", error.retry_after))

    with HostileServer(serve) as server:
        config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
        policy = StreamPolicy(reconnect_delay=0.0)
        if mode == "sync":
            with DustClient(
                config, stream_policy=policy, sleep=lambda s: seen.append(("sleep", s))
            ) as client:
                stream = client.conversations.stream_message_events("c1", "m1")
                assert isinstance(stream.plan, StreamSession)
                stream.plan.on_rate_limited = told
                events = list(stream)
        else:

            async def run() -> list[Any]:
                async def sleep(seconds: float) -> None:
                    seen.append(("sleep", seconds))

                async with AsyncDustClient(config, stream_policy=policy, sleep=sleep) as client:
                    stream = client.conversations.stream_message_events("c1", "m1")
                    assert isinstance(stream.plan, StreamSession)
                    stream.plan.on_rate_limited = told
                    return [event async for event in stream]

            events = asyncio.run(run())
    assert [event.event.type for event in events] == ["agent_error"]
    assert seen == [("429", 7.0), ("sleep", 7.0)]


def test_batch_counts_and_waits_for_a_429_on_an_event_stream(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    server.set_faults("rate-limit=1;retry-after=1;path=/events")
    config = DustConfig(workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url)
    with DustClient(config, stream_policy=StreamPolicy(reconnect_delay=0.0)) as client:
        summary = client.batch.run(
            [{"id": "a", "q": "hello"}],
            agents="echo",
            output=tmp_path / "out.jsonl",
            prompt_column="q",
            key_column="id",
        )
    assert (summary.ok, summary.failed) == (1, 0)
    assert summary.rate_limited == 1  # before: 0, the stream waited it out unseen by the limiter
