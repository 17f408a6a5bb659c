"""The hand-written methods of ``client.data_source_views`` (``_views_behaviour_sync.py`` is generated from
this file); the generated ``AsyncDataSourceViews`` (``_views_async.py``) inherits them. Each is listed in
openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from typing import NoReturn, Unpack

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import SearchFilters, SearchResultList


class AsyncDataSourceViewsBehaviour(AsyncResource):
    """``client.data_source_views``' methods with argument logic of their own."""

    async def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.no_view_deletion()

    @one_call
    async def search(
        self,
        space_id: str,
        view_id: str,
        query: str,
        *,
        options: RequestOptions | None = None,
        **filters: Unpack[SearchFilters],
    ) -> SearchResultList:
        """Semantic search within what the view exposes, with the filters of ``data_sources.search``
        (:class:`~dust_ext.resources.data_sources.SearchFilters`)."""
        call = calls.search_call(self._workspace_id, space_id, view_id, query, filters, view=True)
        return await self._run(call.with_options(options))
