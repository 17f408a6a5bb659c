"""The API key against servers that echo it (raw loopback sockets), sync and async: a 200 body or an SSE
frame quoting ``Bearer <key>`` fails to decode, and the key must not reach the DustDecodeError (str, repr,
pickle, ``.body``, pydantic's ``input_value``), the DustEventDecodeError (str, ``.raw``), nor the WARNING
logged when bad frames are skipped; a key the caller put in a query string must not reach ``str(error)``,
``error.url`` or the DEBUG request line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustConfig,
    DustDecodeError,
    DustError,
    DustEventDecodeError,
    DustNotFoundError,
    RetryPolicy,
)
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head, sse_frame

# Characters that URL and JSON encodings rewrite: the key must be found in every spelling.
KEY = "sk-echo+/=&0123456789abcdef"
MODES = ["sync", "async"]
NO_RETRY = RetryPolicy(max_retries=0)


def answer(status: int, body: bytes, content_type: str = "application/json") -> Callable[[Exchange], None]:
    data = response_bytes(status, body, {"Content-Type": content_type, "Connection": "close"})

    def handler(exchange: Exchange) -> None:
        exchange.send(data)
        exchange.close()

    return handler


def run(mode: str, server: HostileServer, call: Callable[[Any], Any]) -> Any:
    """``call(client)`` on a sync client, or awaited on an async one (``call`` returns an awaitable then)."""
    config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
    if mode == "sync":
        with DustClient(config, retry_policy=NO_RETRY) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncDustClient(config, retry_policy=NO_RETRY) as client:
            result = call(client)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


def assert_key_free(error: BaseException, *texts: object) -> None:
    shown = [str(error), repr(error), *map(str, error.args), pickle.dumps(error).decode("latin-1")]
    shown += [str(getattr(error, name, "")) for name in ("message", "body", "raw", "url", "details")]
    shown += [str(text) for text in texts]
    for text in shown:
        assert KEY not in text
        assert "sk-echo" not in text  # no spelling of it either (percent-encoded, escaped)


@pytest.mark.parametrize("mode", MODES)
def test_typed_call_whose_body_echoes_the_key_raises_a_scrubbed_decode_error(mode: str) -> None:
    # valid JSON, wrong shape: pydantic's message quotes the input value, the key with it
    body = json.dumps({"agentConfigurations": f"Bearer {KEY}"}).encode()
    with HostileServer(answer(200, body)) as server, pytest.raises(DustDecodeError) as caught:
        run(mode, server, lambda client: client.agents.list())
    assert "[redacted]" in caught.value.body
    assert_key_free(caught.value, pickle.loads(pickle.dumps(caught.value)))


@pytest.mark.parametrize("mode", MODES)
def test_workspace_request_whose_json_is_cut_after_the_key_raises_a_scrubbed_decode_error(mode: str) -> None:
    body = b'{"echo": "Authorization: Bearer ' + KEY.encode() + b'", "cut'
    with HostileServer(answer(200, body)) as server, pytest.raises(DustDecodeError) as caught:
        run(mode, server, lambda client: client.workspace_request("GET", "echo"))
    assert_key_free(caught.value)


def sse_answer(*frames: bytes) -> Callable[[Exchange], None]:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Connection": "close"}))
        for frame in frames:
            exchange.send(frame)
        exchange.close()

    return handler


ECHO_FRAME = sse_frame(f"not json: Authorization: Bearer {KEY}")
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
def test_stream_frame_echoing_the_key_raises_a_scrubbed_event_error(mode: str) -> None:
    with (
        HostileServer(sse_answer(ECHO_FRAME, TERMINAL)) as server,
        pytest.raises(DustEventDecodeError) as caught,
    ):
        run(mode, server, read_events("raise"))
    assert "[redacted]" in caught.value.raw
    assert_key_free(caught.value, pickle.loads(pickle.dumps(caught.value)))


@pytest.mark.parametrize("mode", MODES)
def test_skipped_frame_echoing_the_key_logs_no_key(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    with (
        caplog.at_level(logging.DEBUG, logger="dust_ext"),
        HostileServer(sse_answer(ECHO_FRAME, TERMINAL)) as server,
    ):
        events = run(mode, server, read_events("skip"))
    assert [event.event.type for event in events] == ["agent_error"]
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert any("skipping an undecodable frame" in line for line in warnings)
    assert all("sk-echo" not in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("mode", MODES)
def test_key_in_a_query_string_is_scrubbed_from_error_and_debug_line(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = json.dumps({"error": {"type": "not_found", "message": "nope"}}).encode()
    with (
        caplog.at_level(logging.DEBUG, logger="dust_ext"),
        HostileServer(answer(404, body)) as server,
        pytest.raises(DustNotFoundError) as caught,
    ):
        run(mode, server, lambda client: client.workspace_request("GET", "echo", params={"token": KEY}))
    assert "token=" in server.requests[0].target  # the caller's query was sent as asked
    assert_key_free(caught.value)
    assert "token=[redacted]" in str(caught.value.url)
    lines = [record.getMessage() for record in caplog.records]
    assert any(line.startswith("dust request GET") for line in lines)
    assert all("sk-echo" not in line for line in lines)


@pytest.mark.parametrize("mode", MODES)
def test_key_in_an_absolute_url_is_scrubbed_from_every_log_line(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = json.dumps({"error": {"type": "internal_server_error", "message": "x"}}).encode()
    with caplog.at_level(logging.DEBUG, logger="dust_ext"), HostileServer(answer(503, body)) as server:
        url = f"{server.url}/api/v1/w/W/echo?token={KEY}"
        with pytest.raises(DustError) as caught:
            run(mode, server, lambda client: client.workspace_request("GET", url))
    assert_key_free(caught.value)
    lines = [record.getMessage() for record in caplog.records]
    assert any("-> 503" in line for line in lines)
    assert all("sk-echo" not in line for line in lines)
