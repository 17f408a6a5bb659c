"""Helpers for the knowledge resource tests: the seeded ids, and draining sync or async iterators."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
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
