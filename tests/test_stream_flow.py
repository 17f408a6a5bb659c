"""The stream's flow (dust_ext/_streaming/flow.py), stepped by hand without a server: the order of its steps
(open, read, deliver, hang up, wait, resume) and what it hands the plan, for a resumable event stream."""

from __future__ import annotations

import json
from collections.abc import Generator
from typing import Any

import httpx
import pytest

from dust_ext._streaming import StreamPolicy, StreamSession
from dust_ext._streaming.flow import FINISHED, READ, Connect, FlowStep, HangUp, Wait, stream_flow
from dust_ext.events import StreamEvent
from dust_ext.exceptions import DustServerError, DustStreamError, DustTimeoutError

URL = "https://dust.example/api/sse/v1/w/W/assistant/conversations/c/messages/m/events"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def title(number: int) -> bytes:
    data = {"eventId": f"{number}-0", "data": {"type": "conversation_title", "created": 1, "title": "T"}}
    return f"data: {json.dumps(data)}\n\n".encode()


def cancelled(number: int) -> bytes:
    event = {
        "type": "agent_generation_cancelled",
        "created": 1,
        "configurationId": "helper",
        "messageId": "m",
    }
    return f"data: {json.dumps({'eventId': f'{number}-0', 'data': event})}\n\n".encode()


def session(clock: FakeClock | None = None, **policy: Any) -> StreamSession:
    settings = {"max_reconnects": 2, "reconnect_delay": 1.0, "backoff_multiplier": 1.0, **policy}
    return StreamSession("/events", True, StreamPolicy(clock=clock or FakeClock(), **settings), "raise")


Flow = Generator[StreamEvent | FlowStep, Any, None]


def connected(flow: Flow, params: dict[str, str]) -> None:
    step = next(flow)
    assert isinstance(step, Connect)
    assert step.params == params
    assert flow.send(URL) is READ


def test_a_drop_hangs_up_waits_and_resumes_after_the_last_event_then_the_terminal_event_ends_it() -> None:
    flow = stream_flow(session())
    connected(flow, {})
    first = flow.send(b": keep-alive\n\n" + title(1))
    assert isinstance(first, StreamEvent)
    assert first.event_id == "1-0"
    assert next(flow) is READ
    assert flow.throw(httpx.ReadError("reset")) == HangUp(drain=False)
    assert next(flow) == Wait(1.0)
    connected(flow, {"lastEventId": "1-0"})
    terminal = flow.send(title(1) + cancelled(2))  # the replayed event 1 is dropped
    assert isinstance(terminal, StreamEvent)
    assert terminal.event_id == "2-0"
    assert next(flow) == HangUp(drain=True)  # over before its body ended: read to its end, for the pool
    assert next(flow) is FINISHED


def test_a_hand_off_after_new_events_reconnects_at_once_and_an_empty_body_counts_as_an_attempt() -> None:
    flow = stream_flow(session())  # max_reconnects=2: the hand-off is one of them
    connected(flow, {})
    assert isinstance(flow.send(title(1) + b"data: done\n\n"), StreamEvent)
    assert next(flow) == HangUp(drain=True)
    assert next(flow) == Wait(0.0)
    connected(flow, {"lastEventId": "1-0"})
    assert flow.send(None) == HangUp(drain=False)  # the body ended without an event
    assert next(flow) == Wait(1.0)
    connected(flow, {"lastEventId": "1-0"})
    assert flow.send(None) == HangUp(drain=False)
    with pytest.raises(DustStreamError, match="could not be resumed") as info:
        next(flow)  # past max_reconnects
    assert info.value.last_event_id == "1-0"


def test_a_refused_connection_is_judged_by_the_plan() -> None:
    flow = stream_flow(session())
    step = next(flow)
    assert isinstance(step, Connect)
    assert flow.throw(DustServerError(503, "unavailable")) == Wait(1.0)
    step = next(flow)
    assert isinstance(step, Connect)
    with pytest.raises(DustServerError):
        flow.throw(DustServerError(501, "not implemented"))  # not worth another try


def test_the_idle_limit_is_checked_between_chunks_and_reset_only_by_new_events() -> None:
    clock = FakeClock()
    flow = stream_flow(session(clock, idle_timeout=10.0))
    connected(flow, {})
    clock.now += 8.0
    assert isinstance(flow.send(title(1)), StreamEvent)
    assert next(flow) is READ  # the caller asked for more: the idle clock restarts
    clock.now += 8.0
    assert flow.send(b": keep-alive\n\n" + title(1)) is READ  # a comment and a replay: no progress
    clock.now += 3.0
    with pytest.raises(DustTimeoutError, match="no new event for 10s"):
        flow.send(b": keep-alive\n\n")


def test_frames_after_the_terminal_event_or_a_hand_off_in_the_same_chunk_are_not_delivered() -> None:
    flow = stream_flow(session())
    connected(flow, {})
    handed_off = flow.send(title(1) + b"data: done\n\n" + title(2))
    assert isinstance(handed_off, StreamEvent)
    assert handed_off.event_id == "1-0"
    assert next(flow) == HangUp(drain=True)  # event 2 comes again on the next connection
    assert next(flow) == Wait(0.0)
    connected(flow, {"lastEventId": "1-0"})
    delivered = [flow.send(title(2) + cancelled(3) + title(4)), next(flow)]
    assert [event.event_id for event in delivered if isinstance(event, StreamEvent)] == ["2-0", "3-0"]
    assert next(flow) == HangUp(drain=True)
    assert next(flow) is FINISHED
