"""The few primitives that differ between asyncio and blocking code, each pair side by side.

The drivers are written once, for asyncio (``_async.py``); ``scripts/generate_sync.py`` writes their blocking
twins (``_sync.py``), mapping ``async_<name>`` to ``<name>`` (and ``AsyncX`` to ``X``). What cannot be a
mere spelling difference lives here, once per side.
"""

from __future__ import annotations

import asyncio
import heapq
import inspect
import itertools
import math
import os
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeAlias, TypeVar

import anyio
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


@contextmanager
def attempt_deadline(seconds: float) -> Iterator[None]:
    """End the attempt when its time is up, a server trickling its status line included; raises
    ``TimeoutError``. A blocking read cannot be cancelled: on the client's own transport
    (:class:`~dust_ext._deadline.DeadlineTransport`) no socket wait asks for more time than is left."""
    deadline = time.monotonic() + seconds
    token = BLOCKING_DEADLINE.set(deadline)
    try:
        yield
    except httpx.TimeoutException as exc:
        # A socket wait cut at the deadline; waiting for a pooled connection is the pool's own error.
        if isinstance(exc, httpx.PoolTimeout) or time.monotonic() < deadline:
            raise
        raise TimeoutError from None
    finally:
        BLOCKING_DEADLINE.reset(token)


def client_transport(limits: httpx.Limits) -> httpx.BaseTransport:
    """The transport of an httpx client the SDK creates: one whose waits end by the attempt's deadline."""
    from dust_ext._deadline import DeadlineTransport  # imports httpcore, as httpx does on first use

    return DeadlineTransport(limits)


def async_client_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport | None:
    """None: httpx's own transport (asyncio code cancels an attempt whose time is up)."""
    return None


def async_attempt_deadline(seconds: float) -> AbstractContextManager[object]:
    """Cancel the attempt when its time is up, a server trickling its status line included. anyio (httpx's
    own dependency), so the limit holds under asyncio and trio alike; raises ``TimeoutError``."""
    return anyio.fail_after(seconds)


@contextmanager
def drain_deadline(response: httpx.Response, seconds: float) -> Iterator[None]:
    """Bound the reads of the block in time. A blocking read cannot be cancelled, so past ``seconds`` a
    watchdog thread shuts the connection's socket down: the read in progress ends with an error (which the
    caller expects) and the connection is discarded instead of going back to the pool. Responses without
    a socket (in-memory transports, cassettes) are read as they are: they cannot hang."""
    network_stream = response.extensions.get("network_stream")
    sock = network_stream.get_extra_info("socket") if network_stream is not None else None
    if not isinstance(sock, socket.socket):
        yield
        return
    key = _SOCKET_WATCHDOG.watch(sock, seconds)
    try:
        yield
    finally:
        _SOCKET_WATCHDOG.forget(key)


def _shut_down(sock: socket.socket) -> None:
    # socket.socket's own shutdown, also for TLS sockets: it wakes the blocked recv without touching the
    # TLS object another thread is using. A connection that already went away needs nothing more.
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _SocketWatchdog:
    """One daemon thread, started on first use, that shuts down each watched socket whose deadline passed.

    Every finished stream is drained under a deadline; a ``threading.Timer`` per drain started and joined
    a thread each time (about 130 µs of CPU, mostly in the kernel, and 3-4 more context switches per stream:
    benchmarks/RESULTS.md, perf4). Here watching is a heap push and forgetting a dict pop, under one lock
    that the shutdown also holds, so a socket forgotten in time is never shut down.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._lock = threading.Condition(threading.Lock())
        self._deadlines: list[tuple[float, int]] = []  # a heap; forgotten keys stay until they surface
        self._sockets: dict[int, socket.socket] = {}
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, sock: socket.socket, seconds: float) -> int:
        """Shut ``sock`` down in ``seconds`` unless :meth:`forget` is called with the returned key first."""
        deadline = time.monotonic() + seconds
        with self._lock:
            key = next(self._keys)
            self._sockets[key] = sock
            heapq.heappush(self._deadlines, (deadline, key))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dust-drain-deadlines", daemon=True)
                self._thread.start()
            elif self._deadlines[0][1] == key:  # earlier than what the thread waits for: wake it
                self._lock.notify()
        return key

    def forget(self, key: int) -> None:
        """Stop watching (the drain ended in time)."""
        with self._lock:
            self._sockets.pop(key, None)

    def _run(self) -> None:
        with self._lock:
            while True:
                deadlines = self._deadlines
                while deadlines and deadlines[0][1] not in self._sockets:
                    heapq.heappop(deadlines)
                if not deadlines:
                    self._lock.wait()
                    continue
                deadline, key = deadlines[0]
                delay = deadline - time.monotonic()
                if delay > 0:
                    self._lock.wait(delay)
                    continue
                heapq.heappop(deadlines)
                _shut_down(self._sockets.pop(key))


_SOCKET_WATCHDOG = _SocketWatchdog()
if hasattr(os, "register_at_fork"):  # a forked child has no watchdog thread and maybe a held lock
    os.register_at_fork(after_in_child=_SOCKET_WATCHDOG._reset)


@contextmanager
def async_drain_deadline(response: httpx.Response, seconds: float) -> Iterator[None]:
    """Cancel the reads of the block after ``seconds`` (quietly: the block just ends early)."""
    with anyio.move_on_after(seconds):
        yield


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
