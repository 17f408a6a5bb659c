"""Resumable event streams (conversations.stream_events / stream_message_events) on the emulator, sync and
async: typed events as they arrive, every event exactly once across dropped connections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient
from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming import DustStreamError, StreamPolicy, StreamSession
from dust_ext._streaming.flow import OVER, BodyEnded, Connect, Refused
from dust_ext.events import (
    AgentMessageNewEvent,
    AgentMessageSuccessEvent,
    ConversationTitleEvent,
    DustEventDecodeError,
    GenerationTokensEvent,
    StreamEvent,
    UnknownEvent,
    UserMessageNewEvent,
    is_reply_text,
)
from dust_ext.exceptions import DustRateLimitError, DustTimeoutError
from dust_ext.testing import EmulatorServer

FAST = StreamPolicy(max_reconnects=5, reconnect_delay=0.0, backoff_multiplier=1.0)
QUESTION = "tokens=12 stream me"


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    waits: list[float] = []
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=waits.append) as c:
        yield c


def start(client: DustClient, text: str = QUESTION, agent: str = "streamer") -> tuple[str, str]:
    conversation = client.conversations.create(message=text, mentions=[agent])
    return conversation.sId, conversation.agent_messages[0].sId


def reply_of(events: list[StreamEvent]) -> str:
    return "".join(e.event.text for e in events if is_reply_text(e.event))


def final_content(events: list[StreamEvent]) -> str:
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    return final.message.content or ""


def test_message_events_are_typed_and_end_at_the_terminal_event(client: DustClient) -> None:
    cid, mid = start(client)
    events = list(client.conversations.stream_message_events(cid, mid))
    tokens = [e.event for e in events if isinstance(e.event, GenerationTokensEvent)]
    assert len(tokens) == 12
    assert reply_of(events) == final_content(events) == " ".join(f"token-{i}" for i in range(1, 13))
    assert [type(e.event) for e in events].count(AgentMessageSuccessEvent) == 1
    assert len({e.event_id for e in events}) == len(events)


def test_resume_from_a_last_event_id(client: DustClient) -> None:
    cid, mid = start(client)
    everything = list(client.conversations.stream_message_events(cid, mid))
    rest = list(client.conversations.stream_message_events(cid, mid, last_event_id=everything[4].event_id))
    assert [e.event_id for e in rest] == [e.event_id for e in everything[5:]]


def test_a_stream_dropped_at_every_event_index_gives_the_same_reply(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    cid, mid = start(client)
    undisturbed = list(client.conversations.stream_message_events(cid, mid))
    for index in range(1, len(undisturbed)):
        fresh_dust_emulator.set_faults(f"drop-after={index};times=1;path=/messages/")
        events = list(client.conversations.stream_message_events(cid, mid))
        assert [e.event_id for e in events] == [e.event_id for e in undisturbed], index
        assert reply_of(events) == reply_of(undisturbed)


def test_every_connection_dropping_still_makes_progress(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    cid, mid = start(client)
    undisturbed = list(client.conversations.stream_message_events(cid, mid))
    fresh_dust_emulator.set_faults("drop-after=2;mode=clean;path=/messages/")
    events = list(client.conversations.stream_message_events(cid, mid))
    assert [e.event_id for e in events] == [e.event_id for e in undisturbed]


def test_a_stream_that_cannot_resume_raises_with_its_last_event_id(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    policy = StreamPolicy(max_reconnects=2, reconnect_delay=0.0)
    with DustClient(
        emulator_config(fresh_dust_emulator), stream_policy=policy, sleep=lambda _: None
    ) as client:
        cid, mid = start(client)
        fresh_dust_emulator.set_faults("drop-after=0;mode=clean;path=/messages/")
        with pytest.raises(DustStreamError) as info:
            list(client.conversations.stream_message_events(cid, mid))
    assert info.value.last_event_id is None


def test_split_and_slow_frames(client: DustClient, fresh_dust_emulator: EmulatorServer) -> None:
    cid, mid = start(client)
    undisturbed = reply_of(list(client.conversations.stream_message_events(cid, mid)))
    fresh_dust_emulator.set_faults("split-frames=3,slow-chunks=0.001;path=/messages/")
    assert reply_of(list(client.conversations.stream_message_events(cid, mid))) == undisturbed


def test_unknown_events_are_surfaced_not_fatal(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    cid, mid = start(client)
    fresh_dust_emulator.set_faults("unknown-event-at=3;path=/messages/")
    events = list(client.conversations.stream_message_events(cid, mid))
    unknown = [e.event for e in events if isinstance(e.event, UnknownEvent)]
    assert [u.type for u in unknown] == ["emulator_unknown_event"]
    assert reply_of(events) == final_content(events)


def test_malformed_frames_raise_a_typed_error_or_are_skipped(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    cid, mid = start(client)
    undisturbed = list(client.conversations.stream_message_events(cid, mid))
    fresh_dust_emulator.set_faults("malformed-frame-at=3;path=/messages/")
    seen: list[StreamEvent] = []
    with pytest.raises(DustEventDecodeError) as info:
        seen.extend(client.conversations.stream_message_events(cid, mid))
    assert info.value.raw
    assert info.value.last_event_id == seen[-1].event_id == undisturbed[1].event_id
    # Nothing is lost: resume after the last delivered event.
    fresh_dust_emulator.set_faults("")
    rest = list(client.conversations.stream_message_events(cid, mid, last_event_id=info.value.last_event_id))
    assert [e.event_id for e in seen + rest] == [e.event_id for e in undisturbed]
    fresh_dust_emulator.set_faults("malformed-frame-at=3;path=/messages/")
    skipped = list(client.conversations.stream_message_events(cid, mid, on_malformed="skip"))
    assert [e.event_id for e in skipped] == [e.event_id for e in undisturbed]


def test_a_large_event_is_delivered(client: DustClient, fresh_dust_emulator: EmulatorServer) -> None:
    cid, mid = start(client)
    fresh_dust_emulator.set_faults("oversized-event-bytes=10000000;path=/messages/")
    events = list(client.conversations.stream_message_events(cid, mid))
    big = [e.event for e in events if isinstance(e.event, UnknownEvent)]
    assert len(big) == 1
    assert reply_of(events) == final_content(events)


def test_stream_opening_errors_are_retried_then_typed(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    cid, mid = start(client)
    fresh_dust_emulator.set_faults(
        "server-error=2;status=503;path=/events,rate-limit=1;retry-after=0;path=/events"
    )
    assert reply_of(list(client.conversations.stream_message_events(cid, mid)))


def test_conversation_events(client: DustClient) -> None:
    cid, _ = start(client, "hello there friend", agent="echo")
    events = [e.event for e in client.conversations.stream_events(cid)]
    kinds = [type(e) for e in events]
    assert UserMessageNewEvent in kinds
    assert AgentMessageNewEvent in kinds
    titles = [e.title for e in events if isinstance(e, ConversationTitleEvent)]
    assert titles


async def test_async_streams_resume_too(fresh_dust_emulator: EmulatorServer) -> None:
    async def no_wait(_: float) -> None:
        return None

    config = emulator_config(fresh_dust_emulator)
    async with AsyncDustClient(config, stream_policy=FAST, sleep=no_wait) as client:
        conversation = await client.conversations.create(message=QUESTION, mentions=["streamer"])
        cid, mid = conversation.sId, conversation.agent_messages[0].sId
        undisturbed = [e async for e in client.conversations.stream_message_events(cid, mid)]
        for index in range(1, len(undisturbed), 3):
            fresh_dust_emulator.set_faults(f"drop-after={index};times=1;path=/messages/")
            events = [e async for e in client.conversations.stream_message_events(cid, mid)]
            assert [e.event_id for e in events] == [e.event_id for e in undisturbed]
        conversation_events: list[Any] = [e async for e in client.conversations.stream_events(cid)]
        assert any(isinstance(e.event, AgentMessageNewEvent) for e in conversation_events)


# -- StreamSession decisions, without a server ------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def session_with(clock: FakeClock, **policy: Any) -> StreamSession:
    settings = {"max_reconnects": 2, "reconnect_delay": 1.0, "backoff_multiplier": 1.0, **policy}
    return StreamSession("/events", True, StreamPolicy(clock=clock, **settings), "raise")


def opened(session: StreamSession) -> Connect:
    connect = session.connect()
    assert connect is not None
    return connect


def pool_timeout_error() -> DustTimeoutError:
    error = DustTimeoutError("Timed out during GET /events: PoolTimeout", method="GET", url="/events")
    error.__cause__ = httpx.PoolTimeout("no free connection")
    return error


def test_waiting_for_a_pooled_connection_uses_no_reconnect_attempt() -> None:
    clock = FakeClock()
    session = session_with(clock, idle_timeout=30.0)
    for _ in range(10):  # far more than max_reconnects
        session.connect()
        assert session.ended(Refused(pool_timeout_error())) == 0.0
        clock.now += 2.0
    assert session.state.reconnect_attempts == 0
    clock.now += 30.0
    with pytest.raises(DustTimeoutError, match="pooled connection was busy"):
        session.connect()


def test_pool_waits_count_as_attempts_when_nothing_else_bounds_them() -> None:
    session = session_with(FakeClock(), idle_timeout=None)
    session.connect()
    assert session.ended(Refused(pool_timeout_error())) == 1.0
    assert session.state.reconnect_attempts == 1


def test_retry_after_is_capped_by_max_delay() -> None:
    session = session_with(FakeClock(), max_delay=7.0)
    session.connect()
    assert session.ended(Refused(DustRateLimitError(429, "slow down", retry_after=300.0))) == 7.0


def test_the_read_timeout_is_the_policys_and_the_idle_limit_bounds_the_connection() -> None:
    clock = FakeClock()
    session = session_with(clock, idle_timeout=20.0, read_timeout=60.0)
    options = opened(session).options
    assert isinstance(options.timeout, httpx.Timeout)
    assert (options.timeout.read, options.total_timeout) == (60.0, 20.0)
    clock.now += 15.0
    options = opened(session).options
    assert options.total_timeout == pytest.approx(5.0)


def test_without_a_read_timeout_the_clients_timeout_bounds_each_read() -> None:
    session = session_with(FakeClock(), idle_timeout=300.0, total_timeout=None)
    options = opened(session).options
    assert options.timeout is None  # the client's timeout, not the 300 s left of the idle limit
    assert options.total_timeout == 300.0


def handed_off_after_one_event(session: StreamSession, number: int) -> float | None:
    """One connection of a server that sends one new event then ``data: done``; the delay before the next."""
    session.connect()
    frame = (
        f'{{"eventId": "{number}-0", "data": {{"type": "conversation_title", "created": 1, "title": "T"}}}}'
    )
    assert session.decode(ServerSentEvent(data=frame)) is not None
    assert session.decode(ServerSentEvent(data="done")) is None
    return session.ended(OVER)  # the flow stopped reading the handed-off connection


def test_hand_offs_reconnect_at_once_in_a_burst_then_one_per_reconnect_delay() -> None:
    clock = FakeClock()
    session = session_with(clock, reconnect_delay=0.5, idle_timeout=None)

    def delays(numbers: range) -> list[float | None]:
        waited = []
        for number in numbers:
            delay = handed_off_after_one_event(session, number)
            waited.append(delay)
            clock.now += delay or 0.0  # the driver sleeps it
        return waited

    assert delays(range(1, 14)) == [0.0] * 10 + [0.5, 0.5, 0.5]
    assert session.state.reconnect_attempts == 1  # reset by each new event: only the upcoming one counts
    clock.now += 1.0  # a quiet second refills two tokens
    assert delays(range(14, 17)) == [0.0, 0.0, 0.5]


def test_hand_offs_are_not_capped_when_reconnect_delay_is_zero() -> None:
    session = session_with(FakeClock(), reconnect_delay=0.0, idle_timeout=None)
    assert [handed_off_after_one_event(session, n) for n in range(1, 31)] == [0.0] * 30


def test_only_new_events_reset_the_idle_clock() -> None:
    clock = FakeClock()
    session = session_with(clock, idle_timeout=10.0)
    session.connect()
    frame = '{"eventId": "5-0", "data": {"type": "conversation_title", "created": 1, "title": "T"}}'
    clock.now += 8.0
    assert session.decode(ServerSentEvent(data=frame)) is not None
    session.deadlines.progressed()  # what the flow does once the caller took the chunk's new events
    clock.now += 8.0
    assert session.decode(ServerSentEvent(data="{}", event="dust-handshake")) is None
    assert session.decode(ServerSentEvent(data=frame)) is None  # a replay
    session.deadlines.check()
    clock.now += 3.0
    with pytest.raises(DustTimeoutError, match="no new event for 10s"):
        session.deadlines.check()


def test_done_after_progress_reconnects_at_once_without_using_an_attempt() -> None:
    session = session_with(FakeClock())
    for number in range(5):
        session.connect()
        frame = f'{{"eventId": "{number + 1}-0", "data": {{"type": "conversation_title", "created": 1, "title": "T"}}}}'
        assert session.decode(ServerSentEvent(data=frame)) is not None
        assert session.decode(ServerSentEvent(data="done")) is None
        assert session.handed_off
        assert session.ended(BodyEnded(mid_frame=False)) == 0.0
    assert session.state.reconnect_attempts == 1


def test_a_connection_is_over_at_done_or_the_terminal_event_until_the_next_connection() -> None:
    session = session_with(FakeClock())
    title = '{"eventId": "1-0", "data": {"type": "conversation_title", "created": 1, "title": "T"}}'
    cancelled = '{"eventId": "2-0", "data": {"type": "agent_generation_cancelled", "created": 1, "configurationId": "c", "messageId": "m"}}'
    session.connect()
    assert session.decode(ServerSentEvent(data=title)) is not None
    assert not session.over
    assert session.decode(ServerSentEvent(data="done")) is None
    assert session.over
    assert session.decode(ServerSentEvent(data=title.replace("1-0", "3-0"))) is not None  # read on anyway
    assert session.over  # stays over: only the next connection starts afresh
    session.connect()
    assert not session.over
    assert session.decode(ServerSentEvent(data=cancelled.replace("2-0", "4-0"))) is not None
    assert session.over
    assert session.done
    assert session.connect() is None


def test_a_body_ending_mid_frame_is_a_drop() -> None:
    session = session_with(FakeClock())
    session.connect()
    assert session.ended(BodyEnded(mid_frame=True)) == 1.0
    assert session.state.reconnect_attempts == 1
