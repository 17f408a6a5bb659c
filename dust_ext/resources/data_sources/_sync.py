# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.data_sources`` and ``client.data_source_views``: Dust's knowledge, read and written (``_sync.py`` is
generated from this file).

A *data source* holds documents (``.documents``), tables (``.tables``, with their ``.rows``) and folders
(``.folders``); every call names the space the data source lives in and the data source's id (see
:mod:`dust_ext.data_sources.models` for these concepts). ``data_sources.list``, ``tokenize`` and
``folders.upsert`` / ``delete`` also take ``space_id=None``: the workspace's global space, reached by the paths
without a space segment (``/w/{wId}/data_sources/...``) that Dust serves and the official JS SDK calls. A *data
source view* exposes a data source in a space, possibly restricted to some parents; agents search views.

The requests are built by :mod:`dust_ext.resources.data_sources.calls`; the classes here only run them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, NoReturn, Unpack

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources._documents_sync import Documents
from dust_ext.resources.data_sources._folders_sync import Folders
from dust_ext.resources.data_sources._tables_sync import Tables
from dust_ext.resources.data_sources.calls import (
    DataSourceList,
    SearchFilters,
    SearchResultList,
    TokenList,
)

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient

# --- data sources -------------------------------------------------------------------------------------------


class DataSources(Resource):
    """Data sources of a space (``client.data_sources``), with their ``.documents``, ``.tables`` and
    ``.folders``. The public API cannot create data sources: make them in the Dust app, then fill them."""

    def __init__(self, client: DustClient) -> None:
        super().__init__(client)
        self.documents = Documents(client)
        self.tables = Tables(client)
        self.folders = Folders(client)

    def list(self, space_id: str | None = None, *, options: RequestOptions | None = None) -> DataSourceList:
        """The data sources of a space; without ``space_id``, those of the workspace's global space (by the
        path without a space, as the JS SDK's ``getDataSources`` lists them)."""
        return self._run(calls.list_data_sources_call(self._workspace_id, space_id).with_options(options))

    def create(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError` saying
        where to create a data source instead (the Dust web app)."""
        calls.data_source_management_not_in_public_api("create")

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.data_source_management_not_in_public_api("delete")

    def check_upsert_queue(
        self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None
    ) -> int:
        """How many queued (``async_upsert``) upserts of this data source are still running."""
        call = calls.check_upsert_queue_call(self._workspace_id, space_id, data_source_id)
        return self._run(call.with_options(options))

    def tokenize(
        self, space_id: str | None, data_source_id: str, text: str, *, options: RequestOptions | None = None
    ) -> TokenList:
        """``text`` cut into tokens by the data source's embedding model's tokenizer, as Dust returns them
        (each token a ``[token_id, token_text]`` pair); ``len()`` of it is the token count. ``space_id=None``:
        a data source of the workspace's global space (the path without a space the JS SDK calls)."""
        call = calls.tokenize_call(self._workspace_id, space_id, data_source_id, text)
        return self._run(call.with_options(options))

    def search(
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
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> DataSourcesWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return DataSourcesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DataSourcesWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return DataSourcesWithStreamingResponse(self)


class DataSourcesWithRawResponse:
    """``client.data_sources.with_raw_response`` (and ``.documents``, ``.tables``, ``.folders``)."""

    def __init__(self, data_sources: DataSources) -> None:
        self.documents = data_sources.documents.with_raw_response
        self.tables = data_sources.tables.with_raw_response
        self.folders = data_sources.folders.with_raw_response
        self.list = to_raw_response_wrapper(data_sources.list)
        self.create = to_raw_response_wrapper(data_sources.create)
        self.delete = to_raw_response_wrapper(data_sources.delete)
        self.check_upsert_queue = to_raw_response_wrapper(data_sources.check_upsert_queue)
        self.tokenize = to_raw_response_wrapper(data_sources.tokenize)
        self.search = to_raw_response_wrapper(data_sources.search)


class DataSourcesWithStreamingResponse:
    """``client.data_sources.with_streaming_response`` (and ``.documents``, ``.tables``, ``.folders``)."""

    def __init__(self, data_sources: DataSources) -> None:
        self.documents = data_sources.documents.with_streaming_response
        self.tables = data_sources.tables.with_streaming_response
        self.folders = data_sources.folders.with_streaming_response
        self.list = to_streamed_response_wrapper(data_sources.list)
        self.create = to_streamed_response_wrapper(data_sources.create)
        self.delete = to_streamed_response_wrapper(data_sources.delete)
        self.check_upsert_queue = to_streamed_response_wrapper(data_sources.check_upsert_queue)
        self.tokenize = to_streamed_response_wrapper(data_sources.tokenize)
        self.search = to_streamed_response_wrapper(data_sources.search)
