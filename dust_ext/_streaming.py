"""Resumable Dust event streams: the sync and async drivers around the sans-IO pieces.

:class:`~dust_ext._sse.SSEDecoder` turns bytes into frames, :func:`~dust_ext.events.parse_frame` frames into
typed events, :class:`~dust_ext._resume.StreamResumeState` decides what to deliver (de-duplicating by
event id) and whether a dropped connection is worth another try, and
:class:`~dust_ext._redirect.RedirectChain` which redirects to follow. The drivers below only open
connections, move bytes and sleep; every decision is in :class:`StreamSession`, shared by both.

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
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
)
from contextlib import AsyncExitStack, ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from dust_ext._http import HTTP, AsyncHTTP, RequestOptions
from dust_ext._redirect import RedirectChain
from dust_ext._resume import DisconnectReason, StreamResumeState
from dust_ext._retry import MAX_RETRY_WAIT
from dust_ext._sse import DEFAULT_MAX_FRAME_CHARS, ServerSentEvent, SSEDecoder
from dust_ext.events import DustEventDecodeError, StreamEvent, parse_frame
from dust_ext.exceptions import (
    DustAPIError,
    DustConnectionError,
    DustError,
    DustRateLimitError,
    DustTimeoutError,
)

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


class DustStreamError(DustError):
    """An event stream ended without its terminal event and could not be resumed."""

    def __init__(self, message: str, *, last_event_id: str | None) -> None:
        super().__init__(message)
        self.last_event_id = last_event_id


@dataclass(frozen=True)
class StreamPolicy:
    """How long event streams may take and how they resume after a drop.

    Reconnecting: up to ``max_reconnects`` reconnections in a row without a new event, waiting
    ``reconnect_delay`` seconds (times ``backoff_multiplier`` per attempt), or the server's ``Retry-After``
    when longer, never more than ``max_delay`` (default :data:`~dust_ext._retry.MAX_RETRY_WAIT`, the same
    cap as plain calls' ``Retry-After``). A ``data: done`` hand-off after new events reconnects at once and
    is not a failure; one with no new event counts as an attempt.

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
class StreamSession:
    """One logical stream across its connections: all decisions, no I/O."""

    path: str
    stop_at_terminal: bool
    policy: StreamPolicy
    on_malformed: OnMalformed
    last_event_id: str | None = None
    """Resume after this event (as if it had been delivered)."""
    state: StreamResumeState = field(init=False)
    handed_off: bool = field(default=False, init=False)
    """Whether the current connection ended with Dust's ``data: done`` hand-off."""
    _error: DustError | None = field(default=None, init=False)
    _retry_after: float = field(default=0.0, init=False)
    _reason: DisconnectReason = field(default="closed", init=False)
    _reconnect: bool = field(default=False, init=False)
    _immediate: bool = field(default=False, init=False)
    _started_at: float | None = field(default=None, init=False)
    _progress_at: float = field(default=0.0, init=False)
    _waiting_for_pool: bool = field(default=False, init=False)

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

    @property
    def done(self) -> bool:
        """Whether the stream reached its terminal event."""
        return self.state.terminal_reached

    @property
    def connection_over(self) -> bool:
        """Whether the current connection has nothing more to give (terminal event or ``done``)."""
        return self.done or self.handed_off

    def new_decoder(self) -> SSEDecoder:
        """The frame decoder for one connection."""
        return SSEDecoder(max_frame_chars=self.policy.max_frame_chars)

    def open_arguments(self) -> tuple[dict[str, str], RequestOptions]:
        """What the next connection sends; the stream does its own reconnecting, so no per-request retry.

        The read timeout is the policy's (or the client's) but never longer than what is left of the
        idle and total limits, so a silent server is noticed in time."""
        now = self.policy.clock()
        if self._started_at is None:
            self._started_at = self._progress_at = now
        self.check_deadlines()
        self.state.connection_started()
        self.handed_off = False
        self._waiting_for_pool = False
        read = self.policy.read_timeout
        remaining = self._time_left(now)
        if remaining is not None:
            read = remaining if read is None else min(read, remaining)
        options = RequestOptions(max_retries=0, timeout=None if read is None else _read_timeout(read))
        return self.state.next_query_params(), options

    def _time_left(self, now: float) -> float | None:
        limits = []
        if self.policy.idle_timeout is not None:
            limits.append(self._progress_at + self.policy.idle_timeout - now)
        if self.policy.total_timeout is not None and self._started_at is not None:
            limits.append(self._started_at + self.policy.total_timeout - now)
        return max(min(limits), 0.001) if limits else None

    def check_deadlines(self) -> None:
        """Raise :class:`DustTimeoutError` once the idle or total limit is exceeded."""
        now = self.policy.clock()
        idle, total = self.policy.idle_timeout, self.policy.total_timeout
        pool = (
            " while every pooled connection was busy (raise DustConfig's pool limits or close unused streams)"
            if self._waiting_for_pool
            else ""
        )
        if idle is not None and now - self._progress_at > idle:
            raise DustTimeoutError(
                f"Event stream {self.path} delivered no new event for {idle:g}s{pool} "
                f"(StreamPolicy.idle_timeout; resume with last_event_id={self.state.last_event_id!r})",
                method="GET",
                url=self.path,
            )
        if total is not None and self._started_at is not None and now - self._started_at > total:
            raise DustTimeoutError(
                f"Event stream {self.path} exceeded its total limit of {total:g}s{pool} "
                f"(StreamPolicy.total_timeout; resume with last_event_id={self.state.last_event_id!r})",
                method="GET",
                url=self.path,
            )

    def resumed(self) -> None:
        """The consumer asked for the next event: its own time since the last one does not count as idle."""
        self._progress_at = self.policy.clock()

    def decode(self, sse: ServerSentEvent) -> StreamEvent | None:
        """The new event in one SSE frame, or None (a named event such as Dust's handshake, the ``done``
        hand-off, a duplicate, a keep-alive, a skipped bad frame)."""
        if sse.event != "message":
            return None
        if sse.data == DONE_MARKER:
            self.handed_off = True
            return None
        try:
            frame = parse_frame(sse.data)
        except DustEventDecodeError as exc:
            exc.last_event_id = self.state.last_event_id
            if self.on_malformed == "raise":
                raise
            logger.warning("dust skipping an undecodable frame on %s: %s", self.path, exc.message)
            return None
        if frame is None or not self.state.accept(frame.event_id, frame.event):
            return None
        self._progress_at = self.policy.clock()
        return frame

    def failed_to_open(self, error: DustAPIError | DustConnectionError) -> None:
        self._error = error
        self._immediate = False
        if isinstance(error, DustAPIError):
            if isinstance(error, DustRateLimitError) and error.retry_after:
                self._retry_after = error.retry_after
            self._disconnected("http_status", error.status_code)
        elif _pool_exhausted(error) and (
            self.policy.idle_timeout is not None or self.policy.total_timeout is not None
        ):
            # Every pooled connection is busy: nothing reached the server and the stream is not failing,
            # so wait again for a slot (bounded by the idle and total limits) without using an attempt.
            logger.debug("dust stream %s waiting for a free pooled connection", self.path)
            self._waiting_for_pool = True
            self._reason, self._reconnect, self._immediate = "connect_error", True, True
        else:
            self._disconnected("connect_error", None)

    def dropped(self, error: httpx.TransportError) -> None:
        self._error = DustConnectionError(
            f"Event stream {self.path} dropped: {type(error).__name__}: {error}"
        )
        self._immediate = False
        self._disconnected("read_error", None)

    def body_ended(self, mid_frame: bool) -> None:
        """The server ended the body (cleanly, as far as HTTP goes).

        Inside a frame, the connection was cut: resume as after a drop (the frame comes again). After a
        ``done`` hand-off, reconnect at once if the connection brought new events; one that brought none
        ends a conversation stream (it has caught up) and counts as a failed attempt for a message stream.
        A plain end of body ends a conversation stream and resumes a message stream."""
        self._error = None
        self._immediate = False
        if mid_frame and not self.handed_off:
            self._error = DustConnectionError(f"Event stream {self.path} ended in the middle of a frame")
            self._disconnected("read_error", None)
            return
        if self.handed_off:
            progressed = self.state.events_this_connection > 0
            if not self.stop_at_terminal and not progressed:
                # A conversation stream that had nothing new for a whole connection has caught up.
                self._reason, self._reconnect = "closed", False
                return
            self._disconnected("closed", None)
            self._immediate = progressed
            return
        if not self.stop_at_terminal:
            self._reason, self._reconnect = "closed", False
            return
        self._disconnected("closed", None)

    def _disconnected(self, reason: DisconnectReason, status: int | None) -> None:
        self._reason = reason
        self._reconnect = self.state.should_reconnect(reason, status_code=status)

    def next_delay(self) -> float | None:
        """Seconds to wait before reconnecting, or None when the stream is over (raises if it failed)."""
        if self._reconnect:
            self.check_deadlines()
            if self._immediate:
                return 0.0
            delay = min(max(self.state.backoff_seconds(), self._retry_after), self.policy.max_delay)
            self._retry_after = 0.0
            logger.info("dust reconnecting %s after %s in %.2fs", self.path, self._reason, delay)
            return delay
        if self._reason == "closed" and (not self.stop_at_terminal or self.done):
            return None
        if self._error is not None and self._reason == "http_status":
            raise self._error
        raise DustStreamError(
            f"Event stream {self.path} ended before its terminal event and could not be resumed "
            f"({self._reason}; resume with last_event_id={self.state.last_event_id!r})",
            last_event_id=self.state.last_event_id,
        ) from self._error


def _read_timeout(read: float) -> httpx.Timeout:
    return httpx.Timeout(read)


def _stream_options(options: RequestOptions | None, http_timeout: httpx.Timeout) -> RequestOptions | None:
    """Keep the client's connect/write/pool timeouts when a stream narrows only its read timeout."""
    if options is None or not isinstance(options.timeout, httpx.Timeout):
        return options
    narrowed = httpx.Timeout(
        connect=http_timeout.connect,
        read=options.timeout.read,
        write=http_timeout.write,
        pool=http_timeout.pool,
    )
    return RequestOptions(
        timeout=narrowed,
        max_retries=options.max_retries,
        idempotent=options.idempotent,
        extra_headers=options.extra_headers,
        params=options.params,
    )


@contextmanager
def open_stream(
    http: HTTP,
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json: Any = None,
    options: RequestOptions | None = None,
) -> Iterator[httpx.Response]:
    """Open a streamed response, following same-origin redirects (see :mod:`dust_ext._redirect`)."""
    chain = RedirectChain(http.config.base_url, method)
    options = _stream_options(options, http.config.httpx_timeout())
    url = path
    with ExitStack() as stack:
        while True:
            try:
                response = stack.enter_context(
                    http.stream(method, url, params=params, json=json, options=options)
                )
                break
            except DustAPIError as exc:
                url, params = chain.next_url(exc), None  # the Location keeps the query string
        yield response


@asynccontextmanager
async def aopen_stream(
    http: AsyncHTTP,
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json: Any = None,
    options: RequestOptions | None = None,
) -> AsyncIterator[httpx.Response]:
    """Async twin of :func:`open_stream`."""
    chain = RedirectChain(http.config.base_url, method)
    options = _stream_options(options, http.config.httpx_timeout())
    url = path
    async with AsyncExitStack() as stack:
        while True:
            try:
                response = await stack.enter_async_context(
                    http.stream(method, url, params=params, json=json, options=options)
                )
                break
            except DustAPIError as exc:
                url, params = chain.next_url(exc), None
        yield response


def _cut_short(method: str, url: str, error: httpx.TransportError | None) -> DustConnectionError:
    detail = f"dropped: {type(error).__name__}: {error}" if error else "ended in the middle of a frame"
    cls = DustTimeoutError if isinstance(error, httpx.TimeoutException) else DustConnectionError
    return cls(f"The event stream of {method} {url} {detail}", method=method, url=url)


def iter_messages(
    chunks: Iterable[bytes], *, method: str, url: str, max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS
) -> Iterator[ServerSentEvent]:
    """The default-type (``message``) frames of a stream that cannot be resumed (app runs, search, one
    connection of the MCP request stream): named frames such as Dust's handshake are skipped, and a body
    that drops or ends inside a frame raises :class:`DustConnectionError` (never a decode error)."""
    decoder = SSEDecoder(max_frame_chars=max_frame_chars)
    try:
        for chunk in chunks:
            for sse in decoder.feed(chunk):
                if sse.event == "message":
                    yield sse
    except httpx.TransportError as exc:
        raise _cut_short(method, url, exc) from exc
    if decoder.in_frame:
        raise _cut_short(method, url, None)


async def aiter_messages(
    chunks: AsyncIterable[bytes], *, method: str, url: str, max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS
) -> AsyncIterator[ServerSentEvent]:
    """Async twin of :func:`iter_messages`."""
    decoder = SSEDecoder(max_frame_chars=max_frame_chars)
    try:
        async for chunk in chunks:
            for sse in decoder.feed(chunk):
                if sse.event == "message":
                    yield sse
    except httpx.TransportError as exc:
        raise _cut_short(method, url, exc) from exc
    if decoder.in_frame:
        raise _cut_short(method, url, None)


def _drain(chunks: Iterator[bytes]) -> None:
    """Read what is left of a finished stream (Dust: ``data: done``) so its connection can be reused."""
    read = 0
    try:
        for piece in chunks:
            read += len(piece)
            if read > DRAIN_LIMIT:
                return
    except (httpx.HTTPError, DustError):
        return


async def _adrain(chunks: AsyncIterator[bytes]) -> None:
    read = 0
    try:
        async for piece in chunks:
            read += len(piece)
            if read > DRAIN_LIMIT:
                return
    except (httpx.HTTPError, DustError):
        return


def iter_stream(http: HTTP, session: StreamSession, sleep: Callable[[float], None]) -> Generator[StreamEvent]:
    """Yield each new event of a stream exactly once, reconnecting with ``lastEventId`` after drops."""
    while True:
        params, options = session.open_arguments()
        with ExitStack() as stack:
            try:
                response = stack.enter_context(
                    open_stream(http, "GET", session.path, params=params, options=options)
                )
            except (DustAPIError, DustConnectionError) as exc:
                session.failed_to_open(exc)
            else:
                chunks = response.iter_bytes()
                try:
                    yield from _connection_events(session, chunks, session.new_decoder())
                except httpx.TransportError as exc:
                    session.dropped(exc)
                finally:
                    if session.connection_over:
                        _drain(chunks)
                if session.done:
                    return
        delay = session.next_delay()
        if delay is None:
            return
        sleep(delay)


def _connection_events(
    session: StreamSession, chunks: Iterator[bytes], decoder: SSEDecoder
) -> Generator[StreamEvent]:
    for chunk in chunks:
        for sse in decoder.feed(chunk):
            frame = session.decode(sse)
            if frame is not None:
                yield frame
                session.resumed()
            if session.connection_over:
                if session.handed_off:
                    session.body_ended(mid_frame=False)
                return
        session.check_deadlines()
    session.body_ended(decoder.in_frame)


async def aiter_stream(
    http: AsyncHTTP, session: StreamSession, sleep: Callable[[float], Awaitable[None]]
) -> AsyncGenerator[StreamEvent]:
    """Async twin of :func:`iter_stream`."""
    while True:
        params, options = session.open_arguments()
        async with AsyncExitStack() as stack:
            try:
                response = await stack.enter_async_context(
                    aopen_stream(http, "GET", session.path, params=params, options=options)
                )
            except (DustAPIError, DustConnectionError) as exc:
                session.failed_to_open(exc)
            else:
                chunks = response.aiter_bytes()
                decoder = session.new_decoder()
                try:
                    async for chunk in chunks:
                        for sse in decoder.feed(chunk):
                            frame = session.decode(sse)
                            if frame is not None:
                                yield frame
                                session.resumed()
                            if session.connection_over:
                                break
                        if session.connection_over:
                            if session.handed_off:
                                session.body_ended(mid_frame=False)
                            break
                        session.check_deadlines()
                    else:
                        session.body_ended(decoder.in_frame)
                except httpx.TransportError as exc:
                    session.dropped(exc)
                finally:
                    if session.connection_over:
                        await _adrain(chunks)
                if session.done:
                    return
        delay = session.next_delay()
        if delay is None:
            return
        await sleep(delay)
