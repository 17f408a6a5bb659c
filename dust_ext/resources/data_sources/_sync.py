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

import warnings
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, NoReturn, Unpack, cast

from dust_api.types import UNSET, Unset

from dust_ext._core.params import Timestamp
from dust_ext._core.request import RequestOptions
from dust_ext.pagination._sync import Page
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources._folders_sync import Folders
from dust_ext.resources.data_sources.calls import (
    DEFAULT_PAGE_SIZE,
    DataSourceList,
    DataSourceViewList,
    RowLike,
    SearchFilters,
    SearchResultList,
    SectionLike,
    TableList,
    TokenList,
)
from dust_ext.types.data_sources import (
    DataSourceView,
    Document,
    DocumentPage,
    Table,
    TableRow,
    TableRowPage,
)

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient

# --- documents ----------------------------------------------------------------------------------------------


class DocumentListPage(Page[Document]):
    """A page of ``documents.list``: ``.documents`` (this page's, also ``.items``), ``.total`` (the data
    source's document count), ``has_next_page()`` / ``get_next_page()``; iterating it yields every document
    of this page and the following ones, fetching them as it goes. ``.body`` is Dust's answer
    (:class:`~dust_ext.data_sources.DocumentPage`)."""

    @property
    def body(self) -> DocumentPage:
        """This page's answer as Dust sent it."""
        return cast(DocumentPage, self._data.body)

    @property
    def documents(self) -> list[Document]:
        """The documents of this page only."""
        return self.body.documents

    @property
    def total(self) -> int:
        """How many documents the data source holds (that match ``document_ids``, if given)."""
        return self.body.total


class Documents(Resource):
    """Documents of a data source (``client.data_sources.documents``): text Dust chunks and embeds so
    agents can retrieve it. A document is identified by the ``document_id`` you choose; upserting the same
    id replaces it."""

    def list(
        self,
        space_id: str,
        data_source_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        document_ids: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> DocumentListPage:
        """The page of documents at ``offset`` (``limit`` per page; Dust's default is 10): ``.documents``,
        ``.total``. Iterate the page to walk every document from there on, page after page; the next
        pages keep ``limit``, ``document_ids`` and ``options``."""
        call = calls.list_documents_page_call(
            self._workspace_id,
            space_id,
            data_source_id,
            limit=limit,
            offset=offset,
            document_ids=document_ids,
            options=options,
        )
        return DocumentListPage(self._client, self._run(call))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> Iterator[Document]:
        """Deprecated: iterate the page ``list(space_id, data_source_id, limit=page_size)`` returns instead.
        Every document of the data source, fetching pages of ``page_size`` as the iteration goes."""
        warnings.warn(
            "documents.iter() is deprecated: iterate the page returned by documents.list(..., limit=page_size)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._every_document(space_id, data_source_id, page_size, options)

    def _every_document(
        self, space_id: str, data_source_id: str, page_size: int, options: RequestOptions | None
    ) -> Iterator[Document]:
        page = self.list(space_id, data_source_id, limit=page_size, offset=0, options=options)
        yield from page

    def get(
        self, space_id: str, data_source_id: str, document_id: str, *, options: RequestOptions | None = None
    ) -> Document:
        """One document, with its text and chunks."""
        call = calls.get_document_call(self._workspace_id, space_id, data_source_id, document_id)
        return self._run(call.with_options(options))

    def upsert(
        self,
        space_id: str,
        data_source_id: str,
        document_id: str,
        *,
        text: str | None = None,
        section: SectionLike | None = None,
        title: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        tags: Sequence[str] | None = None,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        timestamp: Timestamp | None = None,
        light_document_output: bool | None = None,
        async_upsert: bool | None = None,
        upsert_context: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Document:
        """Create or replace a document from ``text`` or a structured ``section``.

        ``parents`` lists the document's ancestors, itself first (``[document_id, folder_id, ...]``);
        ``timestamp`` (epoch ms or a datetime) dates it for time-filtered search; ``tags`` filter searches;
        ``light_document_output=True`` makes Dust answer only the document's ``hash``, ``text_size``,
        ``chunk_count``, ``token_count`` and ``created``; ``async_upsert=True`` queues the upsert (see
        ``data_sources.check_upsert_queue``) and Dust answers only the id. Either way the result is a
        :class:`~dust_ext.data_sources.Document` whose ``document_id`` is the one upserted.
        """
        payload = calls.document_payload(
            text=text,
            section=section,
            title=title,
            mime_type=mime_type,
            source_url=source_url,
            tags=tags,
            parents=parents,
            parent_id=parent_id,
            timestamp=timestamp,
            light_document_output=light_document_output,
            async_upsert=async_upsert,
            upsert_context=upsert_context,
        )
        call = calls.upsert_document_call(self._workspace_id, space_id, data_source_id, document_id, payload)
        return self._run(call.with_options(options))

    def delete(
        self, space_id: str, data_source_id: str, document_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """Delete a document; True once it is gone (an unknown id raises DustNotFoundError)."""
        call = calls.delete_document_call(self._workspace_id, space_id, data_source_id, document_id)
        return self._run(call.with_options(options))

    def update_parents(
        self,
        space_id: str,
        data_source_id: str,
        document_id: str,
        parents: Sequence[str],
        *,
        parent_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """Move a document in the hierarchy: ``parents`` starts with the document's own id; ``parent_id``
        defaults (server side) to ``parents[1]``."""
        call = calls.update_parents_call(
            self._workspace_id, space_id, data_source_id, document_id, parents, parent_id
        )
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> DocumentsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return DocumentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DocumentsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return DocumentsWithStreamingResponse(self)


class DocumentsWithRawResponse:
    """``client.data_sources.documents.with_raw_response`` (``list``: the first page's response; ``parse()``
    is the page. The deprecated ``iter`` has no raw view)."""

    def __init__(self, documents: Documents) -> None:
        self.list = to_raw_response_wrapper(documents.list)
        self.get = to_raw_response_wrapper(documents.get)
        self.upsert = to_raw_response_wrapper(documents.upsert)
        self.delete = to_raw_response_wrapper(documents.delete)
        self.update_parents = to_raw_response_wrapper(documents.update_parents)


class DocumentsWithStreamingResponse:
    """``client.data_sources.documents.with_streaming_response``."""

    def __init__(self, documents: Documents) -> None:
        self.list = to_streamed_response_wrapper(documents.list)
        self.get = to_streamed_response_wrapper(documents.get)
        self.upsert = to_streamed_response_wrapper(documents.upsert)
        self.delete = to_streamed_response_wrapper(documents.delete)
        self.update_parents = to_streamed_response_wrapper(documents.update_parents)


# --- table rows ---------------------------------------------------------------------------------------------


class TableRowListPage(Page[TableRow]):
    """A page of ``tables.rows.list``: ``.rows`` (this page's, also ``.items``), ``.total`` (the table's
    row count), ``.offset``, ``.limit``, ``has_next_page()`` / ``get_next_page()``; iterating it yields
    every row of this page and the following ones, fetching them as it goes. ``.body`` is Dust's answer
    (:class:`~dust_ext.data_sources.TableRowPage`)."""

    @property
    def body(self) -> TableRowPage:
        """This page's answer as Dust sent it."""
        return cast(TableRowPage, self._data.body)

    @property
    def rows(self) -> list[TableRow]:
        """The rows of this page only."""
        return self.body.rows

    @property
    def offset(self) -> int | None:
        """Where this page starts, as Dust echoes it."""
        return self.body.offset

    @property
    def limit(self) -> int | None:
        """The page size Dust applied."""
        return self.body.limit


class TableRows(Resource):
    """Rows of a table (``client.data_sources.tables.rows``); a row is ``{row_id, value}`` where
    ``value`` maps column names to values."""

    def list(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        options: RequestOptions | None = None,
    ) -> TableRowListPage:
        """The page of rows at ``offset`` (``limit`` per page; Dust's default is 10): ``.rows``,
        ``.total``. Iterate the page to walk every row from there on, page after page; the next pages keep
        ``limit`` and ``options``."""
        call = calls.list_rows_page_call(
            self._workspace_id,
            space_id,
            data_source_id,
            table_id,
            limit=limit,
            offset=offset,
            options=options,
        )
        return TableRowListPage(self._client, self._run(call))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> Iterator[TableRow]:
        """Deprecated: iterate the page ``list(space_id, data_source_id, table_id, limit=page_size)``
        returns instead. Every row of the table, fetching pages of ``page_size`` as the iteration goes."""
        warnings.warn(
            "tables.rows.iter() is deprecated: iterate the page returned by tables.rows.list(..., limit=page_size)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._every_row(space_id, data_source_id, table_id, page_size, options)

    def _every_row(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        page_size: int,
        options: RequestOptions | None,
    ) -> Iterator[TableRow]:
        page = self.list(space_id, data_source_id, table_id, limit=page_size, offset=0, options=options)
        yield from page

    def get(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        row_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> TableRow:
        """One row by its id."""
        call = calls.get_row_call(self._workspace_id, space_id, data_source_id, table_id, row_id)
        return self._run(call.with_options(options))

    def upsert(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        rows: Sequence[RowLike],
        *,
        truncate: bool = False,
        options: RequestOptions | None = None,
    ) -> Table:
        """Insert or replace rows (by ``row_id``); ``truncate=True`` first empties the table. Returns the
        table with its (re-inferred) schema."""
        call = calls.upsert_rows_call(self._workspace_id, space_id, data_source_id, table_id, rows, truncate)
        return self._run(call.with_options(options))

    def delete(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        row_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Delete a row; True once it is gone."""
        call = calls.delete_row_call(self._workspace_id, space_id, data_source_id, table_id, row_id)
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> TableRowsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return TableRowsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TableRowsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return TableRowsWithStreamingResponse(self)


class TableRowsWithRawResponse:
    """``client.data_sources.tables.rows.with_raw_response`` (``list``: the first page's response;
    ``parse()`` is the page. The deprecated ``iter`` has no raw view)."""

    def __init__(self, rows: TableRows) -> None:
        self.list = to_raw_response_wrapper(rows.list)
        self.get = to_raw_response_wrapper(rows.get)
        self.upsert = to_raw_response_wrapper(rows.upsert)
        self.delete = to_raw_response_wrapper(rows.delete)


class TableRowsWithStreamingResponse:
    """``client.data_sources.tables.rows.with_streaming_response``."""

    def __init__(self, rows: TableRows) -> None:
        self.list = to_streamed_response_wrapper(rows.list)
        self.get = to_streamed_response_wrapper(rows.get)
        self.upsert = to_streamed_response_wrapper(rows.upsert)
        self.delete = to_streamed_response_wrapper(rows.delete)


# --- tables -------------------------------------------------------------------------------------------------


class Tables(Resource):
    """Tables of a data source (``client.data_sources.tables``): structured data agents query with SQL.
    Rows are under ``.rows``; ``upsert_from_csv`` fills a table from an uploaded CSV file."""

    def __init__(self, client: DustClient) -> None:
        super().__init__(client)
        self.rows = TableRows(client)

    def list(self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None) -> TableList:
        """The tables of a data source."""
        call = calls.list_tables_call(self._workspace_id, space_id, data_source_id)
        return self._run(call.with_options(options))

    def get(
        self, space_id: str, data_source_id: str, table_id: str, *, options: RequestOptions | None = None
    ) -> Table:
        """One table, with its schema."""
        call = calls.get_table_call(self._workspace_id, space_id, data_source_id, table_id)
        return self._run(call.with_options(options))

    def upsert(
        self,
        space_id: str,
        data_source_id: str,
        *,
        name: str,
        description: str,
        table_id: str | None = None,
        title: str | None = None,
        timestamp: Timestamp | None = None,
        tags: Sequence[str] | None = None,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        options: RequestOptions | None = None,
        **extra: Any,
    ) -> Table:
        """Create or update a table (``table_id`` picks which; Dust generates one if omitted). ``name`` is
        what SQL queries use, ``description`` tells agents what the table holds. Extra keyword arguments
        (e.g. ``remote_database_table_id``) are sent as they are."""
        payload = calls.table_payload(
            name,
            description,
            table_id,
            title,
            timestamp,
            tags,
            parents,
            parent_id,
            mime_type,
            source_url,
            extra,
        )
        call = calls.upsert_table_call(self._workspace_id, space_id, data_source_id, payload)
        return self._run(call.with_options(options))

    def upsert_from_csv(
        self,
        space_id: str,
        data_source_id: str,
        *,
        name: str,
        description: str,
        file_id: str,
        table_id: str | None = None,
        title: str | None = None,
        timestamp: Timestamp | None = None,
        tags: Sequence[str] | None = None,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        truncate: bool | None = None,
        async_upsert: bool | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        options: RequestOptions | None = None,
    ) -> Table | None:
        """Create or replace a table from a CSV file uploaded with ``client.files.upload(...,
        use_case="upsert_table")`` (pass its ``sId`` as ``file_id``). Returns the table; when the upsert
        was queued (``async_upsert=True``) Dust answers only its ``table_id``."""
        payload = calls.csv_payload(
            name,
            description,
            file_id,
            table_id,
            title,
            timestamp,
            tags,
            parents,
            parent_id,
            truncate,
            async_upsert,
            mime_type,
            source_url,
        )
        call = calls.upsert_table_from_csv_call(self._workspace_id, space_id, data_source_id, payload)
        return self._run(call.with_options(options))

    def delete(
        self, space_id: str, data_source_id: str, table_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """Delete a table; True once it is gone."""
        call = calls.delete_table_call(self._workspace_id, space_id, data_source_id, table_id)
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> TablesWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return TablesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TablesWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return TablesWithStreamingResponse(self)


class TablesWithRawResponse:
    """``client.data_sources.tables.with_raw_response`` (rows: ``.rows``)."""

    def __init__(self, tables: Tables) -> None:
        self.rows = tables.rows.with_raw_response
        self.list = to_raw_response_wrapper(tables.list)
        self.get = to_raw_response_wrapper(tables.get)
        self.upsert = to_raw_response_wrapper(tables.upsert)
        self.upsert_from_csv = to_raw_response_wrapper(tables.upsert_from_csv)
        self.delete = to_raw_response_wrapper(tables.delete)


class TablesWithStreamingResponse:
    """``client.data_sources.tables.with_streaming_response`` (rows: ``.rows``)."""

    def __init__(self, tables: Tables) -> None:
        self.rows = tables.rows.with_streaming_response
        self.list = to_streamed_response_wrapper(tables.list)
        self.get = to_streamed_response_wrapper(tables.get)
        self.upsert = to_streamed_response_wrapper(tables.upsert)
        self.upsert_from_csv = to_streamed_response_wrapper(tables.upsert_from_csv)
        self.delete = to_streamed_response_wrapper(tables.delete)


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


# --- data source views --------------------------------------------------------------------------------------


class DataSourceViews(Resource):
    """Data source views (``client.data_source_views``): a data source as exposed in a space, possibly
    restricted to some parents (``parentsIn``). Agents are given views, so a view's restriction is what an
    agent can read."""

    def list(self, space_id: str, *, options: RequestOptions | None = None) -> DataSourceViewList:
        """The views of a space."""
        return self._run(calls.list_views_call(self._workspace_id, space_id).with_options(options))

    def get(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> DataSourceView:
        """One view by its ``sId``."""
        return self._run(calls.get_view_call(self._workspace_id, space_id, view_id).with_options(options))

    def update(
        self,
        space_id: str,
        view_id: str,
        *,
        parents_in: Sequence[str] | Unset | None = UNSET,
        parents_to_add: Sequence[str] | None = None,
        parents_to_remove: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> DataSourceView:
        """Change what the view exposes: ``parents_in=[...]`` sets the nodes (``parents_in=None`` exposes
        the whole data source), or ``parents_to_add``/``parents_to_remove`` adjust the current ones."""
        payload = calls.view_update_payload(parents_in, parents_to_add, parents_to_remove)
        call = calls.update_view_call(self._workspace_id, space_id, view_id, payload)
        return self._run(call.with_options(options))

    def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.no_view_deletion()

    def search(
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
        return self._run(call.with_options(options))

    def find(
        self,
        *,
        data_source_id: str | None = None,
        kind: str | None = None,
        space_id: str | None = None,
        space_kind: str | None = None,
        options: RequestOptions | None = None,
    ) -> DataSourceViewList:
        """Views across the workspace, filtered by data source, view kind (``default``/``custom``), space or
        space kind."""
        call = calls.find_views_call(
            self._workspace_id,
            data_source_id=data_source_id,
            kind=kind,
            space_id=space_id,
            space_kind=space_kind,
        )
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> DataSourceViewsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return DataSourceViewsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DataSourceViewsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return DataSourceViewsWithStreamingResponse(self)


class DataSourceViewsWithRawResponse:
    """``client.data_source_views.with_raw_response``."""

    def __init__(self, views: DataSourceViews) -> None:
        self.list = to_raw_response_wrapper(views.list)
        self.get = to_raw_response_wrapper(views.get)
        self.update = to_raw_response_wrapper(views.update)
        self.delete = to_raw_response_wrapper(views.delete)
        self.search = to_raw_response_wrapper(views.search)
        self.find = to_raw_response_wrapper(views.find)


class DataSourceViewsWithStreamingResponse:
    """``client.data_source_views.with_streaming_response``."""

    def __init__(self, views: DataSourceViews) -> None:
        self.list = to_streamed_response_wrapper(views.list)
        self.get = to_streamed_response_wrapper(views.get)
        self.update = to_streamed_response_wrapper(views.update)
        self.delete = to_streamed_response_wrapper(views.delete)
        self.search = to_streamed_response_wrapper(views.search)
        self.find = to_streamed_response_wrapper(views.find)
