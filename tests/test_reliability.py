"""Reliability matrix on the emulator, sync and async: every fault gives the exact reply or a typed error,
no token is lost or repeated, and no connection is left open.

Each scenario runs through :class:`Harness`, which builds a fresh client (never waiting: injected no-op
sleep, zero backoff), runs one action, then records what the client left behind: requests still holding
a pooled connection (a response nobody closed) and, after the client is closed, sockets of this process
still connected to the server.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sdk_support import emulator_config

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustConfig,
    DustConnectionError,
    DustRateLimitError,
    DustServerError,
    DustStreamError,
    DustTimeoutError,
    RetryPolicy,
    StreamPolicy,
)
from dust_ext.events import (
    AgentMessageSuccessEvent,
    DustEventDecodeError,
    StreamEvent,
    UnknownEvent,
    is_reply_text,
)
from dust_ext.testing import EmulatorServer

MODES = ["sync", "async"]
TOKENS = 6
REPLY = " ".join(f"token-{i}" for i in range(1, TOKENS + 1))
QUESTION = f"tokens={TOKENS} delay=0 reliability"
NO_WAIT_STREAMS = StreamPolicy(max_reconnects=4, reconnect_delay=0.0, backoff_multiplier=1.0)


def retry_policy(max_retries: int = 3) -> RetryPolicy:
    """No backoff of our own, but ``Retry-After`` passed through (the sleep is a no-op that records it)."""
    return RetryPolicy(
        max_retries=max_retries, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=30.0
    )


# -- what a run leaves behind -----------------------------------------------------------------------------


def _socket_inodes() -> set[str]:
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def open_sockets_to(port: int) -> int:
    """Sockets of this process connected to ``port`` on loopback (the client side of connections)."""
    ours = _socket_inodes()
    count = 0
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            with open(table, encoding="ascii") as lines:
                next(lines)
                for line in lines:
                    fields = line.split()
                    remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                    if remote_port == port and fields[9] in ours:
                        count += 1
        except FileNotFoundError:
            continue
    return count


def in_flight_requests(http_client: httpx.Client | httpx.AsyncClient) -> int:
    """Requests still holding a connection of the client's pool: a response that was never closed."""
    pool = http_client._transport._pool  # type: ignore[union-attr]
    return len(pool._requests)


@dataclass
class Harness:
    """Runs one action with a fresh sync or async client and checks what it leaves behind."""

    mode: str
    config: DustConfig
    port: int
    stream_policy: StreamPolicy = NO_WAIT_STREAMS
    retry: RetryPolicy = field(default_factory=retry_policy)
    sleeps: list[float] = field(default_factory=list)
    in_flight: int = -1
    leftover_sockets: int = -1

    def run(self, action: Callable[[Any], Any]) -> Any:
        """``action(client)`` returns a value, an iterator (collected into a list) or, for async, an
        awaitable or an async iterator."""
        if self.mode == "sync":
            return self._run_sync(action)
        return asyncio.run(self._run_async(action))

    def _run_sync(self, action: Callable[[Any], Any]) -> Any:
        client = DustClient(
            self.config, retry_policy=self.retry, stream_policy=self.stream_policy, sleep=self.sleeps.append
        )
        try:
            result = action(client)
            if isinstance(result, Iterator):
                result = list(result)
            return result
        finally:
            self.in_flight = in_flight_requests(client.http.http_client)
            client.close()
            self.leftover_sockets = open_sockets_to(self.port)

    async def _run_async(self, action: Callable[[Any], Any]) -> Any:
        async def record(seconds: float) -> None:
            self.sleeps.append(seconds)

        client = AsyncDustClient(
            self.config, retry_policy=self.retry, stream_policy=self.stream_policy, sleep=record
        )
        try:
            result = action(client)
            if hasattr(result, "__aiter__"):
                return [item async for item in result]
            if inspect.isawaitable(result):
                return await result
            return result
        finally:
            self.in_flight = in_flight_requests(client.http.http_client)
            await client.close()
            self.leftover_sockets = open_sockets_to(self.port)

    def assert_clean(self) -> None:
        assert self.in_flight == 0, "a response was left open"
        assert self.leftover_sockets == 0, "a connection outlived its client"


def harness(mode: str, server: EmulatorServer, **kwargs: Any) -> Harness:
    config_overrides = kwargs.pop("config", {})
    return Harness(mode, emulator_config(server, **config_overrides), server.port, **kwargs)


# -- the reply every scenario must reproduce --------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    conversation_id: str
    message_id: str
    event_ids: list[str]


def reply_text(events: list[StreamEvent]) -> str:
    return "".join(e.event.text for e in events if is_reply_text(e.event))


def assert_exact(events: list[StreamEvent], reply: Reply) -> None:
    """The stream delivered every event once, in order, and the reply text is exactly the agent's."""
    ids = [e.event_id for e in events]
    assert len(ids) == len(set(ids)), "an event was delivered twice"
    known = [e.event_id for e in events if not isinstance(e.event, UnknownEvent)]
    assert known == reply.event_ids
    assert reply_text(events) == REPLY
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert final.message.content == REPLY


@pytest.fixture
def reply(fresh_dust_emulator: EmulatorServer) -> Reply:
    """A finished ``streamer`` reply and its undisturbed event ids (the reference for every fault)."""
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        conversation = client.conversations.create(message=QUESTION, mentions=["streamer"])
        cid, mid = conversation.sId, conversation.agent_messages[0].sId
        events = list(client.conversations.stream_message_events(cid, mid))
    assert reply_text(events) == REPLY
    return Reply(cid, mid, [e.event_id for e in events])


def stream_of(reply: Reply, **kwargs: Any) -> Callable[[Any], Any]:
    return lambda client: client.conversations.stream_message_events(
        reply.conversation_id, reply.message_id, **kwargs
    )


# -- dropped streams --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("drop", ["abort", "clean"])
def test_a_stream_dropped_at_every_event_index(
    mode: str, drop: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    for index in range(len(reply.event_ids)):
        fresh_dust_emulator.set_faults(f"drop-after={index};times=1;mode={drop};path=/messages/")
        run = harness(mode, fresh_dust_emulator)
        assert_exact(run.run(stream_of(reply)), reply)
        run.assert_clean()


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_chat_stream_dropped_at_every_event_index_gives_the_exact_text(
    mode: str, fresh_dust_emulator: EmulatorServer
) -> None:
    # chat.stream posts a new message each time; the stream of that message is cut after `index` frames.
    for index in range(TOKENS + 1):
        fresh_dust_emulator.set_faults(f"drop-after={index};times=1;path=/messages/")
        run = harness(mode, fresh_dust_emulator)

        def pieces(client: Any) -> Any:
            if mode == "sync":
                with client.chat.stream(agent="streamer", text=QUESTION) as stream:
                    return list(stream.text_stream)

            async def collect() -> list[str]:
                async with client.chat.stream(agent="streamer", text=QUESTION) as stream:
                    return [piece async for piece in stream.text_stream]

            return collect()

        received = run.run(pieces)
        assert "".join(received) == REPLY, index
        assert len(received) == TOKENS
        run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_that_keeps_dropping_without_progress_gives_up_with_a_typed_error(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("drop-after=0;path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    with pytest.raises(DustStreamError) as info:
        run.run(stream_of(reply))
    assert info.value.last_event_id is None
    assert len(run.sleeps) == NO_WAIT_STREAMS.max_reconnects
    run.assert_clean()


# -- rate limits and server errors ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_429_burst_is_waited_out_with_retry_after(mode: str, fresh_dust_emulator: EmulatorServer) -> None:
    fresh_dust_emulator.set_faults("rate-limit=3;retry-after=2;path=/agent_configurations")
    run = harness(mode, fresh_dust_emulator)
    agents = run.run(lambda client: client.agents.list())
    assert "streamer" in {agent.sId for agent in agents}
    assert run.sleeps == [2.0, 2.0, 2.0]
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_a_429_burst_longer_than_the_retries_raises_the_rate_limit(
    mode: str, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("rate-limit=5;retry-after=7;path=/agent_configurations")
    run = harness(mode, fresh_dust_emulator, retry=retry_policy(max_retries=2))
    with pytest.raises(DustRateLimitError) as info:
        run.run(lambda client: client.agents.list())
    assert info.value.status_code == 429
    assert info.value.retry_after == 7.0
    assert run.sleeps == [7.0, 7.0]
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_a_429_burst_on_a_stream_reconnects_after_retry_after(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("rate-limit=2;retry-after=3;path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    assert_exact(run.run(stream_of(reply)), reply)
    assert run.sleeps == [3.0, 3.0]
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("failures", [1, 2, 3])
@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_k_times_then_success(
    mode: str, failures: int, status: int, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults(f"server-error={failures};status={status};path=/conversations/")
    run = harness(mode, fresh_dust_emulator)
    conversation = run.run(lambda client: client.conversations.get(reply.conversation_id))
    assert conversation.sId == reply.conversation_id
    assert len(run.sleeps) == failures
    fresh_dust_emulator.set_faults(f"server-error={failures};status={status};path=/messages/")
    assert_exact(run.run(stream_of(reply)), reply)
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_5xx_more_times_than_the_retries_raises_the_server_error(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("server-error=4;status=502;path=/conversations/")
    run = harness(mode, fresh_dust_emulator)
    with pytest.raises(DustServerError) as info:
        run.run(lambda client: client.conversations.get(reply.conversation_id))
    assert info.value.status_code == 502
    assert len(run.sleeps) == 3
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_a_post_that_fails_with_5xx_is_not_repeated(mode: str, fresh_dust_emulator: EmulatorServer) -> None:
    # Posting a message starts an agent: re-sending after a 500 could run it twice.
    fresh_dust_emulator.set_faults("server-error=1;path=/assistant/conversations")
    run = harness(mode, fresh_dust_emulator)
    with pytest.raises(DustServerError):
        run.run(lambda client: client.conversations.create(message=QUESTION, mentions=["streamer"]))
    assert run.sleeps == []
    fresh_dust_emulator.set_faults("")
    conversations = run.run(lambda client: client.conversations.list())
    assert conversations == []
    run.assert_clean()


# -- transport failures -----------------------------------------------------------------------------------


def _refused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _config_for(port: int, **overrides: Any) -> DustConfig:
    values: dict[str, Any] = {
        "workspace_id": "w_reliability",
        "api_key": "sk-reliability",
        "base_url": f"http://127.0.0.1:{port}",
        "timeout": 0.3,
    }
    values.update(overrides)
    return DustConfig(**values)


@pytest.mark.parametrize("mode", MODES)
def test_connection_refused_is_a_typed_connection_error(mode: str) -> None:
    port = _refused_port()
    run = Harness(mode, _config_for(port), port)
    with pytest.raises(DustConnectionError) as info:
        run.run(lambda client: client.agents.list())
    assert not isinstance(info.value, DustTimeoutError)
    assert len(run.sleeps) == 3, "connecting is retried: nothing was sent"
    with pytest.raises(DustStreamError) as stream_info:
        run.run(lambda client: client.conversations.stream_message_events("c", "m"))
    assert isinstance(stream_info.value.__cause__, DustConnectionError)
    with pytest.raises(DustConnectionError):
        run.run(lambda client: client.chat.send(agent="streamer", text="hello"))
    run.assert_clean()


class SilentServer:
    """A loopback server that accepts connections and never answers (nor closes them)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        # A blocked accept() is not woken by close() from another thread; poll so that exit is prompt.
        self.listener.settimeout(0.02)
        self.port: int = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.mark.parametrize("mode", MODES)
def test_a_server_that_never_answers_is_bounded_by_the_timeout(mode: str) -> None:
    with SilentServer() as silent:
        run = Harness(mode, _config_for(silent.port, timeout=0.2), silent.port, retry=retry_policy(1))
        with pytest.raises(DustTimeoutError):
            run.run(lambda client: client.agents.list())
        assert len(run.sleeps) == 1
        # A stream that never sends a byte counts as dropped after read_timeout, then gives up.
        run.stream_policy = StreamPolicy(max_reconnects=1, reconnect_delay=0.0, read_timeout=0.2)
        with pytest.raises(DustStreamError):
            run.run(lambda client: client.conversations.stream_message_events("c", "m"))
        run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_read_timeouts_mid_stream_resume_without_loss(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    # Every frame takes longer than the read timeout: each connection times out before its first frame.
    fresh_dust_emulator.set_faults("slow-chunks=0.3;path=/messages/")
    policy = StreamPolicy(max_reconnects=2, reconnect_delay=0.0, read_timeout=0.05)
    run = harness(mode, fresh_dust_emulator, stream_policy=policy)
    with pytest.raises(DustStreamError) as info:
        run.run(stream_of(reply))
    assert info.value.last_event_id is None
    assert len(run.sleeps) == 2
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_slow_drip_chunks_give_the_exact_reply(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("slow-chunks=0.01,split-frames=7;path=/messages/")
    policy = StreamPolicy(max_reconnects=1, reconnect_delay=0.0, read_timeout=2.0)
    run = harness(mode, fresh_dust_emulator, stream_policy=policy)
    assert_exact(run.run(stream_of(reply)), reply)
    assert run.sleeps == []
    run.assert_clean()


# -- frames: split, malformed, unknown, huge --------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("piece", [1, 2, 3, 5, 64])
def test_frames_written_in_pieces_give_the_exact_reply(
    mode: str, piece: int, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults(f"split-frames={piece};path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    assert_exact(run.run(stream_of(reply)), reply)
    run.assert_clean()


@pytest.fixture
def recorded_body(reply: Reply, fresh_dust_emulator: EmulatorServer) -> bytes:
    """The raw SSE body of the reference reply, as the emulator serves it."""
    url = (
        f"{fresh_dust_emulator.base_url}/api/v1/w/{fresh_dust_emulator.workspace_id}/assistant/"
        f"conversations/{reply.conversation_id}/messages/{reply.message_id}/events"
    )
    headers = {"Authorization": f"Bearer {fresh_dust_emulator.api_key}"}
    with httpx.Client(timeout=10, follow_redirects=True) as client:  # Dust's 307 to /api/sse/
        return client.get(url, headers=headers).content


def _split_transport(body: bytes, offset: int, *, asynchronous: bool) -> httpx.BaseTransport | Any:
    chunks = [body[:offset], body[offset:]]

    def handler(request: httpx.Request) -> httpx.Response:
        stream: Any = _AsyncChunks(chunks) if asynchronous else _SyncChunks(chunks)
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=stream)

    return httpx.MockTransport(handler)


class _SyncChunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks


class _AsyncChunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> Any:
        for chunk in self._chunks:
            yield chunk


def test_a_stream_split_at_every_byte_offset_gives_the_exact_reply(
    reply: Reply, recorded_body: bytes, fresh_dust_emulator: EmulatorServer
) -> None:
    config = emulator_config(fresh_dust_emulator)
    for offset in range(len(recorded_body) + 1):
        http_client = httpx.Client(transport=_split_transport(recorded_body, offset, asynchronous=False))
        with DustClient(config, http_client=http_client, stream_policy=NO_WAIT_STREAMS) as client:
            events = list(client.conversations.stream_message_events(reply.conversation_id, reply.message_id))
        assert_exact(events, reply)


async def test_an_async_stream_split_at_every_byte_offset_gives_the_exact_reply(
    reply: Reply, recorded_body: bytes, fresh_dust_emulator: EmulatorServer
) -> None:
    config = emulator_config(fresh_dust_emulator)
    # Every third offset keeps the async twin quick; the sync test covers each one.
    for offset in range(0, len(recorded_body) + 1, 3):
        transport = _split_transport(recorded_body, offset, asynchronous=True)
        async with AsyncDustClient(
            config, http_client=httpx.AsyncClient(transport=transport), stream_policy=NO_WAIT_STREAMS
        ) as client:
            stream = client.conversations.stream_message_events(reply.conversation_id, reply.message_id)
            events = [event async for event in stream]
        assert_exact(events, reply)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("at", [1, 3, TOKENS + 1])
def test_malformed_json_raises_a_typed_error_then_resumes_exactly(
    mode: str, at: int, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults(f"malformed-frame-at={at};path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    delivered: list[StreamEvent] = []

    def until_error(client: Any) -> Any:
        stream = stream_of(reply)(client)
        if mode == "sync":
            delivered.extend(stream)
            return None

        async def collect() -> None:
            async for event in stream:
                delivered.append(event)

        return collect()

    with pytest.raises(DustEventDecodeError) as info:
        run.run(until_error)
    assert info.value.raw
    assert [e.event_id for e in delivered] == reply.event_ids[: at - 1]
    assert info.value.last_event_id == (reply.event_ids[at - 2] if at > 1 else None)
    run.assert_clean()
    fresh_dust_emulator.set_faults("")
    rest = run.run(stream_of(reply, last_event_id=info.value.last_event_id))
    assert_exact(delivered + rest, reply)
    fresh_dust_emulator.set_faults(f"malformed-frame-at={at};path=/messages/")
    assert_exact(run.run(stream_of(reply, on_malformed="skip")), reply)
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_unknown_event_types_are_surfaced_and_the_reply_is_exact(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("unknown-event-at=2;path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    events = run.run(stream_of(reply))
    assert [e.event.type for e in events if isinstance(e.event, UnknownEvent)] == ["emulator_unknown_event"]
    assert_exact(events, reply)
    run.assert_clean()


@pytest.mark.parametrize("mode", MODES)
def test_a_10_mb_event_is_delivered_whole(
    mode: str, reply: Reply, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("oversized-event-bytes=10000000;at=3;path=/messages/")
    run = harness(mode, fresh_dust_emulator)
    events = run.run(stream_of(reply))
    (big,) = [e.event for e in events if isinstance(e.event, UnknownEvent)]
    assert big.type == "emulator_oversized_event"
    assert len(str(big.raw)) >= 9_000_000
    assert_exact(events, reply)
    run.assert_clean()
