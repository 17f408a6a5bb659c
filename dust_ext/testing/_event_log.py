"""Append-only event logs with resumable reads, the emulator's model of Dust's Redis event streams.

Dust publishes every conversation and every agent message as a stream of events. Each event carries an id
of the form ``<epoch ms>-<seq>`` (Redis stream ids); a client that lost its connection passes the last id it
saw as ``?lastEventId=`` and receives the events strictly after it.

The emulator allocates ids from one clock per server. Real events always use an **even** ``seq``; odd
sequence numbers are reserved for frames injected by fault injection, so an injected frame gets an id that
sorts between two real events and resuming from it neither loses nor repeats a real event.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from dataclasses import dataclass, field
from typing import Any

from dust_ext.testing._errors import ApiError

JSONObject = dict[str, Any]


@dataclass(frozen=True, order=True)
class EventId:
    """A Redis-style stream id: milliseconds since the epoch, then a sequence number within that ms."""

    ms: int
    seq: int

    def __str__(self) -> str:
        return f"{self.ms}-{self.seq}"

    @classmethod
    def parse(cls, text: str) -> EventId:
        """Parse ``"<ms>-<seq>"`` (or a bare ``"<ms>"``, meaning seq 0); raise a 400 ApiError otherwise."""
        ms_text, _, seq_text = text.partition("-")
        try:
            ms = int(ms_text)
            seq = int(seq_text) if seq_text else 0
        except ValueError:
            raise ApiError(
                400,
                "invalid_request_error",
                f"Invalid lastEventId {text!r}: expected an event id like '1695991686152-0'.",
            ) from None
        if ms < 0 or seq < 0:
            raise ApiError(400, "invalid_request_error", f"Invalid lastEventId {text!r}: negative value.")
        return cls(ms, seq)

    def injected_successor(self) -> EventId:
        """The id for a frame injected right after this event (odd seq, never used by a real event)."""
        return EventId(self.ms, self.seq + 1)


class EventIdClock:
    """Hands out strictly increasing ids shared by every log of a server (even sequence numbers only)."""

    def __init__(self) -> None:
        self._last = EventId(0, 0)

    def next_id(self) -> EventId:
        now_ms = int(time.time() * 1000)
        if now_ms > self._last.ms:
            self._last = EventId(now_ms, 0)
        else:
            self._last = EventId(self._last.ms, self._last.seq + 2)
        return self._last


@dataclass(frozen=True)
class LoggedEvent:
    """One event as stored: its id and its payload (the ``data`` object of an SSE frame)."""

    event_id: EventId
    data: JSONObject

    def frame_object(self) -> JSONObject:
        """The JSON object Dust sends in a frame: ``{"eventId": ..., "data": {...}}``."""
        return {"eventId": str(self.event_id), "data": self.data}


@dataclass
class EventLog:
    """The events of one conversation or one agent message, in id order, with a wake-up for readers."""

    clock: EventIdClock
    events: list[LoggedEvent] = field(default_factory=list)
    _wakeup: asyncio.Event = field(default_factory=asyncio.Event)

    def append(self, data: JSONObject) -> LoggedEvent:
        event = LoggedEvent(self.clock.next_id(), data)
        self.events.append(event)
        self.notify()
        return event

    def notify(self) -> None:
        """Wake every reader waiting for a change (a new event or a status change they watch)."""
        wakeup, self._wakeup = self._wakeup, asyncio.Event()
        wakeup.set()

    def changed(self) -> asyncio.Event:
        """An asyncio.Event set at the next change; take it *before* checking for news to miss nothing."""
        return self._wakeup

    def after(self, cursor: EventId | None) -> list[LoggedEvent]:
        """The events strictly after ``cursor`` (all of them when ``cursor`` is None)."""
        if cursor is None:
            return list(self.events)
        ids = [event.event_id for event in self.events]
        return self.events[bisect.bisect_right(ids, cursor) :]
