"""The few primitives that differ between asyncio and blocking code, each pair side by side.

The drivers are written once, for asyncio (``_async.py``); ``scripts/generate_sync.py`` writes their blocking
twins (``_sync.py``), mapping ``async_<name>`` to ``<name>`` (and ``AsyncX`` to ``X``). What cannot be a
mere spelling difference lives here, once per side.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeAlias, TypeVar

import httpx

P = ParamSpec("P")
R = TypeVar("R")

Sleep: TypeAlias = Callable[[float], None]
AsyncSleep: TypeAlias = Callable[[float], Awaitable[None]]
Method: TypeAlias = Callable[P, R]
"""A callable returning ``R`` (generic over its parameters ``P``)."""
AsyncMethod: TypeAlias = Callable[P, Awaitable[R]]
"""A coroutine function returning ``R``."""

wait_seconds = time.sleep
async_wait_seconds = asyncio.sleep


BLOCKING_DEADLINE: ContextVar[float] = ContextVar("dust_blocking_deadline", default=math.inf)
"""The ``time.monotonic()`` by which the current thread's socket waits on the SDK's own blocking transport
must end (``inf``: none); see :mod:`dust_ext._deadline`."""


class attempt_deadline:  # named as its asyncio twin, a function
    """End the attempt when its time is up, a server trickling its status line included; raises
    ``TimeoutError``. A blocking read cannot be cancelled: on the client's own transport
    (:class:`~dust_ext._deadline.DeadlineTransport`) no socket wait asks for more time than is left.
    (A class, not a generator: it is entered on every attempt.)"""

    def __init__(self, seconds: float) -> None:
        self._deadline = time.monotonic() + seconds

    def __enter__(self) -> None:
        self._token = BLOCKING_DEADLINE.set(self._deadline)

    def __exit__(self, exc_type: object, exc: BaseException | None, traceback: object) -> None:
        BLOCKING_DEADLINE.reset(self._token)
        # A socket wait cut at the deadline; waiting for a pooled connection is the pool's own error.
        cut = isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.PoolTimeout)
        if cut and time.monotonic() >= self._deadline:
            raise TimeoutError from None


def client_transport(limits: httpx.Limits) -> httpx.BaseTransport:
    """The transport of an httpx client the SDK creates: one whose waits end by the attempt's deadline."""
    from dust_ext._deadline import DeadlineTransport  # imports httpcore, as httpx does on first use

    return DeadlineTransport(limits)


def async_client_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport | None:
    """None: httpx's own transport (asyncio code cancels an attempt whose time is up)."""
    return None


def async_attempt_deadline(seconds: float) -> AbstractAsyncContextManager[object]:
    """Cancel the attempt when its time is up, a server trickling its status line included; raises
    ``TimeoutError`` (one asyncio timer: the async client runs on asyncio, its sleeps and locks too)."""
    return asyncio.timeout(seconds)


@contextmanager
def drain_deadline(response: httpx.Response, seconds: float) -> Iterator[None]:
    """Bound the reads of the block in time; past ``seconds`` a read raises ``httpx.ReadTimeout``.

    A blocking read cannot be cancelled: on the SDK's own transport every socket wait ends by the deadline,
    as an attempt's do (:func:`attempt_deadline`), and the connection cut mid-body is discarded, not pooled.
    A response without a connection (in-memory transports, cassettes) cannot hang. A connection of another
    transport (a caller's ``http_client``, a proxy from the environment) keeps that client's own per-read
    timeout only, as its attempts do."""
    network_stream = response.extensions.get("network_stream")
    if network_stream is not None:
        from dust_ext._deadline import waits_end_by_deadline  # loaded with the transport that made it

        if waits_end_by_deadline(network_stream):
            token = BLOCKING_DEADLINE.set(time.monotonic() + seconds)
            try:
                yield
            finally:
                BLOCKING_DEADLINE.reset(token)
            return
    yield


def async_drain_deadline(response: httpx.Response, seconds: float) -> AbstractAsyncContextManager[object]:
    """Cancel the reads of the block after ``seconds``: ``TimeoutError`` (one asyncio timer, as for an
    attempt: see :func:`async_attempt_deadline`)."""
    return asyncio.timeout(seconds)


def exclusive() -> threading.Lock:
    """A lock letting one thread at a time through a block (e.g. one token refresh at a time)."""
    return threading.Lock()


def async_exclusive() -> asyncio.Lock:
    """A lock letting one task at a time through a block."""
    return asyncio.Lock()


def completed(value: Any) -> Any:
    """A callback's result (blocking callbacks have nothing to wait for)."""
    return value


async def async_completed(value: Any) -> Any:
    """A callback's result, awaited if the callback was a coroutine function."""
    if inspect.isawaitable(value):
        return await value
    return value
