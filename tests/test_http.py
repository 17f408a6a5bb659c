"""The request path, driven through httpx.MockTransport: headers, URLs, retries, error mapping, secrecy."""

from __future__ import annotations

import json
import logging
import re
import socket
import traceback
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from dust_ext._core.retry import RetryPolicy
from dust_ext._http import HTTP, AsyncHTTP, RawResponse, RequestCore, RequestOptions, json_body
from dust_ext.config import DustConfig
from dust_ext.exceptions import (
    DustAPIError,
    DustConnectionError,
    DustDecodeError,
    DustError,
    DustNotFoundError,
    DustRateLimitError,
    DustServerError,
    DustTimeoutError,
)

KEY = "sk-very-secret-key-42"
BASE = "https://dust.tt"
API = f"{BASE}/api/v1/w/W1"

Handler = Callable[[httpx.Request], httpx.Response]


def make_config(**kwargs: Any) -> DustConfig:
    defaults: dict[str, Any] = {"workspace_id": "W1", "api_key": KEY, "default_timezone": "UTC"}
    return DustConfig(**{**defaults, **kwargs})


# A policy without jitter so sleeper assertions are exact.
POLICY = RetryPolicy(max_retries=2, initial_backoff=0.5, jitter=0.0)


class Recorder:
    """A mock server: replays scripted outcomes (responses or exceptions) and records requests."""

    def __init__(self, *outcomes: httpx.Response | Exception) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        outcome = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def sync_http(handler: Handler, sleeps: list[float] | None = None, **config: Any) -> HTTP:
    record = sleeps if sleeps is not None else []
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return HTTP(make_config(**config), client, retry_policy=POLICY, sleep=record.append)


def async_http(handler: Handler, sleeps: list[float] | None = None, **config: Any) -> AsyncHTTP:
    record = sleeps if sleeps is not None else []

    async def sleep(delay: float) -> None:
        record.append(delay)

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return AsyncHTTP(make_config(**config), client, retry_policy=POLICY, sleep=sleep)


def ok(payload: Any = None, **kwargs: Any) -> httpx.Response:
    return httpx.Response(200, json=payload if payload is not None else {"ok": True}, **kwargs)


def dust_error(
    status: int, error_type: str = "some_error", message: str = "m", **kwargs: Any
) -> httpx.Response:
    return httpx.Response(status, json={"error": {"type": error_type, "message": message}}, **kwargs)


# --- building requests -------------------------------------------------------------------------------


def test_auth_user_agent_and_accept_headers_are_sent() -> None:
    server = Recorder(ok())
    http = sync_http(server, default_headers={"X-Team": "sdk"})
    http.request("GET", "assistant/agent_configurations")
    sent = server.requests[0]
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.headers["user-agent"] == http.config.user_agent
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["x-team"] == "sdk"


def test_per_call_headers_and_extra_headers_win() -> None:
    server = Recorder(ok())
    http = sync_http(server, default_headers={"X-Team": "sdk"})
    http.request(
        "GET",
        "x",
        headers={"X-Team": "call", "X-A": "1"},
        options=RequestOptions(extra_headers={"X-A": "2", "X-Dust-Origin": "cli"}),
    )
    sent = server.requests[0].headers
    assert (sent["x-team"], sent["x-a"], sent["x-dust-origin"]) == ("call", "2", "cli")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("assistant/conversations", f"{API}/assistant/conversations"),
        ("/api/v1/me", f"{BASE}/api/v1/me"),
        (f"{BASE}/api/v1/w/W2/spaces", f"{BASE}/api/v1/w/W2/spaces"),
    ],
)
def test_url_resolution(path: str, expected: str) -> None:
    server = Recorder(ok())
    sync_http(server).request("GET", path)
    assert str(server.requests[0].url) == expected


def test_key_is_not_sent_to_another_host() -> None:
    server = Recorder(ok())
    sync_http(server).request("PUT", "https://storage.example.com/upload?sig=abc", content=b"data")
    assert "authorization" not in server.requests[0].headers


def test_key_is_sent_to_the_configured_host_even_with_explicit_default_port() -> None:
    core = RequestCore(make_config(base_url="https://dust.tt"))
    headers = core.headers_for("https://dust.tt:443/api/v1/x", accept="*/*", headers=None)
    assert headers["Authorization"] == f"Bearer {KEY}"
    assert "Authorization" not in core.headers_for("http://dust.tt/api", accept="*/*", headers=None)


def test_params_merge_and_none_values_are_dropped() -> None:
    server = Recorder(ok())
    sync_http(server).request(
        "GET",
        "x",
        params={"a": "1", "b": None, "c": "keep"},
        options=RequestOptions(params={"a": "2", "d": 4}),
    )
    assert dict(server.requests[0].url.params) == {"a": "2", "c": "keep", "d": "4"}


def test_json_body_is_sent() -> None:
    server = Recorder(ok())
    sync_http(server).request("POST", "assistant/conversations", json={"title": "t"})
    assert json.loads(server.requests[0].content) == {"title": "t"}
    assert server.requests[0].headers["content-type"] == "application/json"


def test_config_timeout_applies_and_options_override() -> None:
    server = Recorder(ok())
    http = sync_http(server, timeout=12, connect_timeout=3)
    http.request("GET", "x")
    http.request("GET", "x", options=RequestOptions(timeout=1.5))
    first, second = (request.extensions["timeout"] for request in server.requests)
    assert (first["read"], first["connect"]) == (12, 3)
    assert (second["read"], second["connect"]) == (1.5, 1.5)


# --- responses and errors ----------------------------------------------------------------------------


def test_success_returns_the_read_response() -> None:
    response = sync_http(Recorder(ok({"agentConfigurations": []}))).request("GET", "x")
    assert response.json() == {"agentConfigurations": []}


def test_error_status_raises_the_mapped_error() -> None:
    server = Recorder(
        dust_error(404, "conversation_not_found", "Conversation not found", headers={"x-request-id": "r9"})
    )
    with pytest.raises(DustNotFoundError) as info:
        sync_http(server).request("GET", "assistant/conversations/c1")
    error = info.value
    assert error.error_type == "conversation_not_found"
    assert error.request_id == "r9"
    assert str(error) == (
        "404 Not Found: conversation_not_found: Conversation not found "
        f"(GET {API}/assistant/conversations/c1, request_id=r9)"
    )
    assert len(server.requests) == 1


def test_get_is_retried_on_503_then_succeeds() -> None:
    sleeps: list[float] = []
    server = Recorder(dust_error(503), dust_error(502), ok())
    response = sync_http(server, sleeps).request("GET", "x")
    assert response.status_code == 200
    assert len(server.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_retries_are_bounded_and_the_last_error_is_raised() -> None:
    sleeps: list[float] = []
    server = Recorder(dust_error(500, "internal_server_error"))
    with pytest.raises(DustServerError):
        sync_http(server, sleeps).request("GET", "x")
    assert len(server.requests) == POLICY.max_retries + 1
    assert len(sleeps) == POLICY.max_retries


def test_per_call_max_retries() -> None:
    server = Recorder(dust_error(500))
    with pytest.raises(DustServerError):
        sync_http(server).request("GET", "x", options=RequestOptions(max_retries=0))
    assert len(server.requests) == 1


def test_sleeper_receives_retry_after() -> None:
    sleeps: list[float] = []
    server = Recorder(dust_error(429, "rate_limit_error", headers={"Retry-After": "7"}), ok())
    sync_http(server, sleeps).request("POST", "assistant/conversations", json={})
    assert sleeps == [7.0]
    assert len(server.requests) == 2


def test_rate_limit_error_carries_retry_after_when_retries_run_out() -> None:
    server = Recorder(dust_error(429, "rate_limit_error", headers={"Retry-After": "2"}))
    with pytest.raises(DustRateLimitError) as info:
        sync_http(server).request("GET", "x", options=RequestOptions(max_retries=0))
    assert info.value.retry_after == 2.0


def test_non_idempotent_post_is_not_resent_on_500() -> None:
    server = Recorder(dust_error(500), ok())
    with pytest.raises(DustServerError):
        sync_http(server).request("POST", "assistant/conversations/c1/messages", json={"content": "hi"})
    assert len(server.requests) == 1


def test_non_idempotent_post_is_resent_on_connect_error() -> None:
    sleeps: list[float] = []
    server = Recorder(httpx.ConnectError("connection refused"), ok())
    response = sync_http(server, sleeps).request("POST", "assistant/conversations/c1/messages", json={})
    assert response.status_code == 200
    assert len(server.requests) == 2
    assert sleeps == [0.5]


def test_non_idempotent_post_is_not_resent_after_a_read_timeout() -> None:
    server = Recorder(httpx.ReadTimeout("timed out"), ok())
    with pytest.raises(DustTimeoutError):
        sync_http(server).request("POST", "assistant/conversations", json={})
    assert len(server.requests) == 1


def test_opting_in_to_idempotency_resends_a_post() -> None:
    server = Recorder(dust_error(500), ok())
    sync_http(server).request("POST", "x", json={}, options=RequestOptions(idempotent=True))
    assert len(server.requests) == 2


def test_timeouts_map_to_dust_timeout_error() -> None:
    server = Recorder(httpx.ReadTimeout("read timed out"))
    with pytest.raises(DustTimeoutError) as info:
        sync_http(server).request("GET", "assistant/conversations/c1")
    error = info.value
    assert isinstance(error, DustConnectionError)
    assert isinstance(error.__cause__, httpx.ReadTimeout)
    assert (error.method, error.url) == ("GET", f"{API}/assistant/conversations/c1")
    assert f"GET {API}/assistant/conversations/c1" in str(error)
    assert len(server.requests) == 3


def test_connection_errors_map_to_dust_connection_error() -> None:
    server = Recorder(httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(DustConnectionError) as info:
        sync_http(server).request("GET", "x")
    assert not isinstance(info.value, DustTimeoutError)
    assert "Connection refused" in str(info.value)


def test_non_transport_exceptions_propagate_untouched() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("bug in a hook")

    with pytest.raises(RuntimeError, match="bug in a hook"):
        sync_http(handler).request("GET", "x")


# --- secrecy -----------------------------------------------------------------------------------------


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.getMessage()} {record.args!r}" for record in caplog.records)


def test_key_absent_from_errors_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    echo = httpx.Response(
        401,
        json={"error": {"type": "invalid_api_key_error", "message": f"The key {KEY} is invalid"}},
        headers={"Authorization": f"Bearer {KEY}"},
    )
    failures: list[BaseException] = []
    for outcome in (echo, httpx.ConnectError(f"proxy refused Bearer {KEY}"), httpx.ReadTimeout("slow")):
        server = Recorder(outcome)
        with pytest.raises(DustError) as info:
            sync_http(server).request("GET", "users/me")
        assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
        failures.append(info.value)
    for failure in failures:
        rendered = (
            "".join(traceback.format_exception(failure)) + f"{failure!r} {failure.args!r} {vars(failure)!r}"
        )
        assert KEY not in rendered
    assert isinstance(failures[2].__cause__, httpx.ReadTimeout)
    assert isinstance(failures[0], DustAPIError)
    assert "[redacted]" in failures[0].message
    assert caplog.records, "the request path should log at debug level"
    assert KEY not in all_log_text(caplog)


def test_logs_describe_request_response_and_retry(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    sync_http(Recorder(dust_error(503), ok(headers={"x-request-id": "rid-1"}))).request("GET", "x")
    text = all_log_text(caplog)
    assert "dust request GET" in text
    assert "dust retrying GET" in text
    assert re.search(r"-> 200 in \d+\.\d{3}s \(request_id=rid-1\)", text)
    assert all(record.name == "dust_ext" for record in caplog.records)
    # DUST_LOG=info shows outcomes and retries; the attempts themselves are debug.
    levels = {record.getMessage().split(" ")[1]: record.levelno for record in caplog.records}
    assert levels == {"request": logging.DEBUG, "GET": logging.INFO, "retrying": logging.INFO}


# --- streaming ---------------------------------------------------------------------------------------


class ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that is only produced when read, like a real server-sent-events stream."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk


def sse_response() -> httpx.Response:
    frames = (b'data: {"eventId": "1", "data": {"type": "x"}}\n\n', b'data: {"eventId": "2"}\n\n')
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=ChunkStream(*frames))


def test_stream_yields_an_open_response_and_closes_it() -> None:
    server = Recorder(dust_error(503), sse_response())
    sleeps: list[float] = []
    http = sync_http(server, sleeps)
    with http.stream("GET", "assistant/conversations/c1/events", params={"lastEventId": "0"}) as response:
        assert not response.is_closed
        body = b"".join(response.iter_bytes())
    assert response.is_closed
    assert body.startswith(b"data: ")
    assert server.requests[-1].headers["accept"] == "text/event-stream"
    assert server.requests[-1].url.params["lastEventId"] == "0"
    assert sleeps == [0.5]


def test_stream_error_status_raises_before_yielding() -> None:
    server = Recorder(dust_error(404, "conversation_not_found"))
    with (
        pytest.raises(DustNotFoundError),
        sync_http(server).stream("GET", "assistant/conversations/c1/events"),
    ):
        pytest.fail("the body must not run")


# --- raw responses and JSON --------------------------------------------------------------------------


def test_raw_response_exposes_http_details() -> None:
    response = sync_http(Recorder(ok({"a": 1}, headers={"x-request-id": "rid"}))).request("GET", "x")
    raw = RawResponse(response, json_body)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "rid"
    assert raw.request_id == "rid"
    assert raw.http_response is response
    assert raw.parse() == {"a": 1}
    assert raw.elapsed is None or raw.elapsed >= 0
    assert "request_id=rid" in repr(raw)


def test_json_body_raises_decode_error_keeping_the_text() -> None:
    response = sync_http(Recorder(httpx.Response(200, text="<html>oops</html>"))).request("GET", "x")
    with pytest.raises(DustDecodeError) as info:
        json_body(response)
    assert info.value.body == "<html>oops</html>"
    assert info.value.status_code == 200
    assert f"GET {API}/x" in str(info.value)


# --- client ownership --------------------------------------------------------------------------------


def test_owned_client_is_closed_injected_one_is_not() -> None:
    injected = httpx.Client(transport=httpx.MockTransport(Recorder(ok())))
    with HTTP(make_config(), injected):
        pass
    assert not injected.is_closed
    injected.close()

    owned = HTTP(make_config())
    owned.close()
    assert owned.http_client.is_closed


# --- async driver: same behaviour through the shared core --------------------------------------------


async def test_async_retries_then_succeeds_with_retry_after() -> None:
    sleeps: list[float] = []
    server = Recorder(dust_error(503, headers={"Retry-After": "3"}), dust_error(503), ok({"x": 1}))
    async with async_http(server, sleeps) as http:
        response = await http.request("GET", "x")
    assert response.json() == {"x": 1}
    assert sleeps == [3.0, 1.0]
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


async def test_async_non_idempotent_post_rules() -> None:
    not_resent = Recorder(dust_error(500), ok())
    with pytest.raises(DustServerError):
        await async_http(not_resent).request("POST", "assistant/conversations", json={})
    assert len(not_resent.requests) == 1

    resent = Recorder(httpx.ConnectTimeout("connect timed out"), ok())
    await async_http(resent).request("POST", "assistant/conversations", json={})
    assert len(resent.requests) == 2


async def test_async_timeout_mapping_and_secrecy(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    server = Recorder(httpx.ReadTimeout("read timed out"))
    with pytest.raises(DustTimeoutError) as info:
        await async_http(server).request("GET", "x")
    assert len(server.requests) == 3
    assert KEY not in f"{info.value!s} {info.value!r}"
    assert KEY not in all_log_text(caplog)


async def test_async_stream() -> None:
    server = Recorder(sse_response())
    http = async_http(server)
    async with http.stream("GET", "assistant/conversations/c1/events") as response:
        chunks = [chunk async for chunk in response.aiter_bytes()]
    assert response.is_closed
    assert b"".join(chunks).startswith(b"data: ")

    failing = Recorder(dust_error(404))
    with pytest.raises(DustNotFoundError):
        async with async_http(failing).stream("GET", "x"):
            pytest.fail("the body must not run")


async def test_async_owned_client_is_closed() -> None:
    http = AsyncHTTP(make_config())
    await http.aclose()
    assert http.http_client.is_closed


# --- a real socket: the classification holds for errors raised by httpx's own transport --------------


class CountingTransport(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_refused_loopback_connection_is_retried_even_for_post() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The port is closed again, so connecting is refused: the request provably never left.
    transport = CountingTransport()
    sleeps: list[float] = []
    with (
        httpx.Client(transport=transport) as client,
        HTTP(
            make_config(base_url=f"http://127.0.0.1:{port}"), client, retry_policy=POLICY, sleep=sleeps.append
        ) as http,
        pytest.raises(DustConnectionError) as info,
    ):
        http.request("POST", "assistant/conversations", json={})
    assert transport.calls == POLICY.max_retries + 1
    assert len(sleeps) == POLICY.max_retries
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert f"POST http://127.0.0.1:{port}/api/v1/w/W1/assistant/conversations" in str(info.value)
