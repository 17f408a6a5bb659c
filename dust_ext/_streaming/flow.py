"""The stream as one flow: a generator that both drivers step, like the call's
:meth:`~dust_ext._core.request.AttemptLoop.flow` (after httpx's ``auth_flow``).

:func:`stream_flow` reads top to bottom: ask the plan where to resume (:meth:`StreamPlan.connect`) → open a
connection (the driver follows same-origin redirects as responses) → read its body chunk by chunk → decode
frames → have the driver turn each into an item (:meth:`StreamPlan.reader`) and hand it to the caller
(:class:`Deliver`) → stop reading once the plan says the connection is over (terminal item, ``data: done``
hand-off) → hang up → let the plan judge how the connection ended (:meth:`StreamPlan.ended`: wait and
reconnect, stop, or raise) → wait → again.

The driver (:class:`~dust_ext._streaming.AsyncStream`, the blocking ``Stream`` generated from it) does what
each :class:`FlowStep` asks.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import httpx

from dust_ext._core.call import RequestOptions
from dust_ext._core.sse import DEFAULT_MAX_FRAME_CHARS, ServerSentEvent, SSEDecoder
from dust_ext.exceptions import DustAPIError, DustConnectionError

__all__ = [
    "FINISHED",
    "OVER",
    "READ",
    "BodyEnded",
    "Connect",
    "Deliver",
    "Dropped",
    "Ending",
    "FlowStep",
    "HangUp",
    "Over",
    "Refused",
    "StreamDeadlines",
    "StreamPlan",
    "StreamRequest",
    "Wait",
    "stream_flow",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


# -- what the flow asks its driver --------------------------------------------------------------------------


class FlowStep:
    """A step the driver performs."""

    __slots__ = ()


class _Marker(FlowStep):
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Connect(FlowStep):
    """Open a connection with this query and these options (the :class:`StreamRequest` gives the rest). The
    driver answers with the URL that answered (after redirects), or throws the
    :class:`~dust_ext.exceptions.DustAPIError` / :class:`~dust_ext.exceptions.DustConnectionError` that
    refused it."""

    params: Mapping[str, Any] | None
    options: RequestOptions | None


READ = _Marker("READ")
"""Read the body: the driver answers with its next chunk, ``None`` at its end, or throws the
``httpx.TransportError`` that cut it."""


@dataclass(frozen=True, slots=True)
class Deliver(FlowStep, Generic[T]):
    """Hand the caller the items of these frames, decoded one at a time just before each is handed on
    (so the plan's resume point is never ahead of what the caller got): ``item_of(frame)`` for each frame in
    order, skipping ``None``, and stopping after the frame at which ``plan.over`` turns true. The driver
    answers whether it handed on any item. (The driver runs this loop, not a generator of the flow: one
    generator step less per event.)"""

    frames: list[ServerSentEvent]
    item_of: Callable[[ServerSentEvent], T | None]
    plan: StreamPlan[T]


@dataclass(frozen=True, slots=True)
class HangUp(FlowStep):
    """Release the connection; ``drain``: read what is left first (a little, briefly) so it goes back to the
    pool."""

    drain: bool


@dataclass(frozen=True, slots=True)
class Wait(FlowStep):
    """Sleep this many seconds (then the flow opens the next connection)."""

    seconds: float


FINISHED = _Marker("FINISHED")
"""The stream is over: the flow's last step, never answered."""


# -- how a connection ended, for the plan to judge ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Refused:
    """Opening the connection failed: an HTTP error answer or a network failure."""

    error: DustAPIError | DustConnectionError


@dataclass(frozen=True, slots=True)
class Dropped:
    """Reading the body failed (reset, read timeout...)."""

    error: httpx.TransportError


@dataclass(frozen=True, slots=True)
class BodyEnded:
    """The server ended the body (cleanly, as far as HTTP goes); ``mid_frame``: inside a frame (cut)."""

    mid_frame: bool


@dataclass(frozen=True, slots=True)
class Over:
    """The plan said the connection had nothing more to give (a terminal item, a hand-off) before its body
    ended: the flow stopped reading it."""


OVER = Over()

Ending = Refused | Dropped | BodyEnded | Over


# -- what one kind of stream adds ----------------------------------------------------------------------------


class StreamDeadlines(Protocol):
    """Time limits the flow checks while it reads (a resumable stream's idle and total limits)."""

    def progressed(self) -> None:
        """The caller took new items and asked for more: the idle clock restarts."""

    def check(self) -> None:
        """Raise :class:`~dust_ext.exceptions.DustTimeoutError` once a limit is exceeded."""


@dataclass(frozen=True)
class StreamRequest:
    """What every connection of a stream sends, and how its frames are read.

    ``drains``: a connection left once over is read to its end (a little, briefly) so it goes back to the
    pool (Dust's event streams end with ``data: done``). ``max_frame_chars`` bounds one frame;
    ``large_string_chars`` splits larger single-line frames (see :class:`~dust_ext._core.sse.SSEDecoder`).
    ``deadlines``: the time limits checked between chunks; ``None``: each read's timeout is the only one."""

    method: str
    path: str
    json: Any = None
    drains: bool = False
    max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS
    large_string_chars: int | None = None
    deadlines: StreamDeadlines | None = field(default=None, compare=False, repr=False)

    def decoder(self) -> SSEDecoder:
        """The frame decoder of one connection."""
        return SSEDecoder(max_frame_chars=self.max_frame_chars, large_string_chars=self.large_string_chars)


class StreamPlan(Protocol[T_co]):
    """What :func:`stream_flow` asks one kind of stream: ``StreamSession`` (Dust's resumable event streams),
    ``SingleConnection`` (app runs, search) and ``RequestStreamPlan`` (an MCP server's requests)."""

    @property
    def request(self) -> StreamRequest:
        """What every connection sends."""

    def connect(self) -> Connect | None:
        """The next connection's query (where it resumes) and options; ``None``: the stream is over."""

    def reader(self, url: str) -> Callable[[ServerSentEvent], T_co | None]:
        """Frame → item for the connection that answered from ``url`` (``None``: the frame carries none)."""

    @property
    def over(self) -> bool:
        """Whether the current connection has nothing more to give (a terminal item, a hand-off)."""

    def ended(self, ending: Ending) -> float | None:
        """Judge how a connection ended: seconds to wait before the next one, ``None`` to stop, or raise."""


def stream_flow(plan: StreamPlan[T]) -> Generator[FlowStep, Any, None]:
    """The stream: open, read, decode, deliver, hang up, judge, wait, again (see the module docstring and
    each :class:`FlowStep` for what the driver answers)."""
    request, deadlines = plan.request, plan.request.deadlines
    while (connect := plan.connect()) is not None:  # where to resume
        ending: Ending
        try:
            url: str = yield connect  # open: the driver follows redirects
        except (DustAPIError, DustConnectionError) as error:
            ending = Refused(error)
        else:
            item_of, decoder = plan.reader(url), request.decoder()
            try:
                while (chunk := (yield READ)) is not None:  # read
                    frames = decoder.feed(chunk)  # decode
                    if frames:
                        delivered = yield Deliver(frames, item_of, plan)  # deliver
                        if delivered and deadlines is not None:
                            # Once per chunk, after the caller took its last item: the caller's time between
                            # items is not idle, and frames without an item do not reset the idle clock.
                            deadlines.progressed()
                        if plan.over:
                            ending = OVER
                            break
                    if deadlines is not None:
                        deadlines.check()
                else:
                    ending = BodyEnded(decoder.in_frame)
            except httpx.TransportError as error:
                ending = Dropped(error)
            yield HangUp(drain=request.drains and ending is OVER)
        delay = plan.ended(ending)  # judge: reconnect, stop or raise
        if delay is None:
            break
        yield Wait(delay)  # back off
    yield FINISHED
