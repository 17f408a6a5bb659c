"""The one stream type, which reads every streaming endpoint (``_sync.py``, the blocking ``Stream``, is
generated from ``_async.py``, the asyncio ``AsyncStream``).

A stream steps one flow (:func:`~dust_ext._streaming.flow.stream_flow`), opening its connections, moving bytes
and sleeping as it asks; every decision (what to send, what a frame means, whether to reconnect, when to give
up) is the flow's and its :class:`~dust_ext._streaming.flow.StreamPlan`'s, which are pure. A new streaming
endpoint is a plan (often just a frame reader), not a new read loop.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import AsyncExitStack
from types import TracebackType
from typing import Generic, Self, TypeVar

import httpx

from dust_ext._core.body import BodyDecodeError, ChunkInflater
from dust_ext._core.call import record_response
from dust_ext._core.redirect import SSE_PATH_PREFIX, RedirectChain
from dust_ext._http._async import AsyncHTTP
from dust_ext._io import AsyncSleep, async_drain_deadline
from dust_ext._streaming.flow import (
    FINISHED,
    READ,
    Connect,
    Deliver,
    FlowStep,
    HangUp,
    StreamPlan,
    Wait,
    stream_flow,
)
from dust_ext._streaming.session import DRAIN_LIMIT, DRAIN_TIMEOUT, stream_options
from dust_ext.exceptions import DustAPIError, DustConnectionError, DustDecodeError, DustError

T = TypeVar("T")


def aiter_body(response: httpx.Response) -> AsyncIterator[bytes]:
    """The decoded body of a streamed response: httpx's chunks, except that a gzip or deflate body is
    inflated a bounded piece at a time (httpx inflates a whole network read at once, up to a thousandfold)."""
    encoding = response.headers.get("content-encoding")
    if not encoding or response.is_stream_consumed or not ChunkInflater.handles(encoding):
        return response.aiter_bytes()
    return aiter_inflated(response, ChunkInflater(encoding))


async def aiter_inflated(response: httpx.Response, inflater: ChunkInflater) -> AsyncIterator[bytes]:
    """The raw body of ``response`` through ``inflater``; a corrupt body is httpx's ``DecodingError``."""
    try:
        async for chunk in response.aiter_raw():
            for piece in inflater.inflate(chunk):
                yield piece
        rest = inflater.finish()
    except BodyDecodeError as exc:
        raise httpx.DecodingError(str(exc), request=response.request) from None
    if rest:
        yield rest


async def adrain(response: httpx.Response, chunks: AsyncIterator[bytes]) -> None:
    """Read what is left of a finished stream (Dust: ``data: done``) so its connection can be reused: at
    most :data:`DRAIN_LIMIT` bytes for at most :data:`DRAIN_TIMEOUT` seconds, else the connection is closed."""
    read = 0
    try:
        async with async_drain_deadline(response, DRAIN_TIMEOUT):
            async for piece in chunks:
                read += len(piece)
                if read > DRAIN_LIMIT:
                    return
    except (httpx.HTTPError, DustError, TimeoutError):
        return


class AsyncStream(Generic[T]):
    """A stream of items read from server-sent events: iterate it (``for`` on the blocking client's
    streams, ``async for`` on the asyncio client's).

    Nothing is sent until the first item is asked for, the stream is entered as a context manager, or
    :meth:`start` is called; leaving the context manager (or closing the stream) releases the connection
    of a stream left before its end. A resumable stream reconnects after drops and delivers each item once;
    a single-connection one raises its typed error instead. :attr:`response` is the first connection's HTTP response (status, headers), once it is open.
    """

    def __init__(self, http: AsyncHTTP, plan: StreamPlan[T], sleep: AsyncSleep) -> None:
        self._http = http
        self._plan = plan
        self._sleep = sleep
        self._flow = stream_flow(plan)
        self._items: AsyncGenerator[T] | None = None
        self._connection: tuple[AsyncExitStack, httpx.Response, AsyncIterator[bytes]] | None = None
        self.response: httpx.Response | None = None
        """The first connection's response, once open."""

    @property
    def plan(self) -> StreamPlan[T]:
        """The pure state of the stream (where it resumes, whether it is done)."""
        return self._plan

    async def start(self) -> None:
        """Open the first connection now rather than at the first read (for its status and headers)."""
        if self._items is None:
            step = next(self._flow, FINISHED)
            while step is not READ and step is not FINISHED:  # no item comes before a connection
                step = await self._perform(step)
            self._items = self._iterate(step)

    def __aiter__(self) -> AsyncIterator[T]:
        if self._items is None:
            self._items = self._iterate(None)
        return self._items

    async def __anext__(self) -> T:
        return await anext(self.__aiter__())

    async def aclose(self) -> None:
        """Release the connection (a stream read to its end has already released it)."""
        if self._items is not None:
            await self._items.aclose()
        await self._hang_up(reuse=False)  # opened by start(), never read
        self._flow.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _iterate(self, step: FlowStep | None) -> AsyncGenerator[T]:
        """Step the flow (:func:`~dust_ext._streaming.flow.stream_flow`): do what it asks, hand its items on."""
        flow = self._flow
        try:
            if step is None:
                step = next(flow)
            while step is not FINISHED:
                if step is READ:  # one chunk of the body
                    assert self._connection is not None
                    try:
                        chunk = await anext(self._connection[2], None)
                    except httpx.TransportError as exc:
                        step = flow.throw(exc)
                    else:
                        step = flow.send(chunk)
                elif type(step) is Deliver:  # the frames of a chunk, each decoded just before it is handed on
                    delivered = False
                    item_of, plan = step.item_of, step.plan
                    for frame in step.frames:
                        item = item_of(frame)
                        if item is not None:
                            delivered = True
                            yield item
                        if plan.over:
                            break
                    step = flow.send(delivered)
                else:
                    step = await self._perform(step)
        except DustDecodeError as exc:  # a frame echoing the key must not show it
            raise self._http.core.scrub_decode_error(exc) from None
        finally:
            # Left with the connection open: drained back to the pool if it had nothing more to give (the
            # caller stopped at the terminal item), else closed.
            await self._hang_up(reuse=self._plan.request.drains and self._plan.over)

    async def _perform(self, step: FlowStep) -> FlowStep:
        """Do one step other than reading and delivering (open, hang up, wait) and return the flow's next one."""
        flow = self._flow
        if isinstance(step, Connect):
            try:
                url = await self._connect(step)
            except (DustAPIError, DustConnectionError) as exc:
                return flow.throw(exc)
            return flow.send(url)
        if isinstance(step, HangUp):
            await self._hang_up(step.drain)
        elif isinstance(step, Wait):
            await self._sleep(step.seconds)
        return next(flow)

    async def _connect(self, step: Connect) -> str:
        """Open a connection with the step's query and options; the URL that answered. Dust's redirect to
        its SSE pods is followed inside the call (see :mod:`dust_ext._core.redirect`): same origin only,
        all hops within the call's one ``total_timeout``."""
        http, request = self._http, self._plan.request
        opening = http.stream(
            request.method,
            request.path,
            params=step.params,
            json=request.json,
            options=stream_options(step.options, http.config),
            redirects=RedirectChain(http.config.base_url, request.method, path_prefix=SSE_PATH_PREFIX),
        )
        async with AsyncExitStack() as stack:  # released here if opening fails, else by _hang_up
            response = await stack.enter_async_context(opening)
            self._connection = (stack.pop_all(), response, aiter_body(response))
        record_response(response)  # for the raw view (with_raw_response) of the stream
        if self.response is None:
            self.response = response
        return str(response.request.url)

    async def _hang_up(self, reuse: bool) -> None:
        """Release the open connection, if any, reading what is left of it first when ``reuse`` (so that it
        goes back to the pool)."""
        if self._connection is None:
            return
        stack, response, chunks = self._connection
        self._connection = None
        try:
            if reuse:
                await adrain(response, chunks)
        finally:
            await stack.aclose()
