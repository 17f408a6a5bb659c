"""Sans-IO state of a resumable Dust event stream: where to resume, what was seen, when to give up.

Dust's event streams can drop (network errors, proxies closing idle connections, deploys). A client resumes
by reopening the stream with the last event id it received as the ``lastEventId`` **query parameter**; the
stream then continues after that event. Dust documents that events "can be repeated across API calls", so
a resuming client must also drop events whose id it has already seen.

:class:`StreamResumeState` holds that bookkeeping and the reconnection policy, without any I/O or sleeping;
the SDK's streams use it through :class:`~dust_ext._streaming.StreamSession` (Dust's framing, time limits,
the client's :class:`~dust_ext.StreamPolicy`). The attempt count resets after a connection that delivered
new events.

De-duplication follows what Dust's ids promise. They are Redis stream ids, ``<ms>-<seq>``, assigned by
``XADD *`` to one Redis stream per conversation, agent message or MCP server (``front/lib/api/
redis-hybrid-manager.ts`` in Dust's repository), so they strictly increase within a stream: an id at or
below the last one accepted is a replay, however far back the server restarted. Comparing with that one
high-water mark costs O(1) memory and cannot be fooled by a server that replays thousands of events. Ids
that are not of that form fall back to remembering the last ``max_seen_ids`` ids.

Ids that go backwards are not all replays, though: one bogus id far ahead (a 20-digit one) would make every
later event look like a replay and drop the reply. So the state also keeps the newest id accepted below the
high-water mark: an id between the two was never delivered (every id accepted so far is at or below the
lower one, or is the high-water mark itself), so it is delivered, with a WARNING that the ids regressed.
Dropped replays are logged at DEBUG.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Literal, Protocol, cast

from dust_ext.events import TERMINAL_EVENT_TYPES

__all__ = ["DisconnectReason", "StreamResumeState", "redis_stream_id"]

logger = logging.getLogger("dust_ext")

DisconnectReason = Literal["connect_error", "read_error", "closed", "http_status"]
"""Why a connection to an event stream ended.

* ``connect_error``: the request failed before a response arrived (DNS, refused, reset, timeout);
* ``read_error``: the response started but reading the body failed (connection dropped mid-stream);
* ``closed``: the server ended the body cleanly without a terminal event;
* ``http_status``: the server answered with a non-success status (pass it as ``status_code``).
"""


_MAX_ID_DIGITS = 20


def redis_stream_id(event_id: str) -> tuple[int, int] | None:
    """``"1695991686152-3"`` → ``(1695991686152, 3)`` (a bare ``"<ms>"`` has seq 0); ``None`` for any id
    that is not a Redis stream id (one to twenty decimal digits, optionally ``-`` and one to twenty more)."""
    # Called on every event: str methods instead of a regular expression (same decision, a fraction of
    # the cost; isdecimal() is exactly the regex ``\d`` for str patterns).
    millis, dash, sequence = event_id.partition("-")
    if not (0 < len(millis) <= _MAX_ID_DIGITS and millis.isdecimal()):
        return None
    if not dash:
        return int(millis), 0
    if not (0 < len(sequence) <= _MAX_ID_DIGITS and sequence.isdecimal()):
        return None
    return int(millis), int(sequence)


class _HasType(Protocol):
    @property
    def type(self) -> str: ...


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class StreamResumeState:
    """Resume position, de-duplication and reconnection policy of one Dust event stream.

    ``stop_at_terminal``: set for agent message streams, which end at a terminal event (success, error,
    cancellation, graceful stop); leave unset for conversation streams, which never end by themselves.
    ``max_reconnect_attempts``: how many reconnections in a row may fail to deliver a new event before
    :meth:`should_reconnect` gives up. ``reconnect_delay`` / ``backoff_multiplier`` / ``max_delay``: the
    wait before reconnection *n* is ``min(max_delay, reconnect_delay * backoff_multiplier ** (n - 1))``
    (a fixed delay by default; the SDK's streams pass their ``StreamPolicy``'s). ``retry_statuses``:
    statuses worth reconnecting on. ``max_seen_ids``: how many ids are remembered to de-duplicate ids that are not Redis stream ids
    (oldest forgotten first); Redis stream ids, Dust's, are de-duplicated by order (see the module docstring).
    """

    stop_at_terminal: bool = True
    last_event_id: str | None = None
    """The id of the last new event accepted; the stream resumes after it."""
    max_reconnect_attempts: int = 10
    reconnect_delay: float = 5.0
    backoff_multiplier: float = 1.0
    max_delay: float = 60.0
    retry_statuses: frozenset[int] = frozenset({408, 429})
    max_seen_ids: int = 10_000
    terminal_reached: bool = field(default=False, init=False)
    """Whether a terminal event was accepted (only with ``stop_at_terminal``)."""
    reconnect_attempts: int = field(default=0, init=False)
    """Reconnections in a row that have not (yet) delivered a new event."""
    events_this_connection: int = field(default=0, init=False)
    """New events accepted since the current connection started."""
    _accepted: int = field(default=0, init=False)
    # The newest Redis stream id accepted ("" before any: what later ids must exceed), and where its dash
    # is when ids of its shape can be compared as text (0: they cannot).
    _high_water: str = field(default="", init=False)
    _high_water_dash: int = field(default=0, init=False)
    # The newest Redis stream id accepted below the high-water mark ("": none): ids strictly between
    # the two were never delivered.
    _below_high_water: str = field(default="", init=False)
    _regressions: int = field(default=0, init=False)
    _seen_ids: set[str] = field(default_factory=set, init=False)
    _seen_order: deque[str] = field(default_factory=deque, init=False)

    def __post_init__(self) -> None:
        if self.max_reconnect_attempts < 0:
            raise ValueError("max_reconnect_attempts must be >= 0")
        if self.reconnect_delay < 0 or self.max_delay < 0 or self.backoff_multiplier < 1:
            raise ValueError("delays must be >= 0 and backoff_multiplier >= 1")
        if self.max_seen_ids < 1:
            raise ValueError("max_seen_ids must be >= 1")
        if self.last_event_id is not None:
            self._remember(self.last_event_id)
            self._below_high_water = self._high_water  # resuming: every id up to it counts as seen

    def __repr__(self) -> str:
        return (
            f"StreamResumeState(last_event_id={self.last_event_id!r}, terminal_reached={self.terminal_reached},"
            f" reconnect_attempts={self.reconnect_attempts}, accepted={self._accepted})"
        )

    def connection_started(self) -> None:
        """Record that a new connection (the first or a reconnection) is being opened."""
        self.events_this_connection = 0

    def accept(self, event_id: str, event: _HasType | None = None) -> bool:
        """Record an event; return ``False`` if its id was already seen (a duplicate to drop).

        ``event`` (anything with a ``type``, such as the models of :mod:`dust_ext.events`) lets the state
        notice terminal events. Duplicates change nothing, not even ``last_event_id``: they are replays of
        events before the resume point.
        """
        # Runs for every event of every stream, so Dust's ids are compared as text when that is exact: an id
        # of the high-water id's shape (same length, dash at the same place, ASCII digits either side) is
        # newer exactly when its text sorts after it. Anything else (the first id, a replay, a longer id,
        # another form) goes through _remember(), which compares numbers.
        high_water = self._high_water
        dash = self._high_water_dash
        if (
            dash
            and len(event_id) == len(high_water)
            and event_id > high_water
            and event_id[dash] == "-"
            and event_id.isascii()
            and event_id.replace("-", "", 1).isdecimal()
        ):
            self._below_high_water = high_water
            self._high_water = event_id
        elif not self._remember(event_id):
            return False
        self._accepted += 1
        self.last_event_id = event_id
        self.events_this_connection += 1
        if self.stop_at_terminal and event is not None and event.type in TERMINAL_EVENT_TYPES:
            self.terminal_reached = True
        return True

    def next_query_params(self) -> dict[str, str]:
        """Query parameters for the next connection: ``{"lastEventId": id}`` once an event was seen."""
        if self.last_event_id is None:
            return {}
        return {"lastEventId": self.last_event_id}

    def should_reconnect(self, reason: DisconnectReason, *, status_code: int | None = None) -> bool:
        """Record that the current connection ended for ``reason`` and decide whether to reconnect.

        Call it once per ended connection. A connection that delivered new events and then closed or
        dropped resets the attempt count (it made progress); any other ending adds one attempt. Returns
        ``False`` once a terminal event was reached, for an HTTP status outside ``retry_statuses``, or when
        the attempts exceed ``max_reconnect_attempts``.
        """
        if self.terminal_reached:
            return False
        if reason == "http_status" and status_code not in self.retry_statuses:
            return False
        if reason in ("closed", "read_error") and self.events_this_connection > 0:
            self.reconnect_attempts = 0
        self.reconnect_attempts += 1
        self.events_this_connection = 0
        return self.reconnect_attempts <= self.max_reconnect_attempts

    def backoff_seconds(self, attempt: int | None = None) -> float:
        """Seconds to wait before reconnection number ``attempt`` (default: the upcoming one)."""
        if attempt is None:
            attempt = self.reconnect_attempts
        exponent = max(attempt, 1) - 1
        return float(min(self.max_delay, self.reconnect_delay * self.backoff_multiplier**exponent))

    def _remember(self, event_id: str) -> bool:
        """Record ``event_id``; ``False`` if it was seen already (at or below the high-water mark)."""
        ordered = redis_stream_id(event_id)
        if ordered is not None:
            high_water = self._high_water
            if high_water:
                if ordered <= cast(tuple[int, int], redis_stream_id(high_water)):
                    return self._below(event_id, ordered)
                self._below_high_water = high_water
            self._high_water = event_id
            dash = event_id.find("-")
            # Text order is numeric order among ids of this one's shape only if its digits are ASCII.
            self._high_water_dash = dash if dash > 0 and event_id.isascii() else 0
            return True
        if event_id in self._seen_ids:
            logger.debug("dust dropping event %s: its id was seen already (a replay)", event_id)
            return False
        if len(self._seen_order) >= self.max_seen_ids:
            self._seen_ids.discard(self._seen_order.popleft())
        self._seen_ids.add(event_id)
        self._seen_order.append(event_id)
        return True

    def _below(self, event_id: str, ordered: tuple[int, int]) -> bool:
        """Decide on a Redis stream id at or below the high-water mark: a replay (``False``) unless it lies
        strictly between the high-water mark and the newest id accepted below it, where no delivered
        event can be: then the ids regressed (a bogus id ran ahead), and the event is delivered."""
        high_water = self._high_water
        below = self._below_high_water
        below_ordered = redis_stream_id(below) if below else None
        if ordered == redis_stream_id(high_water) or (below_ordered is not None and ordered <= below_ordered):
            logger.debug(
                "dust dropping event %s: at or before an event already delivered (a replay; newest id %s)",
                event_id,
                high_water,
            )
            return False
        self._regressions += 1
        log = logger.warning if self._regressions == 1 else logger.debug
        log(
            "dust event stream ids went backwards: %s arrived after %s; no event between them was delivered, "
            "so it is (%d such event(s) so far: the server or a proxy sent an id out of order)",
            event_id,
            high_water,
            self._regressions,
        )
        self._below_high_water = event_id
        return True
