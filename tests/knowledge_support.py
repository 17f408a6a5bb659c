"""Helpers for the knowledge resource tests: attach the resources to the ``dust`` fixture's client (until
DustClient carries them itself) and drain sync or async iterators."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from dust_ext.resources.apps import Apps, AsyncApps
from dust_ext.resources.data_sources import (
    AsyncDataSources,
    AsyncDataSourceViews,
    DataSources,
    DataSourceViews,
)
from dust_ext.resources.files import AsyncFiles, Files
from dust_ext.resources.search import AsyncSearch, Search
from dust_ext.resources.spaces import AsyncSpaces, Spaces

SPACE = "vlt_global"
SOURCE = "dts_knowledge"
VIEW = "dsv_knowledge"

_SYNC: dict[str, Any] = {
    "spaces": Spaces,
    "data_sources": DataSources,
    "data_source_views": DataSourceViews,
    "search": Search,
    "files": Files,
    "apps": Apps,
}
_ASYNC: dict[str, Any] = {
    "spaces": AsyncSpaces,
    "data_sources": AsyncDataSources,
    "data_source_views": AsyncDataSourceViews,
    "search": AsyncSearch,
    "files": AsyncFiles,
    "apps": AsyncApps,
}


def attach_knowledge_resources(dust: Any) -> Any:
    """Give the ``dust`` fixture's client (sync, or async behind its blocking facade) the knowledge
    resources, unless the client already has them."""
    target = getattr(dust, "_target", dust)
    classes = _ASYNC if hasattr(dust, "_portal") else _SYNC
    for name, cls in classes.items():
        if not hasattr(target, name):
            setattr(target, name, cls(target))
    return dust


def collect(dust: Any, items: Iterable[Any] | AsyncIterator[Any]) -> list[Any]:
    """Every item of a sync iterator, or of an async one (run on the async client's portal)."""
    if hasattr(items, "__aiter__"):

        async def drain() -> list[Any]:
            return [item async for item in items]

        result: list[Any] = dust._portal.call(drain)
        return result
    return list(items)
