"""Event streams, the pure part: the :class:`~dust_ext._streaming.flow.StreamPlan` of each kind of stream.

:class:`StreamSession` reads Dust's resumable event streams (conversation and agent-message events), with
:class:`~dust_ext._core.resume.StreamResumeState` deciding what to deliver and whether to reconnect;
:class:`SingleConnection` reads a stream over one connection (app runs, search) with a :class:`FrameReader`.

How Dust frames a stream (``front-api/lib/api/sse/stream_events.ts`` in Dust's repository): the
``/api/v1/.../events`` URL answers ``307`` to ``/api/sse/v1/.../events`` (followed, same origin only); the
body starts with a named ``event: dust-handshake`` / ``data: {}`` frame (skipped: like a browser
``EventSource`` listening for ``message``, every named event is skipped); events are
``data: {"eventId": ..., "data": {...}}``; ``data: done`` ends a connection that the client should reopen at
once with ``?lastEventId=`` (history pages, idle timeouts), unless the stream already reached its end.

Reconnections start over at the ``/api/v1`` URL and follow the redirect again: a 307 is temporary by
definition (RFC 9110 §15.4.8: future requests keep the original URL), so Dust may point it at other SSE
pods at any time, and the extra round trip is negligible next to a reconnection.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Literal, TypeVar

import httpx

from dust_ext._core.call import RequestOptions, scrub_error_text
from dust_ext._core.large_strings import DEFAULT_LARGE_STRING_CHARS
from dust_ext._core.resume import DisconnectReason, StreamResumeState
from dust_ext._core.retry import MAX_RETRY_WAIT
from dust_ext._core.sse import DEFAULT_MAX_FRAME_CHARS, ServerSentEvent
from dust_ext._streaming.flow import BodyEnded, Connect, Dropped, Ending, Refused, StreamRequest
from dust_ext.config import DustConfig
from dust_ext.events import StreamEvent, parse_event_frame, parse_split_frame
from dust_ext.exceptions import (
    DustAPIError,
    DustConnectionError,
    DustEventDecodeError,
    DustRateLimitError,
    DustStreamError,
    DustTimeoutError,
)

__all__ = [
    "DONE_MARKER",
    "DRAIN_LIMIT",
    "DRAIN_TIMEOUT",
    "STREAM_RETRY_STATUSES",
    "DustStreamError",
    "FrameReader",
    "OnMalformed",
    "SingleConnection",
    "StreamPolicy",
    "StreamSession",
    "TimeLimits",
    "cut_short",
    "stream_options",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

logger = logging.getLogger("dust_ext")

OnMalformed = Literal["raise", "skip"]
"""What a stream does with a frame it cannot decode: raise :class:`DustEventDecodeError` (carrying the raw
frame and the last delivered event id, to resume after it) or log a warning and go on."""

#: Statuses worth reopening an event stream for: reading is idempotent, so 5xx are retried too.
STREAM_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})

DONE_MARKER = "done"
"""The data of the frame with which Dust ends a connection that the client should reopen at once."""

#: Bytes read after a stream's last event so its connection goes back to the pool (Dust sends only
#: ``data: done`` then ends the body); past that the connection is closed instead.
DRAIN_LIMIT = 64 * 1024

HANDOFF_BURST = 10
"""``data: done`` hand-offs after new events that reconnect at once, in a burst; past it, at most one per
``StreamPolicy.reconnect_delay`` (a server ending every connection after one event cannot make a stream
reconnect thousands of times a second)."""

DRAIN_TIMEOUT = 1.0
"""Seconds the drain after a stream's last event may take (Dust ends the body right after ``data: done``).
A server that keeps the body open longer does not hold the caller: the connection is closed instead of
being returned to the pool."""


@dataclass(frozen=True)
class StreamPolicy:
    """How long event streams may take and how they resume after a drop.

    Reconnecting: up to ``max_reconnects`` reconnections in a row without a new event, waiting
    ``reconnect_delay`` seconds (times ``backoff_multiplier`` per attempt), or the server's ``Retry-After``
    when longer, never more than ``max_delay`` (default :data:`~dust_ext._core.retry.MAX_RETRY_WAIT`, the same
    cap as plain calls' ``Retry-After``). A ``data: done`` hand-off after new events reconnects at once and
    is not a failure; one with no new event counts as an attempt. Hand-offs that come faster than that are
    capped: after :data:`HANDOFF_BURST` at once, one per ``reconnect_delay`` seconds.

    Time, each bound on its own:

    * ``read_timeout``: seconds one read may wait for any byte before the connection counts as dropped
      (and is resumed); ``None`` uses the client's ``timeout``.
    * ``idle_timeout``: seconds the stream may go without a new event, across reconnections, before
      :class:`~dust_ext.exceptions.DustTimeoutError`. Bytes that carry no event (SSE comments, keep-alives,
      handshakes, ``done`` hand-offs, replayed duplicates) do not reset it; time your code spends between
      two events (answering a tool approval...) does not count. Default 300 s, as Dust's web client's
      heartbeat timeout: agents stream tokens or tool progress far more often, and Dust itself ends a
      silent connection after a minute with ``done``. ``None``: no limit.
    * ``total_timeout``: seconds the whole stream may last, from the first connection, events or not;
      ``None`` (default): no limit, since an agent may legitimately work for many minutes.

    Waiting for a free pooled connection (``httpx.PoolTimeout``) is retried without using up reconnect
    attempts, within these limits. ``max_frame_chars`` bounds the memory of one SSE frame
    (:class:`~dust_ext.exceptions.DustResponseTooLargeError` past it). ``clock`` is injectable for tests.
    """

    max_reconnects: int = 10
    reconnect_delay: float = 1.0
    backoff_multiplier: float = 2.0
    max_delay: float = MAX_RETRY_WAIT
    read_timeout: float | None = None
    idle_timeout: float | None = 300.0
    total_timeout: float | None = None
    max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS
    clock: Callable[[], float] = field(default=time.monotonic, compare=False, repr=False)


def _pool_exhausted(error: DustConnectionError) -> bool:
    cause = error.__cause__
    return isinstance(cause, httpx.PoolTimeout) or "PoolTimeout" in error.message


@dataclass
class TimeLimits:
    """The idle and total limits of one resumable stream (``StreamPolicy.idle_timeout`` and
    ``total_timeout``), on the policy's clock: the stream's :attr:`StreamSession.deadlines`."""

    path: str
    policy: StreamPolicy
    state: StreamResumeState
    """Where the stream resumes, for the error's hint."""
    waiting_for_pool: bool = False
    """Whether the stream is waiting for a free pooled connection (said in the error)."""
    _started_at: float | None = None
    _progress_at: float = 0.0

    def opening(self) -> float | None:
        """A connection is about to open: check the limits and return the seconds left (``None``: no limit)."""
        now = self.policy.clock()
        if self._started_at is None:
            self._started_at = self._progress_at = now
        self.check()
        self.waiting_for_pool = False
        limits = []
        if self.policy.idle_timeout is not None:
            limits.append(self._progress_at + self.policy.idle_timeout - now)
        if self.policy.total_timeout is not None:
            limits.append(self._started_at + self.policy.total_timeout - now)
        return max(min(limits), 0.001) if limits else None

    def progressed(self) -> None:
        """The consumer took the new events delivered so far and asked for more: the idle clock restarts
        (called only after new events: frames that bring none never reset it)."""
        self._progress_at = self.policy.clock()

    def check(self) -> None:
        """Raise :class:`DustTimeoutError` once the idle or total limit is exceeded."""
        now = self.policy.clock()
        idle, total = self.policy.idle_timeout, self.policy.total_timeout
        if idle is not None and now - self._progress_at > idle:
            exceeded, limit = f"delivered no new event for {idle:g}s", "idle_timeout"
        elif total is not None and self._started_at is not None and now - self._started_at > total:
            exceeded, limit = f"exceeded its total limit of {total:g}s", "total_timeout"
        else:
            return
        pool = (
            " while every pooled connection was busy (raise DustConfig's pool limits or close unused streams)"
            if self.waiting_for_pool
            else ""
        )
        raise DustTimeoutError(
            f"Event stream {self.path} {exceeded}{pool} "
            f"(StreamPolicy.{limit}; resume with last_event_id={self.state.last_event_id!r})",
            method="GET",
            url=self.path,
        )


@dataclass
class StreamSession:
    """One of Dust's resumable event streams across its connections (a
    :class:`~dust_ext._streaming.flow.StreamPlan`): all decisions, no I/O.

    Its items are the :class:`~dust_ext.events.StreamEvent` frames, each delivered once; it reconnects
    after drops with ``?lastEventId=`` and ends at a terminal event (``stop_at_terminal``, agent messages)
    or when the server has nothing new (conversations)."""

    path: str
    stop_at_terminal: bool
    policy: StreamPolicy
    on_malformed: OnMalformed
    last_event_id: str | None = None
    """Resume after this event (as if it had been delivered)."""
    secret: str = field(default="", repr=False, compare=False, kw_only=True)
    """The credential the connections carry: removed from an undecodable frame's error and log line (a
    server echoing ``Bearer <key>`` in a frame would otherwise put it there)."""
    on_rate_limited: Callable[[DustRateLimitError], None] | None = field(
        default=None, repr=False, compare=False, kw_only=True
    )
    """Told of each 429 answering a (re)connection, before the stream waits it out: a caller pacing other
    requests (a batch) must wait too, or its next calls land inside the server's ``Retry-After``."""
    request: StreamRequest = field(init=False)
    state: StreamResumeState = field(init=False)
    deadlines: TimeLimits = field(init=False)
    handed_off: bool = field(default=False, init=False)
    """Whether the current connection ended with Dust's ``data: done`` hand-off."""
    over: bool = field(default=False, init=False)
    """Whether the current connection has nothing more to give (terminal event or ``done``): a plain
    attribute set by :meth:`decode`, since the flow reads it after every frame."""
    _handoff_tokens: float = field(default=float(HANDOFF_BURST), init=False)
    _handoff_tokens_at: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self.state = StreamResumeState(
            stop_at_terminal=self.stop_at_terminal,
            max_reconnect_attempts=self.policy.max_reconnects,
            reconnect_delay=self.policy.reconnect_delay,
            backoff_multiplier=self.policy.backoff_multiplier,
            max_delay=self.policy.max_delay,
            retry_statuses=STREAM_RETRY_STATUSES,
            last_event_id=self.last_event_id,
        )
        self.deadlines = TimeLimits(self.path, self.policy, self.state)
        # The terminal event repeats the whole reply: large frames are split, so the frame's text and the
        # parsed reply are never both held.
        self.request = StreamRequest(
            "GET",
            self.path,
            drains=True,
            max_frame_chars=self.policy.max_frame_chars,
            large_string_chars=DEFAULT_LARGE_STRING_CHARS,
            deadlines=self.deadlines,
        )

    @property
    def done(self) -> bool:
        """Whether the stream reached its terminal event."""
        return self.state.terminal_reached

    def connect(self) -> Connect | None:
        """What the next connection sends (``?lastEventId=``, no per-request retry: the stream reconnects by
        itself); ``None`` once the terminal event came. Each read waits the policy's ``read_timeout``; opening
        the connection, and every wait on it, ends with what is left of the idle and total limits."""
        if self.done:
            return None
        time_left = self.deadlines.opening()
        self.state.connection_started()
        self.handed_off = self.over = False
        read = self.policy.read_timeout
        options = RequestOptions(
            max_retries=0, timeout=None if read is None else httpx.Timeout(read), total_timeout=time_left
        )
        return Connect(self.state.next_query_params(), options)

    def reader(self, url: str) -> Callable[[ServerSentEvent], StreamEvent | None]:
        """Frame → event for every connection (errors name :attr:`path`, where reconnections start over)."""
        return self.decode

    def decode(self, sse: ServerSentEvent) -> StreamEvent | None:
        """The new event in one SSE frame, or None (a named event such as Dust's handshake, the ``done``
        hand-off, a duplicate, a keep-alive, a skipped bad frame)."""
        data = sse.data
        if sse.event != "message" or not data:
            return None
        if data == DONE_MARKER:
            self.handed_off = self.over = True
            return None
        try:
            frame = (
                parse_split_frame(data, sse.large_strings) if sse.large_strings else parse_event_frame(data)
            )
        except DustEventDecodeError as exc:
            exc.last_event_id = self.state.last_event_id
            scrub_error_text(exc, self.secret)
            if self.on_malformed == "raise":
                raise
            logger.warning("dust skipping an undecodable frame on %s: %s", self.path, exc.message)
            return None
        state = self.state
        if not state.accept(frame.event_id, frame.event):
            return None
        if state.terminal_reached:
            self.over = True
        # No clock read here: the flow restarts the idle clock after the caller took the chunk's new events,
        # before any deadline is checked again, so a time recorded per event would never be read.
        return frame

    def ended(self, ending: Ending) -> float | None:
        """Seconds to wait before reconnecting, or None when the stream is over (raises if it failed)."""
        match ending:
            case Refused(DustAPIError() as error):
                retry_after = 0.0
                if isinstance(error, DustRateLimitError):
                    retry_after = error.retry_after or 0.0
                    if self.on_rate_limited is not None:
                        self.on_rate_limited(error)
                return self._resume("http_status", error, error.status_code, retry_after)
            case Refused(DustConnectionError() as error) if _pool_exhausted(error) and (
                self.policy.idle_timeout is not None or self.policy.total_timeout is not None
            ):
                # Every pooled connection is busy: nothing reached the server and the stream is not failing,
                # so wait again for a slot (bounded by the idle and total limits) without using an attempt.
                logger.debug("dust stream %s waiting for a free pooled connection", self.path)
                self.deadlines.waiting_for_pool = True
                self.deadlines.check()
                return 0.0
            case Refused(error):
                return self._resume("connect_error", error)
            case Dropped(error):
                dropped = f"dropped: {type(error).__name__}: {error}"
                return self._resume("read_error", DustConnectionError(f"Event stream {self.path} {dropped}"))
            case BodyEnded(mid_frame=True) if not self.handed_off:
                # The connection was cut: resume as after a drop (the frame comes again).
                cut = DustConnectionError(f"Event stream {self.path} ended in the middle of a frame")
                return self._resume("read_error", cut)
        # The body ended, or the flow left it at the terminal event (which ends the stream) or a hand-off. After
        # a ``done`` hand-off that brought new events, reconnect at once; one that brought none ends a
        # conversation stream (it has caught up) and counts as a failed attempt for a message stream. A plain
        # end of body ends a conversation stream and resumes a message stream.
        progressed = self.handed_off and self.state.events_this_connection > 0
        if not self.stop_at_terminal and not progressed:
            return None
        return self._resume("closed", None, handoff=progressed)

    def _resume(
        self,
        reason: DisconnectReason,
        error: DustAPIError | DustConnectionError | None,
        status: int | None = None,
        retry_after: float = 0.0,
        *,
        handoff: bool = False,
    ) -> float | None:
        """The wait before reconnecting after a connection ended for ``reason``; ``None`` when it ended the
        stream; raises when the stream cannot be resumed (an HTTP error answer raises itself)."""
        if not self.state.should_reconnect(reason, status_code=status):
            if reason == "closed" and (not self.stop_at_terminal or self.done):
                return None
            if isinstance(error, DustAPIError):
                raise error
            raise DustStreamError(
                f"Event stream {self.path} ended before its terminal event and could not be resumed "
                f"({reason}; resume with last_event_id={self.state.last_event_id!r})",
                last_event_id=self.state.last_event_id,
            ) from error
        self.deadlines.check()
        if handoff:
            return self._handoff_delay()
        delay = min(max(self.state.backoff_seconds(), retry_after), self.policy.max_delay)
        logger.info("dust reconnecting %s after %s in %.2fs", self.path, reason, delay)
        return delay

    def _handoff_delay(self) -> float:
        """The wait before a hand-off reconnection: a token bucket of :data:`HANDOFF_BURST` on the policy's clock."""
        interval = self.policy.reconnect_delay
        if interval <= 0:
            return 0.0
        now = self.policy.clock()
        tokens = min(float(HANDOFF_BURST), self._handoff_tokens + (now - self._handoff_tokens_at) / interval)
        if tokens >= 1.0:
            self._handoff_tokens, self._handoff_tokens_at = tokens - 1.0, now
            return 0.0
        delay = (1.0 - tokens) * interval
        self._handoff_tokens, self._handoff_tokens_at = 0.0, now + delay
        logger.info(
            "dust event stream %s hands off faster than one connection per %gs: reconnecting in %.2fs",
            self.path,
            interval,
            delay,
        )
        return delay


class FrameReader(ABC, Generic[T_co]):
    """What one single-connection stream (an app run, a search) adds: frame -> item, for the connection
    that answered from :attr:`url` (named in errors).

    :meth:`read` gets each default-type (``message``) frame of the connection, in order (named frames such
    as Dust's handshake never reach it), and returns the item it carries, ``None`` for none, or raises a
    typed error (a bad frame, an error the server streamed). :attr:`finished` says the stream reached its
    terminal item: reading stops there. :meth:`end` is called when the body ends (outside a frame) before
    that: a stream that needs its terminal item raises there; by default the stream simply ends.
    """

    finished: bool = False

    def __init__(self, url: str) -> None:
        self.url = url

    @abstractmethod
    def read(self, sse: ServerSentEvent) -> T_co | None: ...

    def end(self) -> None:
        """The body ended outside a frame before the terminal item (by default: the stream's end)."""


@dataclass
class SingleConnection(Generic[T]):
    """A stream read over one connection, never resumed (app runs, search; a
    :class:`~dust_ext._streaming.flow.StreamPlan`): its items come from a :class:`FrameReader` made for the
    URL the connection answered from. A failed request raises its error; a body that drops or ends inside
    a frame raises :class:`DustConnectionError` (or :class:`DustTimeoutError` for a read timeout), never a
    decode error."""

    request: StreamRequest
    reader_for: Callable[[str], FrameReader[T]]
    """Makes the frame reader, given the URL the connection answered from (for error messages)."""
    params: Mapping[str, Any] | None = None
    options: RequestOptions | None = None
    url: str = field(default="", init=False)
    _reader: FrameReader[T] | None = field(default=None, init=False)

    @property
    def over(self) -> bool:
        """Whether the reader reached the stream's terminal item."""
        return self._reader is not None and self._reader.finished

    def connect(self) -> Connect:
        """What the connection sends: the caller's query and options (its own retries included)."""
        return Connect(dict(self.params) if self.params else None, self.options)

    def reader(self, url: str) -> Callable[[ServerSentEvent], T | None]:
        """The connection answered from ``url``: its frame reader, named frames skipped."""
        self.url = url
        reader = self._reader = self.reader_for(url)

        def item_of(sse: ServerSentEvent) -> T | None:
            return reader.read(sse) if sse.event == "message" else None

        return item_of

    def ended(self, ending: Ending) -> None:
        """Never reconnects (see the class docstring); a body that ends outside a frame is the reader's to judge."""
        match ending:
            case Refused(error):
                raise error
            case Dropped(error):
                raise cut_short(self.request.method, self.url, error) from error
            case BodyEnded(mid_frame=True):
                raise cut_short(self.request.method, self.url, None)
            case BodyEnded():
                if self._reader is not None:
                    self._reader.end()


def stream_options(options: RequestOptions | None, config: DustConfig) -> RequestOptions | None:
    """Keep the client's connect/write/pool timeouts when a stream narrows only its read timeout."""
    if options is None or not isinstance(options.timeout, httpx.Timeout):
        return options
    client = config.httpx_timeout()
    narrowed = httpx.Timeout(
        connect=client.connect, read=options.timeout.read, write=client.write, pool=client.pool
    )
    return replace(options, timeout=narrowed)


def cut_short(method: str, url: str, error: httpx.TransportError | None) -> DustConnectionError:
    """The error of a single-connection stream whose body dropped (``error``) or ended inside a frame."""
    detail = f"dropped: {type(error).__name__}: {error}" if error else "ended in the middle of a frame"
    cls = DustTimeoutError if isinstance(error, httpx.TimeoutException) else DustConnectionError
    return cls(f"The event stream of {method} {url} {detail}", method=method, url=url)
