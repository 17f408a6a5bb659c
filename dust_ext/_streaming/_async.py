"""The one stream type, which reads every streaming endpoint (``_sync.py``, the blocking ``Stream``, is
generated from ``_async.py``, the asyncio ``AsyncStream``).

A stream opens its connections, moves bytes and sleeps; every decision (what to send, what a frame means,
whether to reconnect, when to give up) is its :class:`~dust_ext._streaming.session.StreamPlan`'s, which is
pure. A new streaming endpoint is a frame reader, not a new read loop.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from dust_ext._core.body import BodyDecodeError, ChunkInflater
from dust_ext._core.call import record_response
from dust_ext._core.redirect import REDIRECT_STATUSES, SSE_PATH_PREFIX, RedirectChain
from dust_ext._core.request import RequestOptions
from dust_ext._http._async import AsyncHTTP
from dust_ext._io import AsyncSleep, async_drain_deadline
from dust_ext._streaming.session import (
    DRAIN_LIMIT,
    DRAIN_TIMEOUT,
    StreamPlan,
    stream_options,
)
from dust_ext.exceptions import DustAPIError, DustConnectionError, DustDecodeError, DustError

T = TypeVar("T")

logger = logging.getLogger("dust_ext")


@asynccontextmanager
async def aopen_stream(
    http: AsyncHTTP,
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
    json: Any = None,
    options: RequestOptions | None = None,
) -> AsyncIterator[httpx.Response]:
    """Open a streamed response, following same-origin redirects (see :mod:`dust_ext._core.redirect`)."""
    chain = RedirectChain(http.config.base_url, method, path_prefix=SSE_PATH_PREFIX)
    options = stream_options(options, http.config.httpx_timeout())
    url = path
    query = dict(params) if params else None
    redact = http.core.redact  # the chain sees URLs as errors and logs show them: without the key
    async with AsyncExitStack() as stack:
        while True:
            response = await stack.enter_async_context(
                http.stream(method, url, params=query, json=json, options=options, return_redirects=True)
            )
            if response.status_code not in REDIRECT_STATUSES:
                break
            location = response.headers.get("location")
            url = chain.next_hop(
                response.status_code, redact(str(response.request.url)), location and redact(location)
            )
            query = None  # the Location keeps the query string
            logger.debug("dust stream following %d redirect to %s", response.status_code, url)
        yield response


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
        with async_drain_deadline(response, DRAIN_TIMEOUT):
            async for piece in chunks:
                read += len(piece)
                if read > DRAIN_LIMIT:
                    return
    except (httpx.HTTPError, DustError):
        return


class AsyncStream(Generic[T]):
    """A stream of items read from server-sent events: iterate it (``for`` on the blocking client's
    streams, ``async for`` on the asyncio client's).

    Nothing is sent until the first item is asked for, the stream is entered as a context manager, or
    :meth:`start` is called; leaving the context manager (or closing the stream) releases the connection
    of a stream left before its end. A resumable stream
    reconnects after drops and delivers each item once; a single-connection one raises its typed error
    instead. :attr:`response` is the first connection's HTTP response (status, headers), once it is open.
    """

    def __init__(self, http: AsyncHTTP, plan: StreamPlan[T], sleep: AsyncSleep) -> None:
        self._http = http
        self._plan = plan
        self._sleep = sleep
        self._items: AsyncGenerator[T] | None = None
        self._connection: tuple[AsyncExitStack, httpx.Response] | None = None
        self._opened_first: bool | None = None
        """What :meth:`start` got from opening the first connection (None: not started)."""
        self.response: httpx.Response | None = None
        """The first connection's response, once open."""

    @property
    def plan(self) -> StreamPlan[T]:
        """The pure state of the stream (where it resumes, whether it is done)."""
        return self._plan

    async def start(self) -> None:
        """Open the first connection now rather than at the first read (for its status and headers)."""
        if self._items is None:
            self._items = self._iterate()
            self._opened_first = await self._connect()

    def __aiter__(self) -> AsyncIterator[T]:
        if self._items is None:
            self._items = self._iterate()
        return self._items

    async def __anext__(self) -> T:
        return await anext(self.__aiter__())

    async def aclose(self) -> None:
        """Release the connection (a stream read to its end has already released it)."""
        if self._items is not None:
            await self._items.aclose()
        if self._connection is not None:  # opened by start(), never read
            stack, _ = self._connection
            self._connection = None
            await stack.aclose()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _connect(self) -> bool:
        """Open the next connection, waiting and trying again as the plan says; False once it gives up
        quietly (the plan raises when the stream failed)."""
        plan = self._plan
        while not plan.done:  # a plan may end before any connection (a tool server asked to stop)
            params, options = plan.open_arguments()
            stack = AsyncExitStack()
            try:
                response = await stack.enter_async_context(
                    aopen_stream(
                        self._http, plan.method, plan.path, params=params, json=plan.json, options=options
                    )
                )
            except (DustAPIError, DustConnectionError) as exc:
                plan.failed_to_open(exc)
            else:
                plan.opened(str(response.request.url))
                record_response(response)  # for the raw view (with_raw_response) of the stream
                if self.response is None:
                    self.response = response
                self._connection = (stack, response)
                return True
            if not await self._wait():
                return False
        return False

    async def _wait(self) -> bool:
        delay = self._plan.next_delay()
        if delay is None:
            return False
        await self._sleep(delay)
        return True

    async def _iterate(self) -> AsyncGenerator[T]:
        plan = self._plan
        opened = self._opened_first if self._opened_first is not None else await self._connect()
        if not opened:
            return
        while self._connection is not None:
            stack, response = self._connection
            chunks = aiter_body(response)
            decoder = plan.new_decoder()
            try:
                async for chunk in chunks:
                    frames = decoder.feed(chunk)
                    if frames:
                        # Iterating the list (not popping from it) keeps the peak lowest: popping freed a
                        # large terminal frame earlier but raised the peak (benchmarks/RESULTS.md, perf3).
                        delivered = False
                        for sse in frames:
                            try:
                                item = plan.decode(sse)
                            except DustDecodeError as exc:  # a frame echoing the key must not show it
                                raise self._http.core.scrub_decode_error(exc) from None
                            if item is not None:
                                delivered = True
                                yield item
                            if plan.connection_over:
                                break
                        if delivered:
                            # Once per chunk, after the caller took its last item: the caller's time
                            # between items does not count as idle, and frames without an item do not
                            # reset the idle clock.
                            plan.resumed()
                        if plan.connection_over:
                            plan.stopped_reading()
                            break
                    plan.check_deadlines()
                else:
                    plan.body_ended(decoder.in_frame)
            except httpx.TransportError as exc:
                plan.dropped(exc)
            finally:
                self._connection = None
                try:
                    if plan.connection_over and plan.drains:
                        await adrain(response, chunks)
                finally:
                    await stack.aclose()
            if plan.done or not await self._wait() or not await self._connect():
                return
