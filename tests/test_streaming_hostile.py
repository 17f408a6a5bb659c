"""Event streams against hostile servers written here (dust_ext.testing.hostile), sync and async: Dust's
framing taken to its limits (redirects, handshakes, ``done`` hand-offs) and servers that misbehave."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig
from dust_ext._streaming import DustStreamError, StreamPolicy
from dust_ext.events import AgentMessageSuccessEvent, StreamEvent
from dust_ext.exceptions import (
    DustConnectionError,
    DustRedirectError,
    DustResponseTooLargeError,
    DustTimeoutError,
)
from dust_ext.testing.hostile import Exchange, HostileServer, ReceivedRequest, chunk, response_head, sse_frame

KEY = "sk-hostile-test-key"
MESSAGE_EVENTS = "/api/v1/w/W/assistant/conversations/c1/messages/m1/events"
SSE_MESSAGE_EVENTS = "/api/sse/v1/w/W/assistant/conversations/c1/messages/m1/events"
HANDSHAKE = sse_frame("{}", event="dust-handshake")
DONE = sse_frame("done")
NO_WAIT = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, backoff_multiplier=1.0)
MODES = ["sync", "async"]


def event_id(number: int) -> str:
    return f"{1700000000000 + number // 10}-{number % 10}"


def token_frame(number: int) -> bytes:
    data = {
        "type": "generation_tokens",
        "created": 1,
        "configurationId": "helper",
        "messageId": "m1",
        "text": f"t{number} ",
        "classification": "tokens",
    }
    return sse_frame(json.dumps({"eventId": event_id(number), "data": data}))


def success_frame(number: int) -> bytes:
    data = {
        "type": "agent_message_success",
        "created": 1,
        "configurationId": "helper",
        "messageId": "m1",
        "message": {"sId": "m1", "type": "agent_message", "status": "succeeded", "content": "done"},
    }
    return sse_frame(json.dumps({"eventId": event_id(number), "data": data}))


def reply_frames(tokens: int) -> list[bytes]:
    """A reply of ``tokens`` token events and its terminal success, numbered 0..tokens."""
    return [token_frame(n) for n in range(tokens)] + [success_frame(tokens)]


def resume_index(request: ReceivedRequest) -> int:
    """The number of the first event after the request's ``lastEventId`` (0 when absent or empty)."""
    last = (request.query.get("lastEventId") or [""])[0]
    if not last:
        return 0
    ms, _, seq = last.partition("-")
    return (int(ms) - 1700000000000) * 10 + int(seq or 0) + 1


def send_sse(exchange: Exchange, *frames: bytes, end: bool = True) -> None:
    exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"}))
    for frame in frames:
        exchange.send(chunk(frame))
    if end:
        exchange.send(chunk(b""))


def redirect_to_sse(exchange: Exchange) -> bool:
    """Answer Dust's 307 for a /api/v1 stream URL; ``False`` when the request is already on /api/sse."""
    target = exchange.request.target
    if not target.startswith("/api/v1/"):
        return False
    location = "/api/sse/" + target.removeprefix("/api/")
    exchange.send(response_head(307, {"Location": location, "Content-Length": "0"}))
    return True


def dust_like(serve: Callable[[Exchange], None]) -> Callable[[Exchange], None]:
    """A handler that redirects /api/v1 to /api/sse like Dust, then lets ``serve`` answer on /api/sse."""

    def handler(exchange: Exchange) -> None:
        if not redirect_to_sse(exchange):
            serve(exchange)

    return handler


def config(server: HostileServer, **overrides: Any) -> DustConfig:
    return DustConfig(
        **{"workspace_id": "W", "api_key": KEY, "base_url": server.url, "timeout": 5.0, **overrides}
    )


def collect(
    mode: str,
    server: HostileServer,
    policy: StreamPolicy = NO_WAIT,
    *,
    http_client: Any = None,
    sleeps: list[float] | None = None,
    last_event_id: str | None = None,
    timeout: float = 5.0,
) -> list[StreamEvent]:
    """Every event of the message stream m1, read by the sync or the async client (``timeout``: the
    client's)."""
    waits = sleeps if sleeps is not None else []
    if mode == "sync":
        with DustClient(
            config(server, timeout=timeout), stream_policy=policy, sleep=waits.append, http_client=http_client
        ) as c:
            return list(c.conversations.stream_message_events("c1", "m1", last_event_id))

    async def run() -> list[StreamEvent]:
        async def wait(seconds: float) -> None:
            waits.append(seconds)

        async with AsyncDustClient(
            config(server, timeout=timeout), stream_policy=policy, sleep=wait, http_client=http_client
        ) as c:
            return [e async for e in c.conversations.stream_message_events("c1", "m1", last_event_id)]

    return asyncio.run(run())


def ids(events: list[StreamEvent]) -> list[str]:
    return [event.event_id for event in events]


# -- Dust's framing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_redirect_to_api_sse_is_followed_with_the_key_and_the_resume_query(mode: str) -> None:
    frames = reply_frames(4)

    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        send_sse(exchange, HANDSHAKE, *frames[start:], DONE)

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server, last_event_id=event_id(1))
    assert ids(events) == [event_id(n) for n in range(2, 5)]
    first, second = server.requests
    assert (first.path, second.path) == (MESSAGE_EVENTS, SSE_MESSAGE_EVENTS)
    assert first.query == second.query == {"lastEventId": [event_id(1)]}
    assert first.headers["authorization"] == second.headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("mode", MODES)
def test_a_handshake_with_a_body_and_other_named_events_are_skipped(mode: str) -> None:
    frames = reply_frames(3)

    def serve(exchange: Exchange) -> None:
        handshake = sse_frame('{"protocol": 2, "note": "not an event"}', event="dust-handshake")
        ping = sse_frame("not json at all", event="ping")
        send_sse(exchange, handshake, frames[0], ping, *frames[1:], DONE)

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(n) for n in range(4)]


@pytest.mark.parametrize("mode", MODES)
def test_done_after_every_single_event_still_delivers_the_reply_exactly_once(mode: str) -> None:
    frames = reply_frames(12)

    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        send_sse(exchange, HANDSHAKE, frames[start], DONE)

    sleeps: list[float] = []
    with HostileServer(dust_like(serve)) as server:
        # Three reconnects in a row without progress are allowed; twelve hand-offs after progress are free.
        events = collect(mode, server, sleeps=sleeps)
    assert ids(events) == [event_id(n) for n in range(13)]
    assert isinstance(events[-1].event, AgentMessageSuccessEvent)
    assert sleeps == [0.0] * 12  # each hand-off reconnects at once
    assert len([r for r in server.requests if r.path == SSE_MESSAGE_EVENTS]) == 13
    # Each connection was read to its end, so the next request reused it: one socket for 26 requests.
    assert server.connection_count == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_server_handing_off_after_every_event_is_capped_to_one_reconnect_per_delay(mode: str) -> None:
    frames = reply_frames(15)

    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, frames[resume_index(exchange.request)], DONE)

    sleeps: list[float] = []
    # The policy's clock moves only by the stream's own sleeps: the figures are exact.
    policy = StreamPolicy(reconnect_delay=1.0, clock=lambda: 1000.0 + sum(sleeps))
    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server, policy, sleeps=sleeps)
    assert ids(events) == [event_id(n) for n in range(16)]
    assert sleeps == [0.0] * 10 + [1.0] * 5  # a burst of 10 at once, then one per reconnect_delay


@pytest.mark.parametrize("mode", MODES)
def test_done_without_progress_is_a_bounded_reconnect(mode: str) -> None:
    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, DONE)

    with HostileServer(dust_like(serve)) as server, pytest.raises(DustStreamError):
        collect(mode, server)
    assert len([r for r in server.requests if r.path == SSE_MESSAGE_EVENTS]) == NO_WAIT.max_reconnects + 1


# -- redirects the SDK refuses ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_loop_is_a_typed_error(mode: str) -> None:
    def handler(exchange: Exchange) -> None:
        # /api/v1/... -> /api/sse/v1/... -> itself (a stream follows redirects only under /api/sse/)
        location = "/api/sse/" + exchange.request.target.removeprefix("/api/").removeprefix("sse/")
        exchange.send(response_head(307, {"Location": location, "Content-Length": "0"}))

    with HostileServer(handler) as server, pytest.raises(DustRedirectError, match="loop"):
        collect(mode, server)
    assert len(server.requests) == 2


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("follows_redirects", [False, True])
def test_a_redirect_to_another_origin_never_sends_it_a_request(mode: str, follows_redirects: bool) -> None:
    def elsewhere(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, *reply_frames(1))

    with HostileServer(elsewhere) as other:

        def handler(exchange: Exchange) -> None:
            location = other.url + exchange.request.target
            exchange.send(response_head(307, {"Location": location, "Content-Length": "0"}))

        with HostileServer(handler) as server:
            client_class = httpx.Client if mode == "sync" else httpx.AsyncClient
            injected = client_class(follow_redirects=True) if follows_redirects else None
            with pytest.raises(DustRedirectError, match="another origin") as info:
                collect(mode, server, http_client=injected)
            if injected is not None and mode == "sync":
                injected.close()
    assert other.requests == []  # not even without the key
    assert KEY not in str(info.value)
    assert KEY not in repr(info.value)


# -- time and memory --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_keep_alive_comments_do_not_keep_a_silent_stream_alive(mode: str) -> None:
    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, token_frame(0), end=False)
        while not server.stopping.wait(0.02):
            exchange.send(chunk(b": keep-alive\n\n"))

    policy = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, idle_timeout=0.5)
    with HostileServer(dust_like(serve)) as server, pytest.raises(DustTimeoutError, match="idle_timeout"):
        collect(mode, server, policy)


@pytest.mark.parametrize("mode", MODES)
def test_a_total_deadline_ends_a_stream_that_keeps_making_progress(mode: str) -> None:
    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, end=False)
        number = resume_index(exchange.request)
        while not server.stopping.wait(0.02):
            exchange.send(chunk(token_frame(number)))
            number += 1

    policy = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, total_timeout=0.5)
    with HostileServer(dust_like(serve)) as server, pytest.raises(DustTimeoutError, match="total_timeout"):
        collect(mode, server, policy)


@pytest.mark.parametrize("mode", MODES)
def test_retry_after_is_capped_by_the_stream_policy(mode: str) -> None:
    answered = threading.Event()

    def serve(exchange: Exchange) -> None:
        if not answered.is_set():
            answered.set()
            exchange.send(response_head(429, {"Retry-After": "3000", "Content-Length": "0"}))
            return
        send_sse(exchange, HANDSHAKE, *reply_frames(2), DONE)

    sleeps: list[float] = []
    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server, StreamPolicy(reconnect_delay=0.0, max_delay=7.0), sleeps=sleeps)
    assert len(events) == 3
    assert sleeps == [7.0]


@pytest.mark.parametrize("mode", MODES)
def test_a_line_without_end_is_refused_past_the_frame_limit(mode: str) -> None:
    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, end=False)
        exchange.send(chunk(b"data: "))
        for _ in range(64):
            exchange.send(chunk(b"x" * 16384))
        exchange.send(chunk(b""))

    policy = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, max_frame_chars=256 * 1024)
    with HostileServer(dust_like(serve)) as server, pytest.raises(DustResponseTooLargeError) as info:
        collect(mode, server, policy)
    assert info.value.limit == 256 * 1024


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("filler", [b"\n", b":\n\n"], ids=["blank-lines", "comments"])
def test_a_gzipped_flood_of_blank_lines_or_comments_is_refused_at_the_frame_limit(
    mode: str, filler: bytes
) -> None:
    # 8 MB of filler gzip'd to a few KB: without a budget the client decodes it all (and more, until the
    # idle limit), as nothing in it is an event.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = compressor.compress(HANDSHAKE + filler * (8 * 1024 * 1024 // len(filler))) + compressor.flush()

    def serve(exchange: Exchange) -> None:
        headers = {
            "Content-Type": "text/event-stream",
            "Content-Encoding": "gzip",
            "Transfer-Encoding": "chunked",
        }
        exchange.send(response_head(200, headers) + chunk(body))
        exchange.hang(server.stopping)

    policy = StreamPolicy(max_reconnects=0, reconnect_delay=0.0, idle_timeout=3.0, max_frame_chars=256 * 1024)
    with HostileServer(dust_like(serve)) as server, pytest.raises(DustResponseTooLargeError) as info:
        collect(mode, server, policy)
    assert info.value.limit == 256 * 1024
    assert "without an event" in info.value.message


@pytest.mark.parametrize("mode", MODES)
def test_a_gzipped_stream_is_inflated_a_bounded_piece_at_a_time(mode: str) -> None:
    # 8 MB of keep-alive comments before the reply, gzip'd to a few KB that arrive in one network read:
    # httpx would inflate them whole; the stream inflates 256 KiB at a time and still reads the reply.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    plain = HANDSHAKE + b":\n\n" * (2 * 1024 * 1024) + b"".join(reply_frames(3)) + DONE
    body = compressor.compress(plain) + compressor.flush()

    def serve(exchange: Exchange) -> None:
        headers = {
            "Content-Type": "text/event-stream",
            "Content-Encoding": "gzip",
            "Content-Length": str(len(body)),
        }
        exchange.send(response_head(200, headers) + body)

    tracemalloc.start()
    try:
        with HostileServer(dust_like(serve)) as server:
            events = collect(mode, server)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ids(events) == [event_id(n) for n in range(4)]
    assert peak < 4 * 1024 * 1024  # whole, the comments alone are 8 MB of bytes and 8 MB of text


#: How long the server below holds a body open after the terminal event: far past DRAIN_TIMEOUT, so a
#: client that waits for the end of the body (rather than its own drain deadline) is told apart.
HOLD_AFTER_TERMINAL = 20.0


@pytest.mark.parametrize("mode", MODES)
def test_a_body_held_open_after_the_terminal_event_does_not_hold_the_caller(mode: str) -> None:
    release = threading.Event()
    hold_ran_out: list[bool] = []

    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, *reply_frames(2), DONE, end=False)
        released = release.wait(HOLD_AFTER_TERMINAL)  # the body stays open: no end chunk
        hold_ran_out.append(not released)
        exchange.close()

    # The read timeout is far longer than the hold: only the drain's own deadline can end the call early.
    policy = StreamPolicy(max_reconnects=0, reconnect_delay=0.0, read_timeout=120.0)
    with HostileServer(dust_like(serve)) as server:
        try:
            events = collect(mode, server, policy)
            server_still_holding = not hold_ran_out
        finally:
            release.set()
    assert server_still_holding
    assert [event.event.type for event in events][-1] == "agent_message_success"
    assert len(events) == 3
    assert len(server.requests) == 2  # the 307 and the stream: nothing reconnected


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_whose_status_line_trickles_ends_at_its_idle_limit(mode: str) -> None:
    # Every read is quick (a byte per 50 ms, for 30 s), so only a deadline on the whole response head ends
    # the opening; the client's own timeout (5 s) is longer than the stream's idle limit.
    trickled_to_the_end = threading.Event()

    def serve(exchange: Exchange) -> None:
        exchange.trickle(b"HTTP/1.1 200 OK\r\nX-Padding: " + b"x" * 600, interval=0.05)
        trickled_to_the_end.set()

    policy = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, idle_timeout=0.5)
    with HostileServer(dust_like(serve)) as server, pytest.raises(DustTimeoutError, match="idle_timeout"):
        collect(mode, server, policy)
    assert not trickled_to_the_end.is_set()  # the client left mid-head, it did not wait for the server
    assert len(server.requests) == 2  # the 307 and the one trickled opening: no reconnect past the limit


@pytest.mark.parametrize("mode", MODES)
def test_a_silent_stream_is_resumed_after_the_clients_timeout(mode: str) -> None:
    # StreamPolicy.read_timeout is None: a connection silent for the client's timeout (0.3 s) counts as
    # dropped and is resumed after its last event, long before the idle limit (30 s).
    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        if start == 0:
            send_sse(exchange, HANDSHAKE, token_frame(0), end=False)
            exchange.hang(server.stopping)
            return
        send_sse(exchange, HANDSHAKE, *reply_frames(3)[start:], DONE)

    policy = StreamPolicy(max_reconnects=3, reconnect_delay=0.0, idle_timeout=30.0)
    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server, policy, timeout=0.3)
    assert ids(events) == [event_id(n) for n in range(4)]
    sse_requests = [r for r in server.requests if r.path == SSE_MESSAGE_EVENTS]
    assert [r.query.get("lastEventId") for r in sse_requests] == [None, [event_id(0)]]


# -- resuming ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_body_ending_cleanly_mid_frame_is_resumed_not_malformed(mode: str) -> None:
    frames = reply_frames(6)

    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        if start == 0:
            cut = frames[3][: len(frames[3]) // 2]  # half a frame, then a clean end of body
            send_sse(exchange, HANDSHAKE, *frames[:3], cut)
            return
        send_sse(exchange, HANDSHAKE, *frames[start:], DONE)

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(n) for n in range(7)]
    resumed = [r for r in server.requests if r.path == SSE_MESSAGE_EVENTS][1]
    assert resumed.query["lastEventId"] == [event_id(2)]


@pytest.mark.parametrize("mode", MODES)
def test_a_server_replaying_from_the_start_past_ten_thousand_events_delivers_each_once(mode: str) -> None:
    total = 10_050
    frames = reply_frames(total)
    body = b"".join(frames)
    offsets = [0]
    for frame in frames:
        offsets.append(offsets[-1] + len(frame))

    def serve(exchange: Exchange) -> None:
        # Ignores lastEventId: every connection replays from the first event and goes 2,510 events further,
        # so the fifth replays ids 0..10,039 after 10,040 were delivered (a 10,000-id memory forgot 0..39).
        reached = resume_index(exchange.request)
        end = min(reached + 2_510, total + 1)
        send_sse(exchange, HANDSHAKE, body[: offsets[end]], *([DONE] if end <= total else []))

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(n) for n in range(total + 1)]


def frame_with_id(frame: bytes, new_id: str) -> bytes:
    """``frame`` with its ``eventId`` replaced."""
    payload = json.loads(frame.decode().removeprefix("data: "))
    return sse_frame(json.dumps({**payload, "eventId": new_id}))


@pytest.mark.parametrize("mode", MODES)
def test_one_bogus_id_far_ahead_neither_eats_the_reply_nor_goes_unlogged(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    bogus = "9" * 20 + "-0"
    frames = reply_frames(3)

    def serve(exchange: Exchange) -> None:
        if resume_index(exchange.request) == 0:  # 0, the bogus id, 1, then a drop
            send_sse(exchange, HANDSHAKE, frames[0], frame_with_id(frames[1], bogus), frames[1], end=False)
            exchange.close()
            return
        # Resumed after 1: the server replays from the start, then the rest of the reply.
        send_sse(exchange, HANDSHAKE, *frames, DONE)

    caplog.set_level(logging.DEBUG, logger="dust_ext")
    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(0), bogus, event_id(1), event_id(2), event_id(3)]
    assert isinstance(events[-1].event, AgentMessageSuccessEvent)
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert any(f"{event_id(1)} arrived after {bogus}" in message for message in warnings)
    replays = [record.getMessage() for record in caplog.records if "dropping event" in record.getMessage()]
    assert [message.split()[3] for message in replays] == [f"{event_id(n)}:" for n in range(2)]


def title_frame(number: int) -> bytes:
    data = {"type": "conversation_title", "created": 1, "title": f"title {number}"}
    return sse_frame(json.dumps({"eventId": event_id(number), "data": data}))


@pytest.mark.parametrize("mode", MODES)
def test_a_conversation_stream_follows_done_hand_offs_and_ends_once_caught_up(mode: str) -> None:
    frames = [title_frame(n) for n in range(5)]

    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        send_sse(exchange, HANDSHAKE, *frames[start : start + 2], DONE)  # two events per connection

    with HostileServer(dust_like(serve)) as server:
        if mode == "sync":
            with DustClient(config(server), stream_policy=NO_WAIT, sleep=lambda _: None) as client:
                events = list(client.conversations.stream_events("c1"))
        else:

            async def run() -> list[StreamEvent]:
                async def wait(_: float) -> None:
                    return None

                async with AsyncDustClient(config(server), stream_policy=NO_WAIT, sleep=wait) as client:
                    return [e async for e in client.conversations.stream_events("c1")]

            events = asyncio.run(run())
    assert ids(events) == [event_id(n) for n in range(5)]
    sse_requests = [r for r in server.requests if r.path.startswith("/api/sse/")]
    # 0-1, 2-3, 4, then a connection with nothing new: caught up.
    assert [r.query.get("lastEventId") for r in sse_requests] == [
        None,
        [event_id(1)],
        [event_id(3)],
        [event_id(4)],
    ]


# -- streams without resume: app runs ---------------------------------------------------------------------

RUN_STATUS = sse_frame(json.dumps({"type": "run_status", "content": {"status": "running", "run_id": "r1"}}))
FINAL = sse_frame(json.dumps({"type": "final"}))


def stream_run(mode: str, server: HostileServer, **overrides: Any) -> list[Any]:
    arguments: dict[str, Any] = {"specification_hash": "h", "config": {}, "inputs": [{}]}
    if mode == "sync":
        with DustClient(config(server, **overrides)) as client:
            return list(client.apps.stream_run("s1", "a1", **arguments))

    async def run() -> list[Any]:
        async with AsyncDustClient(config(server, **overrides)) as client:
            return [event async for event in client.apps.stream_run("s1", "a1", **arguments)]

    return asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
def test_an_app_run_follows_a_same_origin_307_and_skips_named_events(mode: str) -> None:
    def handler(exchange: Exchange) -> None:
        if not redirect_to_sse(exchange):
            assert exchange.request.method == "POST"
            assert json.loads(exchange.request.body)["stream"] is True
            send_sse(exchange, sse_frame("{}", event="dust-handshake"), RUN_STATUS, FINAL)

    with HostileServer(handler) as server:
        events = stream_run(mode, server)
    assert [event.type for event in events] == ["run_status", "final"]
    assert server.errors == []
    assert [r.method for r in server.requests] == ["POST", "POST"]


@pytest.mark.parametrize("mode", MODES)
def test_the_hops_of_a_redirect_share_the_calls_total_timeout(mode: str) -> None:
    # Each hop answers within the 1 s total_timeout, both together do not: the second hop gets only what the
    # first left (it used to get the whole budget again, so a chain of hops could take a multiple of it).
    def handler(exchange: Exchange) -> None:
        server.stopping.wait(0.7)
        if not redirect_to_sse(exchange):
            send_sse(exchange, RUN_STATUS, FINAL)

    with HostileServer(handler) as server, pytest.raises(DustTimeoutError, match="total_timeout"):
        stream_run(mode, server, total_timeout=1.0)
    assert [r.target.startswith("/api/sse/") for r in server.requests] == [False, True]


@pytest.mark.parametrize("mode", MODES)
def test_an_app_run_cut_mid_frame_is_a_connection_error(mode: str) -> None:
    def handler(exchange: Exchange) -> None:
        send_sse(exchange, RUN_STATUS, FINAL[:10])

    with HostileServer(handler) as server, pytest.raises(DustConnectionError, match="middle of a frame"):
        stream_run(mode, server)


def test_a_stream_waiting_for_a_pooled_connection_fails_on_its_idle_limit_with_a_clear_error() -> None:
    def serve(exchange: Exchange) -> None:
        if "/messages/m0/" in exchange.request.target:
            send_sse(exchange, HANDSHAKE, token_frame(0), end=False)
            exchange.hang(server.stopping)
            return
        send_sse(exchange, HANDSHAKE, *reply_frames(1), DONE)

    policy = StreamPolicy(max_reconnects=1, reconnect_delay=0.0, idle_timeout=1.0)
    with (
        HostileServer(dust_like(serve)) as server,
        httpx.Client(limits=httpx.Limits(max_connections=1)) as http_client,
        DustClient(
            DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=0.2),
            stream_policy=policy,
            sleep=lambda _: None,
            http_client=http_client,
        ) as client,
    ):
        holder = client.conversations.stream_message_events("c0", "m0")
        next(holder)  # holds the only connection
        with pytest.raises(DustTimeoutError, match="pooled connection was busy"):
            list(client.conversations.stream_message_events("c1", "m1"))
        holder.close()
        # Once the connection is free again, the same client streams normally.
        assert len(list(client.conversations.stream_message_events("c1", "m1"))) == 2


# -- a terminal event of several MB, trickled --------------------------------------------------------------

# Escapes and 2-, 3- and 4-byte UTF-8 characters (surrogate pair escapes in the half sent escaped) in every
# line of the reply, so that the odd chunk sizes below cut through all of them.
REPLY_LINE = 'Réponse 😀 "cité" \\ chemin/vers\t ligne €\n'
LARGE_REPLY = REPLY_LINE * (3 * 2**20 // len(REPLY_LINE.encode()))  # ~3 MB: past the 1 MiB split threshold
ODD_SIZES = (4099, 1, 7, 65537, 3, 10007, 2, 777)


def large_success_frame(number: int) -> bytes:
    data = {
        "type": "agent_message_success",
        "created": 1,
        "configurationId": "helper",
        "messageId": "m1",
        "message": {"sId": "m1", "type": "agent_message", "status": "succeeded", "content": LARGE_REPLY},
    }
    # Non-ASCII escaped (\u00e9, \ud83d\ude00) in half of the reply, raw in the other half.
    half = len(LARGE_REPLY) // 2
    text = json.dumps({"eventId": event_id(number), "data": data}, ensure_ascii=False)
    head, _, tail = text.partition(json.dumps(LARGE_REPLY, ensure_ascii=False))
    content = json.dumps(LARGE_REPLY[:half])[:-1] + json.dumps(LARGE_REPLY[half:], ensure_ascii=False)[1:]
    return sse_frame(head + content + tail)


def trickle(exchange: Exchange, frame: bytes, until: int | None = None) -> None:
    """Send ``frame`` (up to ``until`` bytes) as HTTP chunks of odd sizes."""
    end = len(frame) if until is None else until
    start = index = 0
    while start < end:
        size = ODD_SIZES[index % len(ODD_SIZES)]
        exchange.send(chunk(frame[start : min(start + size, end)]))
        start += size
        index += 1


def split_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the frames the stream parsed from a skeleton and its large strings (the split path)."""
    from dust_ext._streaming import session

    calls: list[int] = []
    original = session.parse_split_frame

    def counting(skeleton: str, large_strings: Any) -> Any:
        calls.append(len(large_strings))
        return original(skeleton, large_strings)

    monkeypatch.setattr(session, "parse_split_frame", counting)
    return calls


@pytest.mark.parametrize("mode", MODES)
def test_a_terminal_event_of_several_mb_trickled_in_odd_chunks_keeps_the_whole_reply(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = split_parses(monkeypatch)
    terminal = large_success_frame(5)

    def serve(exchange: Exchange) -> None:
        send_sse(exchange, HANDSHAKE, *[token_frame(n) for n in range(5)], end=False)
        trickle(exchange, terminal + DONE)
        exchange.send(chunk(b""))

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(n) for n in range(6)]
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert final.message.content == LARGE_REPLY
    assert calls == [1]  # the terminal frame took the split path, its content one large string


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("cut", ["end", "close"])
def test_a_stream_cut_inside_a_large_terminal_frame_resumes_without_loss_or_duplicate(
    mode: str, cut: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = split_parses(monkeypatch)
    terminal = large_success_frame(4)

    def serve(exchange: Exchange) -> None:
        start = resume_index(exchange.request)
        if start == 0:
            send_sse(exchange, HANDSHAKE, *[token_frame(n) for n in range(4)], end=False)
            trickle(exchange, terminal, until=len(terminal) * 2 // 3)  # past the split threshold
            if cut == "end":
                exchange.send(chunk(b""))  # a clean end of body, mid-frame
            else:
                exchange.close()
            return
        send_sse(exchange, HANDSHAKE, *[token_frame(n) for n in range(start, 4)], end=False)
        trickle(exchange, terminal + DONE)
        exchange.send(chunk(b""))

    with HostileServer(dust_like(serve)) as server:
        events = collect(mode, server)
    assert ids(events) == [event_id(n) for n in range(5)]
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert final.message.content == LARGE_REPLY
    resumed = [r for r in server.requests if r.path == SSE_MESSAGE_EVENTS][1]
    assert resumed.query["lastEventId"] == [event_id(3)]
    assert calls == [1]
