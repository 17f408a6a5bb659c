"""Resumable Dust event streams: the sync and async drivers around the sans-IO pieces.

:class:`~dust_ext._sse.SSEDecoder` turns bytes into frames, :func:`~dust_ext.events.parse_frame` frames into
typed events, and :class:`~dust_ext._resume.StreamResumeState` decides what to deliver (de-duplicating by
event id), where to resume (``?lastEventId=``) and whether a dropped connection is worth another try. The
drivers below only open connections, move bytes and sleep; every decision is in :class:`StreamSession`,
shared by both.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Literal

import httpx

from dust_ext._http import AsyncHTTP, RequestOptions, SyncHTTP
from dust_ext._resume import DisconnectReason, StreamResumeState
from dust_ext._sse import ServerSentEvent, aiter_sse, iter_sse
from dust_ext.events import DustEventDecodeError, StreamEvent, parse_frame
from dust_ext.exceptions import DustAPIError, DustConnectionError, DustError, DustRateLimitError

logger = logging.getLogger("dust_ext")

OnMalformed = Literal["raise", "skip"]
"""What a stream does with a frame it cannot decode: raise :class:`DustEventDecodeError` (carrying the raw
frame and the last delivered event id, to resume after it) or log a warning and go on."""

#: Statuses worth reopening an event stream for: reading is idempotent, so 5xx are retried too.
STREAM_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})


class DustStreamError(DustError):
    """An event stream ended without its terminal event and could not be resumed."""

    def __init__(self, message: str, *, last_event_id: str | None) -> None:
        super().__init__(message)
        self.last_event_id = last_event_id


@dataclass(frozen=True)
class StreamPolicy:
    """How event streams resume after a drop: ``max_reconnects`` in a row without progress, waiting
    ``reconnect_delay`` seconds (growing by ``backoff_multiplier`` up to ``max_delay``), or longer when the
    server sends ``Retry-After``. The defaults follow Dust's official JS client."""

    max_reconnects: int = 10
    reconnect_delay: float = 1.0
    backoff_multiplier: float = 2.0
    max_delay: float = 30.0
    read_timeout: float | None = None
    """Seconds without a byte after which the connection counts as dropped (None: the client timeout)."""


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
    _error: DustError | None = field(default=None, init=False)
    _retry_after: float = field(default=0.0, init=False)
    _reason: DisconnectReason = field(default="closed", init=False)
    _reconnect: bool = field(default=False, init=False)

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
        return self.state.terminal_reached

    def open_arguments(self) -> tuple[dict[str, str], RequestOptions]:
        """What the next connection sends; the stream does its own reconnecting, so no per-request retry."""
        self.state.connection_started()
        timeout = self.policy.read_timeout
        return self.state.next_query_params(), RequestOptions(max_retries=0, timeout=timeout)

    def decode(self, sse: ServerSentEvent) -> StreamEvent | None:
        """The new event in one SSE frame, or None (a duplicate, a keep-alive, a skipped bad frame)."""
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
        return frame

    def failed_to_open(self, error: DustAPIError | DustConnectionError) -> None:
        self._error = error
        if isinstance(error, DustAPIError):
            if isinstance(error, DustRateLimitError) and error.retry_after:
                self._retry_after = error.retry_after
            self._disconnected("http_status", error.status_code)
        else:
            self._disconnected("connect_error", None)

    def dropped(self, error: httpx.TransportError) -> None:
        self._error = DustConnectionError(
            f"Event stream {self.path} dropped: {type(error).__name__}: {error}"
        )
        self._disconnected("read_error", None)

    def closed(self) -> None:
        """The server ended the body. A conversation stream is then over; a message stream resumes."""
        self._error = None
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
            delay = max(self.state.backoff_seconds(), self._retry_after)
            self._retry_after = 0.0
            logger.debug("dust reconnecting %s after %s in %.2fs", self.path, self._reason, delay)
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


def iter_stream(
    http: SyncHTTP, session: StreamSession, sleep: Callable[[float], None]
) -> Generator[StreamEvent]:
    """Yield each new event of a stream exactly once, reconnecting with ``lastEventId`` after drops."""
    while True:
        params, options = session.open_arguments()
        try:
            with http.stream("GET", session.path, params=params, options=options) as response:
                try:
                    for sse in iter_sse(response.iter_bytes()):
                        frame = session.decode(sse)
                        if frame is not None:
                            yield frame
                        if session.done:
                            return
                except httpx.TransportError as exc:
                    session.dropped(exc)
                else:
                    session.closed()
        except (DustAPIError, DustConnectionError) as exc:
            session.failed_to_open(exc)
        delay = session.next_delay()
        if delay is None:
            return
        sleep(delay)


async def aiter_stream(
    http: AsyncHTTP, session: StreamSession, sleep: Callable[[float], Awaitable[None]]
) -> AsyncGenerator[StreamEvent]:
    """Async twin of :func:`iter_stream`."""
    while True:
        params, options = session.open_arguments()
        try:
            async with http.stream("GET", session.path, params=params, options=options) as response:
                try:
                    async for sse in aiter_sse(response.aiter_bytes()):
                        frame = session.decode(sse)
                        if frame is not None:
                            yield frame
                        if session.done:
                            return
                except httpx.TransportError as exc:
                    session.dropped(exc)
                else:
                    session.closed()
        except (DustAPIError, DustConnectionError) as exc:
            session.failed_to_open(exc)
        delay = session.next_delay()
        if delay is None:
            return
        await sleep(delay)
