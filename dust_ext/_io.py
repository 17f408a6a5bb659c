"""The few primitives that differ between asyncio and blocking code, each pair side by side.

The drivers are written once, for asyncio (``_async.py``); ``scripts/generate_sync.py`` writes their blocking
twins (``_sync.py``), mapping ``async_<name>`` to ``<name>`` (and ``AsyncX`` to ``X``). What cannot be a
mere spelling difference lives here, once per side.
"""

from __future__ import annotations

import asyncio
import inspect
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
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


def attempt_deadline(seconds: float) -> AbstractContextManager[object]:
    """Blocking code cannot interrupt a read that waits for the server: the attempt's deadline is enforced
    between reads and through httpx's read timeouts instead (see ``HTTP._read_bounded``)."""
    return nullcontext()


def async_attempt_deadline(seconds: float) -> AbstractContextManager[object]:
    """Cancel the attempt when its time is up, a server trickling its status line included. anyio (httpx's
    own dependency), so the limit holds under asyncio and trio alike; raises ``TimeoutError``."""
    return anyio.fail_after(seconds)


@contextmanager
def drain_deadline(response: httpx.Response, seconds: float) -> Iterator[None]:
    """Bound the reads of the block in time. A blocking read cannot be cancelled, so past ``seconds`` a
    timer thread shuts the connection's socket down: the read in progress ends with an error (which the
    caller expects) and the connection is discarded instead of going back to the pool. Responses without
    a socket (in-memory transports, cassettes) are read as they are: they cannot hang."""
    network_stream = response.extensions.get("network_stream")
    sock = network_stream.get_extra_info("socket") if network_stream is not None else None
    if not isinstance(sock, socket.socket):
        yield
        return
    timer = threading.Timer(seconds, _shut_down, (sock,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _shut_down(sock: socket.socket) -> None:
    # socket.socket's own shutdown, also for TLS sockets: it wakes the blocked recv without touching the
    # TLS object another thread is using. A connection that already went away needs nothing more.
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@contextmanager
def async_drain_deadline(response: httpx.Response, seconds: float) -> Iterator[None]:
    """Cancel the reads of the block after ``seconds`` (quietly: the block just ends early)."""
    with anyio.move_on_after(seconds):
        yield


def completed(value: Any) -> Any:
    """A callback's result (blocking callbacks have nothing to wait for)."""
    return value


async def async_completed(value: Any) -> Any:
    """A callback's result, awaited if the callback was a coroutine function."""
    if inspect.isawaitable(value):
        return await value
    return value
