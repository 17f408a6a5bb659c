"""The hand-written methods of ``client.data_sources`` (``_behaviour_sync.py`` is generated from this file);
the generated ``AsyncDataSources`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml with the
reason it is not generated."""

from __future__ import annotations

from typing import Any, NoReturn, Unpack

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import (
    SearchFilters,
    SearchResultList,
)


class AsyncDataSourcesBehaviour(AsyncResource):
    """``client.data_sources``' methods that choose between paths or encode filters."""

    async def create(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError` saying
        where to create a data source instead (the Dust web app)."""
        calls.data_source_management_not_in_public_api("create")

    async def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.data_source_management_not_in_public_api("delete")

    @one_call
    async def search(
        self,
        space_id: str,
        data_source_id: str,
        query: str,
        *,
        options: RequestOptions | None = None,
        **filters: Unpack[SearchFilters],
    ) -> SearchResultList:
        """Semantic search in one data source: the ``top_k`` best documents (default 10) with their matching
        chunks (``full_text=True`` adds each document's whole text). Filters narrow by time
        (``timestamp_gt``/``timestamp_lt``), tags (``tags_in``/``tags_not``) and parents
        (``parents_in``/``parents_not``); see :class:`~dust_ext.resources.data_sources.SearchFilters`."""
        call = calls.search_call(self._workspace_id, space_id, data_source_id, query, filters)
        return await self._run(call.with_options(options))
