"""The hand-written methods of ``client.data_sources`` (``_behaviour_sync.py`` is generated from this file);
the generated ``AsyncDataSources`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml with the
reason it is not generated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn, Unpack

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources._documents_async import AsyncDocuments
from dust_ext.resources.data_sources._folders_async import AsyncFolders
from dust_ext.resources.data_sources._tables_async import AsyncTables
from dust_ext.resources.data_sources.calls import (
    DataSourceList,
    SearchFilters,
    SearchResultList,
    TokenList,
)

if TYPE_CHECKING:
    from dust_ext._client._async import AsyncDustClient


class AsyncDataSourcesBehaviour(AsyncResource):
    """``client.data_sources``' sub-resources, and its methods that choose between paths or encode filters."""

    def __init__(self, client: AsyncDustClient) -> None:
        super().__init__(client)
        self.documents = AsyncDocuments(client)
        self.tables = AsyncTables(client)
        self.folders = AsyncFolders(client)

    @one_call
    async def list(
        self, space_id: str | None = None, *, options: RequestOptions | None = None
    ) -> DataSourceList:
        """The data sources of a space; without ``space_id``, those of the workspace's global space (by the
        path without a space, as the JS SDK's ``getDataSources`` lists them)."""
        return await self._run(
            calls.list_data_sources_call(self._workspace_id, space_id).with_options(options)
        )

    async def create(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError` saying
        where to create a data source instead (the Dust web app)."""
        calls.data_source_management_not_in_public_api("create")

    async def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.data_source_management_not_in_public_api("delete")

    @one_call
    async def tokenize(
        self, space_id: str | None, data_source_id: str, text: str, *, options: RequestOptions | None = None
    ) -> TokenList:
        """``text`` cut into tokens by the data source's embedding model's tokenizer, as Dust returns them
        (each token a ``[token_id, token_text]`` pair); ``len()`` of it is the token count. ``space_id=None``:
        a data source of the workspace's global space (the path without a space the JS SDK calls)."""
        call = calls.tokenize_call(self._workspace_id, space_id, data_source_id, text)
        return await self._run(call.with_options(options))

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
