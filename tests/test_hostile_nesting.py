"""Deeply nested JSON from a hostile server (raw loopback sockets), sync and async: ``[`` repeated thousands
of times exhausts ``json.loads``'s stack. Every path must turn it into a DustDecodeError (a skippable
DustEventDecodeError in streams), never a RecursionError: typed calls, ``workspace_request``, error bodies,
event streams.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustConfig,
    DustDecodeError,
    DustEventDecodeError,
    DustServerError,
    RetryPolicy,
)
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head, sse_frame

KEY = "sk-nesting-0123456789"
MODES = ["sync", "async"]
DEEP = b"[" * 2000  # 2 KB
DEEP_CLOSED = b"[" * 1500 + b"]" * 1500  # valid JSON, too deep all the same


def answer(status: int, body: bytes, content_type: str = "application/json") -> Callable[[Exchange], None]:
    data = response_bytes(status, body, {"Content-Type": content_type, "Connection": "close"})

    def handler(exchange: Exchange) -> None:
        exchange.send(data)
        exchange.close()

    return handler


def run(mode: str, server: HostileServer, call: Callable[[Any], Any]) -> Any:
    config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
    if mode == "sync":
        with DustClient(config, retry_policy=RetryPolicy(max_retries=0)) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncDustClient(config, retry_policy=RetryPolicy(max_retries=0)) as client:
            result = call(client)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("body", [DEEP, DEEP_CLOSED], ids=["open", "closed"])
@pytest.mark.parametrize(
    "call",
    [
        lambda client: client.agents.list(),  # pydantic model from the bytes
        lambda client: client.spaces.list(),  # generated attrs model, via json.loads
        lambda client: client.workspace_request("GET", "anything"),  # plain JSON
    ],
    ids=["typed", "generated", "workspace_request"],
)
def test_deep_success_body_is_a_decode_error(mode: str, body: bytes, call: Callable[[Any], Any]) -> None:
    with HostileServer(answer(200, body)) as server, pytest.raises(DustDecodeError) as caught:
        run(mode, server, call)
    assert type(caught.value) is DustDecodeError


@pytest.mark.parametrize("mode", MODES)
def test_deep_body_without_a_json_type_is_returned_as_text(mode: str) -> None:
    with HostileServer(answer(200, DEEP_CLOSED, "text/plain")) as server:
        assert run(mode, server, lambda client: client.workspace_request("GET", "x")) == DEEP_CLOSED.decode()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("body", [DEEP, DEEP_CLOSED], ids=["open", "closed"])
def test_deep_error_body_is_kept_as_text(mode: str, body: bytes) -> None:
    with HostileServer(answer(500, body)) as server, pytest.raises(DustServerError) as caught:
        run(mode, server, lambda client: client.agents.list())
    assert caught.value.body == body.decode()
    assert caught.value.details == body.decode()


def sse_answer(*frames: bytes) -> Callable[[Exchange], None]:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Connection": "close"}))
        for frame in frames:
            exchange.send(frame)
        exchange.close()

    return handler


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


def read_events(on_malformed: str) -> Callable[[Any], Any]:
    def call(client: Any) -> Any:
        stream = client.conversations.stream_message_events("c1", "m1", on_malformed=on_malformed)
        if isinstance(client, DustClient):
            return list(stream)

        async def collect() -> list[Any]:
            return [event async for event in stream]

        return collect()

    return call


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("frame", [DEEP, DEEP_CLOSED], ids=["open", "closed"])
def test_deep_stream_frame_raises_an_event_decode_error(mode: str, frame: bytes) -> None:
    with (
        HostileServer(sse_answer(sse_frame(frame.decode()), TERMINAL)) as server,
        pytest.raises(DustEventDecodeError) as caught,
    ):
        run(mode, server, read_events("raise"))
    assert "nested too deeply" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("frame", [DEEP, DEEP_CLOSED], ids=["open", "closed"])
def test_deep_stream_frame_is_skipped_and_the_stream_goes_on(mode: str, frame: bytes) -> None:
    with HostileServer(sse_answer(sse_frame(frame.decode()), TERMINAL)) as server:
        events = run(mode, server, read_events("skip"))
    assert [event.event.type for event in events] == ["agent_error"]
