"""The few primitives that differ between asyncio and blocking code, each pair side by side.

The drivers are written once, for asyncio (``_async.py``); ``scripts/generate_sync.py`` writes their blocking
twins (``_sync.py``), mapping ``async_<name>`` to ``<name>`` (and ``AsyncX`` to ``X``). What cannot be a
mere spelling difference lives here, once per side.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager, nullcontext
from typing import ParamSpec, TypeAlias, TypeVar

import anyio

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
