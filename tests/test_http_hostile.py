"""The request path against hostile servers (raw loopback sockets): every call bounded in time and memory,
every failure a DustError, no credential echoed back into an error.

Each scenario runs on the sync and the async driver (``driver`` fixture). Sizes are scaled down with the
limits (a 1 MiB cap, a 50 MiB gzip bomb) so the tests stay fast; ``benchmarks/bench_hardening.py`` measures
the full-size cases.
"""

from __future__ import annotations

import asyncio
import gzip
import pickle
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from dust_ext import (
    DustClient,
    DustConfig,
    DustDecodeError,
    DustError,
    DustNotFoundError,
    DustRedirectError,
    DustResponseTooLargeError,
    DustServerError,
    DustTimeoutError,
    RetryPolicy,
)
from dust_ext._core import body as body_module
from dust_ext._http import HTTP, AsyncHTTP
from dust_ext.testing.hostile import Exchange, HostileServer, gzip_bomb, response_bytes, response_head

KEY = "sk-hostile-0123456789abcdef"
NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0)
MiB = 1024 * 1024


def config_for(server: HostileServer, **overrides: Any) -> DustConfig:
    values: dict[str, Any] = {"workspace_id": "W", "api_key": KEY, "base_url": server.url, "timeout": 5.0}
    values.update(overrides)
    return DustConfig(**values)


Request = Callable[..., httpx.Response]


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Iterator[Callable[..., Request]]:
    """``driver(server, policy=..., **config)`` → a function sending one request through that driver."""
    closers: list[Callable[[], None]] = []

    def make(
        server: HostileServer, *, policy: RetryPolicy = NO_WAIT, client: Any = None, **overrides: Any
    ) -> Request:
        config = config_for(server, **overrides)
        if request.param == "sync":
            sync = HTTP(config, client, retry_policy=policy)
            closers.append(sync.close)
            return sync.request
        loop = asyncio.new_event_loop()
        asynchronous = AsyncHTTP(config, client, retry_policy=policy)
        closers.append(lambda: (loop.run_until_complete(asynchronous.aclose()), loop.close()))
        return lambda *args, **kwargs: loop.run_until_complete(asynchronous.request(*args, **kwargs))

    def close_all() -> None:
        while closers:
            closers.pop()()

    make.mode = request.param  # type: ignore[attr-defined]
    make.close_all = close_all  # type: ignore[attr-defined]
    yield make
    close_all()


def answer(data: bytes) -> Callable[[Exchange], None]:
    """A handler sending ``data`` and closing the connection (no keep-alive left for the server to wait on)."""

    # Said in the head too, or the client may send its next request on the connection being closed.
    data = data.replace(b"\r\n", b"\r\nConnection: close\r\n", 1)

    def handler(exchange: Exchange) -> None:
        exchange.send(data)
        exchange.close()

    return handler


# --- time ------------------------------------------------------------------------------------------------


def trickler(size: int, interval: float) -> Callable[[Exchange], None]:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Length": str(size), "Content-Type": "application/json"}))
        exchange.trickle(b" " * size, interval=interval)

    return handler


def test_a_trickled_body_cannot_outlive_the_attempt_timeout(driver: Any) -> None:
    # 5000 bytes at one per 10 ms would take 50 s; each read is fast, so only a deadline ends it.
    with HostileServer(trickler(5000, 0.01)) as server:
        send = driver(server, policy=RetryPolicy(max_retries=0), timeout=0.3)
        with pytest.raises(DustTimeoutError, match=r"timeout=0\.3s"):
            send("GET", "spaces")
    assert len(server.requests) == 1


def test_the_total_timeout_bounds_the_retries_of_a_trickled_call(driver: Any) -> None:
    with HostileServer(trickler(5000, 0.01)) as server:
        send = driver(
            server,
            policy=RetryPolicy(max_retries=50, initial_backoff=0.0, jitter=0.0),
            timeout=0.3,
            total_timeout=0.5,
        )
        with pytest.raises(DustTimeoutError, match=r"total_timeout=0\.5s"):
            send("GET", "spaces")
    # 0.3 s attempts: the second one is cut at the total deadline, and no third starts.
    assert 1 <= len(server.requests) <= 2


def test_a_call_is_bounded_even_while_the_status_line_trickles(driver: Any) -> None:
    # 40 bytes of head at one per 50 ms: every read is quick, only the attempt's deadline ends it (the
    # blocking client through its own transport's deadline, the asyncio one by cancellation).
    head = response_head(200, {"Content-Length": "2"}) + b"{}"
    with HostileServer(lambda exchange: exchange.trickle(head, interval=0.05)) as server:
        send = driver(server, policy=RetryPolicy(max_retries=0), timeout=0.3)
        with pytest.raises(DustTimeoutError, match=r"timeout=0\.3s"):
            send("GET", "spaces")


def test_endless_100_continue_answers_end_at_the_total_timeout(driver: Any) -> None:
    continued_to_the_end = threading.Event()

    def endless_continues(exchange: Exchange) -> None:
        # ``HTTP/1.1 100 Continue`` every 10 ms for 30 s: httpx skips each one and waits for the next.
        exchange.trickle(b"HTTP/1.1 100 Continue\r\n\r\n" * 3000, interval=0.01, size=25)
        continued_to_the_end.set()

    with HostileServer(endless_continues) as server:
        send = driver(
            server,
            policy=RetryPolicy(max_retries=50, initial_backoff=0.0, jitter=0.0),
            timeout=0.3,
            total_timeout=0.5,
        )
        with pytest.raises(DustTimeoutError, match=r"total_timeout=0\.5s"):
            send("GET", "spaces")
        assert not continued_to_the_end.is_set()  # the client left, it did not wait for the server
    assert 1 <= len(server.requests) <= 2


def test_retry_waits_past_the_total_timeout_are_not_made() -> None:
    now = [0.0]
    sleeps: list[float] = []

    def sleep(delay: float) -> None:
        sleeps.append(delay)
        now[0] += delay

    transport = httpx.MockTransport(lambda request: httpx.Response(503, json={"error": {"type": "x"}}))
    http = HTTP(
        DustConfig(workspace_id="W", api_key=KEY, total_timeout=25.0),
        httpx.Client(transport=transport),
        retry_policy=RetryPolicy(max_retries=10, initial_backoff=10.0, max_backoff=10.0, jitter=0.0),
        sleep=sleep,
        clock=lambda: now[0],
    )
    with pytest.raises(DustServerError):
        http.request("GET", "spaces")
    assert sleeps == [10.0, 10.0]  # attempts at t=0, 10, 20; a wait to t=30 would pass t=25


# --- memory ----------------------------------------------------------------------------------------------


def test_a_body_past_max_response_bytes_is_a_typed_error(driver: Any) -> None:
    body = b"[" + b"0," * (2 * MiB) + b"0]"
    with HostileServer(answer(response_bytes(200, body, content_type="application/json"))) as server:
        send = driver(server, max_response_bytes=MiB)
        with pytest.raises(DustResponseTooLargeError) as info:
            send("GET", "spaces")
    assert info.value.limit == MiB
    assert len(server.requests) == 1  # not retried: it would be as large again
    assert isinstance(info.value, DustDecodeError)


def test_a_gzip_bomb_stops_inflating_at_the_limit(driver: Any) -> None:
    bomb = gzip_bomb(64 * MiB)

    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(200, bomb, {"Content-Encoding": "gzip"}, content_type="application/json")
        )

    with HostileServer(handler) as server:
        send = driver(server, max_response_bytes=MiB)
        tracemalloc.start()
        try:
            with pytest.raises(DustResponseTooLargeError):
                send("GET", "spaces")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 8 * MiB  # the whole bomb would be 64 MiB; httpx's own decoding inflates 64 MiB per read


@pytest.mark.parametrize("kept_in_content", [True, False], ids=["stored", "rebuilt"])
def test_a_body_within_the_limit_is_decoded_whole(
    driver: Any, kept_in_content: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways of handing back the read body: stored where httpx keeps it, and the public fallback.
    assert body_module.STORES_READ_BODY_IN_CONTENT  # the supported httpx versions take the fast path
    monkeypatch.setattr(body_module, "STORES_READ_BODY_IN_CONTENT", kept_in_content)
    payload = b'{"spaces": []}' + b" " * (MiB // 2)

    def handler(exchange: Exchange) -> None:
        encoding = "gzip" if exchange.request.path.endswith("gz") else "identity"
        body = gzip.compress(payload) if encoding == "gzip" else payload
        exchange.send(
            response_bytes(200, body, {"Content-Encoding": encoding}, content_type="application/json")
        )

    with HostileServer(handler) as server:
        send = driver(server, max_response_bytes=MiB)
        compressed = send("GET", "spaces-gz")
        assert compressed.content == payload
        assert send("GET", "spaces").json() == {"spaces": []}
        driver.close_all()
    # The returned response is what httpx would have returned read: the server's own headers (the body
    # decoded once, not again by its Content-Encoding), the request it answers, its timing.
    assert compressed.headers["content-encoding"] == "gzip"
    assert int(compressed.headers["content-length"]) < len(payload)
    assert compressed.json() == {"spaces": []}
    assert compressed.is_closed
    assert compressed.request.url.path.endswith("/spaces-gz")
    assert compressed.elapsed.total_seconds() >= 0


def test_a_huge_error_page_is_read_only_up_to_max_error_body_bytes_on_each_retry(driver: Any) -> None:
    page = (
        b"<html><head><title>Service Unavailable</title></head><body>" + b"x" * (8 * MiB) + b"</body></html>"
    )

    def handler(exchange: Exchange) -> None:
        exchange.send(response_bytes(503, page, content_type="text/html"))

    with HostileServer(handler) as server:
        send = driver(server, max_error_body_bytes=64 * 1024)
        with pytest.raises(DustServerError) as info:
            send("GET", "spaces")
    error = info.value
    assert len(server.requests) == 3  # 5xx still retried
    assert error.body_truncated is True
    assert len(error.body) == 64 * 1024
    assert error.message == "Service Unavailable"
    assert pickle.loads(pickle.dumps(error)).body_truncated is True


@pytest.mark.parametrize(
    "body",
    [
        gzip.compress(b'{"a": 1}')[:10] + b"\xff\xfe not deflate at all",  # corrupt
        gzip.compress(b'{"spaces": []}' * 100)[:-20],  # cut short: zlib alone would not notice
    ],
    ids=["corrupt", "cut-short"],
)
def test_a_corrupt_gzip_body_is_a_decode_error(driver: Any, body: bytes) -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_bytes(200, body, {"Content-Encoding": "gzip", "Connection": "close"}))
        exchange.close()

    with HostileServer(handler) as server:
        send = driver(server)
        with pytest.raises(DustDecodeError, match="could not be decoded"):
            send("GET", "spaces")


# --- every failure a DustError ---------------------------------------------------------------------------


def test_a_redirect_loop_through_an_injected_client_is_a_dust_error(driver: Any) -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(302, headers={"Location": exchange.request.target, "Connection": "close"})
        )
        exchange.close()

    with HostileServer(handler) as server:
        injected: Any = (
            httpx.Client(follow_redirects=True)
            if driver.mode == "sync"
            else httpx.AsyncClient(follow_redirects=True)
        )
        send = driver(server, client=injected)
        with pytest.raises(DustRedirectError, match="Too many redirects"):
            send("GET", "spaces")
        assert KEY not in str(server.requests[-1].headers.get("location", ""))


def test_an_invalid_absolute_url_is_a_dust_error(driver: Any) -> None:
    with HostileServer(lambda exchange: None) as server:
        send = driver(server)
        with pytest.raises(DustError):
            send("POST", "http://[::1")


def test_pool_limits_come_from_the_config(driver: Any) -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_bytes(200, b"{}", content_type="application/json"))

    with HostileServer(handler) as server:
        send = driver(server, max_connections=1, max_keepalive_connections=1)
        for _ in range(3):
            send("GET", "spaces")
        driver.close_all()
    assert {request.connection_index for request in server.requests} == {0}
    assert DustConfig(workspace_id="W", api_key=KEY, max_connections=7).httpx_limits().max_connections == 7


# --- secrets ---------------------------------------------------------------------------------------------


def test_a_key_read_from_a_file_with_its_newline_is_sent_clean(tmp_path: Any) -> None:
    path = tmp_path / "key.txt"
    path.write_text(KEY + "\n")
    ok = answer(response_bytes(200, b"{}", content_type="application/json"))
    with HostileServer(ok) as server, DustClient(config_for(server, api_key=path.read_text())) as client:
        client.validate()
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_a_key_echoed_in_response_headers_is_scrubbed_from_the_error(driver: Any) -> None:
    def handler(exchange: Exchange) -> None:
        echoed = {
            "X-Request-Id": f"req-{KEY}",
            "X-Echo-Authorization": f"Bearer {KEY}",
            "Connection": "close",
        }
        exchange.send(
            response_bytes(404, b'{"error": {"type": "not_found"}}', echoed, content_type="application/json")
        )
        exchange.close()

    with HostileServer(handler) as server:
        send = driver(server)
        with pytest.raises(DustNotFoundError) as info:
            send("GET", "spaces")
    error = info.value
    assert error.request_id == "req-[redacted]"
    for rendering in (str(error), repr(error), pickle.dumps(error), repr(error.headers), repr(error.args)):
        assert KEY not in str(rendering)
    assert error.headers["x-echo-authorization"] == "Bearer [redacted]"


def test_raw_response_request_id_does_not_echo_the_key() -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(200, b'{"spaces": []}', {"X-Request-Id": KEY}, content_type="application/json")
        )

    with HostileServer(handler) as server, DustClient(config_for(server)) as client:
        raw = client.spaces.with_raw_response.list()
    assert raw.request_id == "[redacted]"
    assert KEY not in repr(raw)
