"""Helpers for the knowledge resource tests: the seeded ids, draining sync or async iterators, and calling a
page's methods on either client."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

SPACE = "vlt_global"
SOURCE = "dts_knowledge"
VIEW = "dsv_knowledge"


def collect(dust: Any, items: Iterable[Any] | AsyncIterator[Any]) -> list[Any]:
    """Every item of a sync iterator, or of an async one (run on the async client's portal)."""
    if hasattr(items, "__aiter__"):

        async def drain() -> list[Any]:
            return [item async for item in items]

        result: list[Any] = dust._portal.call(drain)
        return result
    return list(items)


def call(dust: Any, method: Callable[[], Any]) -> Any:
    """``method()``, run on the async client's portal when it is a coroutine function (e.g. an
    ``AsyncPage.get_next_page``)."""
    if inspect.iscoroutinefunction(method):
        return dust._portal.call(method)
    return method()
