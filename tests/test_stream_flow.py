"""The stream's flow (dust_ext/_streaming/flow.py), stepped by hand without a server: the order of its steps
(open, read, deliver, hang up, wait, resume) and what it hands the plan, for a resumable event stream."""

from __future__ import annotations

import json
from collections.abc import Generator
from typing import Any

import httpx
import pytest

from dust_ext._streaming import StreamPolicy, StreamSession
from dust_ext._streaming.flow import FINISHED, READ, Connect, Deliver, FlowStep, HangUp, Wait, stream_flow
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


Flow = Generator[FlowStep, Any, None]


def delivered(flow: Flow, chunk: bytes) -> tuple[list[str], FlowStep]:
    """Send ``chunk`` and do what the driver does with each :class:`Deliver` step: the ids of the events
    handed on, and the flow's next step."""
    step = flow.send(chunk)
    ids: list[str] = []
    while isinstance(step, Deliver):
        handed_on = False
        for frame in step.frames:
            item = step.item_of(frame)
            if item is not None:
                assert isinstance(item, StreamEvent)
                ids.append(item.event_id)
                handed_on = True
            if step.plan.over:
                break
        step = flow.send(handed_on)
    return ids, step


def connected(flow: Flow, params: dict[str, str]) -> None:
    step = next(flow)
    assert isinstance(step, Connect)
    assert step.params == params
    assert flow.send(URL) is READ


def test_a_drop_hangs_up_waits_and_resumes_after_the_last_event_then_the_terminal_event_ends_it() -> None:
    flow = stream_flow(session())
    connected(flow, {})
    assert delivered(flow, b": keep-alive\n\n" + title(1)) == (["1-0"], READ)
    assert flow.throw(httpx.ReadError("reset")) == HangUp(drain=False)
    assert next(flow) == Wait(1.0)
    connected(flow, {"lastEventId": "1-0"})
    # The replayed event 1 is dropped; the terminal event 2 ends the connection before its body ended: it
    # is read to its end, for the pool.
    assert delivered(flow, title(1) + cancelled(2)) == (["2-0"], HangUp(drain=True))
    assert next(flow) is FINISHED


def test_a_hand_off_after_new_events_reconnects_at_once_and_an_empty_body_counts_as_an_attempt() -> None:
    flow = stream_flow(session())  # max_reconnects=2: the hand-off is one of them
    connected(flow, {})
    assert delivered(flow, title(1) + b"data: done\n\n") == (["1-0"], HangUp(drain=True))
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
    assert delivered(flow, title(1)) == (["1-0"], READ)  # the caller asked for more: the idle clock restarts
    clock.now += 8.0
    assert delivered(flow, b": keep-alive\n\n" + title(1)) == (
        [],
        READ,
    )  # a comment and a replay: no progress
    clock.now += 3.0
    with pytest.raises(DustTimeoutError, match="no new event for 10s"):
        flow.send(b": keep-alive\n\n")


def test_frames_after_the_terminal_event_or_a_hand_off_in_the_same_chunk_are_not_delivered() -> None:
    flow = stream_flow(session())
    connected(flow, {})
    # Event 2 comes again on the next connection.
    assert delivered(flow, title(1) + b"data: done\n\n" + title(2)) == (["1-0"], HangUp(drain=True))
    assert next(flow) == Wait(0.0)
    connected(flow, {"lastEventId": "1-0"})
    assert delivered(flow, title(2) + cancelled(3) + title(4)) == (["2-0", "3-0"], HangUp(drain=True))
    assert next(flow) is FINISHED
