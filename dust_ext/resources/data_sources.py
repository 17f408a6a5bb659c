"""``client.data_sources`` and ``client.data_source_views``: Dust's knowledge, read and written.

A *data source* holds documents (``.documents``), tables (``.tables``, with their ``.rows``) and folders
(``.folders``); every call names the space the data source lives in and the data source's id (see
:mod:`dust_ext.data_sources.models` for these concepts). ``data_sources.list``, ``tokenize`` and
``folders.upsert`` / ``delete`` also take ``space_id=None``: the workspace's global space, reached by the paths
without a space segment (``/w/{wId}/data_sources/...``) that Dust serves and the official JS SDK calls. A *data source view* exposes a data source in a
space, possibly restricted to some parents; agents search views.

The requests are built by :mod:`dust_ext.data_sources.calls`; the sync and async classes here only run them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from dust_api.types import UNSET, Unset

from dust_ext._http import RequestOptions
from dust_ext.data_sources import calls
from dust_ext.data_sources.calls import (
    DataSourceList,
    DataSourceViewList,
    RowLike,
    SearchResultList,
    SectionLike,
    TableList,
    Timestamp,
    TokenList,
)
from dust_ext.data_sources.models import (
    DataSourceView,
    Document,
    DocumentPage,
    Folder,
    Table,
    TableRow,
    TableRowPage,
)
from dust_ext.exceptions import DustNotSupportedError
from dust_ext.resources._base import AsyncResource, Resource

if TYPE_CHECKING:
    from dust_ext._client import AsyncDustClient, DustClient

DEFAULT_PAGE_SIZE = 100


def _folder_payload(
    title: str,
    parents: Sequence[str] | None,
    parent_id: str | None,
    mime_type: str | None,
    source_url: str | None,
    timestamp: Timestamp | None,
    provider_visibility: str | None,
) -> dict[str, Any]:
    return calls.compact(
        title=title,
        parents=calls.as_list(parents),
        parent_id=parent_id,
        mime_type=mime_type,
        source_url=source_url,
        timestamp=calls.epoch_ms(timestamp) if timestamp is not None else None,
        provider_visibility=provider_visibility,
    )


def _table_payload(
    name: str,
    description: str,
    table_id: str | None,
    title: str | None,
    timestamp: Timestamp | None,
    tags: Sequence[str] | None,
    parents: Sequence[str] | None,
    parent_id: str | None,
    mime_type: str | None,
    source_url: str | None,
    extra: Mapping[str, Any],
) -> dict[str, Any]:
    return calls.compact(
        name=name,
        description=description,
        table_id=table_id,
        title=title,
        timestamp=calls.epoch_ms(timestamp) if timestamp is not None else None,
        tags=calls.as_list(tags),
        parents=calls.as_list(parents),
        parent_id=parent_id,
        mime_type=mime_type,
        source_url=source_url,
        **extra,
    )


def _csv_payload(
    name: str,
    description: str,
    file_id: str,
    table_id: str | None,
    title: str | None,
    timestamp: Timestamp | None,
    tags: Sequence[str] | None,
    parents: Sequence[str] | None,
    parent_id: str | None,
    truncate: bool | None,
    async_upsert: bool | None,
    mime_type: str | None,
    source_url: str | None,
) -> dict[str, Any]:
    # This endpoint spells its fields in camelCase, unlike the JSON table upsert.
    return calls.compact(
        name=name,
        description=description,
        fileId=file_id,
        tableId=table_id,
        title=title,
        timestamp=calls.epoch_ms(timestamp) if timestamp is not None else None,
        tags=calls.as_list(tags),
        parents=calls.as_list(parents),
        parentId=parent_id,
        truncate=truncate,
        mimeType=mime_type,
        sourceUrl=source_url,
        **({"async": async_upsert} if async_upsert is not None else {}),
    )


# --- documents ----------------------------------------------------------------------------------------------


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
    ) -> DocumentPage:
        """One page of documents (``.documents``) and the data source's document count (``.total``); see
        :meth:`iter` to walk every page."""
        call = calls.list_documents_call(
            self._workspace_id,
            space_id,
            data_source_id,
            limit=limit,
            offset=offset,
            document_ids=document_ids,
        )
        return self._run(call.with_options(options))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> Iterator[Document]:
        """Every document of the data source, fetching pages of ``page_size`` as the iteration goes."""
        offset: int | None = 0
        while offset is not None:
            page = self.list(space_id, data_source_id, limit=page_size, offset=offset, options=options)
            yield from page.documents
            offset = calls.next_offset(offset, len(page.documents), page_size, page.total)

    def get(
        self, space_id: str, data_source_id: str, document_id: str, *, options: RequestOptions | None = None
    ) -> Document:
        """One document, with its text and chunks."""
        return self._run(
            calls.get_document_call(self._workspace_id, space_id, data_source_id, document_id).with_options(
                options
            )
        )

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
        :meth:`DataSources.check_upsert_queue`) and Dust answers only the id. Either way the result is a
        :class:`Document` whose ``document_id`` is the one upserted.
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
        return self._run(
            calls.delete_document_call(
                self._workspace_id, space_id, data_source_id, document_id
            ).with_options(options)
        )

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


class AsyncDocuments(AsyncResource):
    """Documents of a data source (asyncio); see :class:`Documents`."""

    async def list(
        self,
        space_id: str,
        data_source_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        document_ids: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> DocumentPage:
        """See :meth:`Documents.list`."""
        call = calls.list_documents_call(
            self._workspace_id,
            space_id,
            data_source_id,
            limit=limit,
            offset=offset,
            document_ids=document_ids,
        )
        return await self._run(call.with_options(options))

    async def iter(
        self,
        space_id: str,
        data_source_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> AsyncIterator[Document]:
        """See :meth:`Documents.iter` (use ``async for``)."""
        offset: int | None = 0
        while offset is not None:
            page = await self.list(space_id, data_source_id, limit=page_size, offset=offset, options=options)
            for document in page.documents:
                yield document
            offset = calls.next_offset(offset, len(page.documents), page_size, page.total)

    async def get(
        self, space_id: str, data_source_id: str, document_id: str, *, options: RequestOptions | None = None
    ) -> Document:
        """See :meth:`Documents.get`."""
        return await self._run(
            calls.get_document_call(self._workspace_id, space_id, data_source_id, document_id).with_options(
                options
            )
        )

    async def upsert(
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
        """See :meth:`Documents.upsert`."""
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
        return await self._run(call.with_options(options))

    async def delete(
        self, space_id: str, data_source_id: str, document_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """See :meth:`Documents.delete`."""
        return await self._run(
            calls.delete_document_call(
                self._workspace_id, space_id, data_source_id, document_id
            ).with_options(options)
        )

    async def update_parents(
        self,
        space_id: str,
        data_source_id: str,
        document_id: str,
        parents: Sequence[str],
        *,
        parent_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Documents.update_parents`."""
        call = calls.update_parents_call(
            self._workspace_id, space_id, data_source_id, document_id, parents, parent_id
        )
        return await self._run(call.with_options(options))


# --- folders ------------------------------------------------------------------------------------------------


class Folders(Resource):
    """Folders of a data source (``client.data_sources.folders``): nodes that organise documents and
    tables; give their id in a document's or table's ``parents``."""

    def upsert(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        title: str,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        timestamp: Timestamp | None = None,
        provider_visibility: str | None = None,
        options: RequestOptions | None = None,
    ) -> Folder:
        """Create or replace a folder; ``parents`` starts with ``folder_id`` itself. ``space_id=None``: the
        workspace's global space (the path without a space, as the JS SDK's ``upsertFolder`` calls it)."""
        payload = _folder_payload(
            title, parents, parent_id, mime_type, source_url, timestamp, provider_visibility
        )
        call = calls.upsert_folder_call(self._workspace_id, space_id, data_source_id, folder_id, payload)
        return self._run(call.with_options(options))

    def delete(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Delete a folder; True once it is gone. ``space_id=None``: the workspace's global space."""
        return self._run(
            calls.delete_folder_call(self._workspace_id, space_id, data_source_id, folder_id).with_options(
                options
            )
        )


class AsyncFolders(AsyncResource):
    """Folders of a data source (asyncio); see :class:`Folders`."""

    async def upsert(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        title: str,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        timestamp: Timestamp | None = None,
        provider_visibility: str | None = None,
        options: RequestOptions | None = None,
    ) -> Folder:
        """See :meth:`Folders.upsert`."""
        payload = _folder_payload(
            title, parents, parent_id, mime_type, source_url, timestamp, provider_visibility
        )
        call = calls.upsert_folder_call(self._workspace_id, space_id, data_source_id, folder_id, payload)
        return await self._run(call.with_options(options))

    async def delete(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Folders.delete`."""
        return await self._run(
            calls.delete_folder_call(self._workspace_id, space_id, data_source_id, folder_id).with_options(
                options
            )
        )


# --- table rows ---------------------------------------------------------------------------------------------


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
    ) -> TableRowPage:
        """One page of rows (``.rows``, with ``.total``); see :meth:`iter` to walk them all."""
        call = calls.list_rows_call(
            self._workspace_id, space_id, data_source_id, table_id, limit=limit, offset=offset
        )
        return self._run(call.with_options(options))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> Iterator[TableRow]:
        """Every row of the table, fetching pages of ``page_size`` as the iteration goes."""
        offset: int | None = 0
        while offset is not None:
            page = self.list(
                space_id, data_source_id, table_id, limit=page_size, offset=offset, options=options
            )
            yield from page.rows
            offset = calls.next_offset(offset, len(page.rows), page_size, page.total)

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


class AsyncTableRows(AsyncResource):
    """Rows of a table (asyncio); see :class:`TableRows`."""

    async def list(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        options: RequestOptions | None = None,
    ) -> TableRowPage:
        """See :meth:`TableRows.list`."""
        call = calls.list_rows_call(
            self._workspace_id, space_id, data_source_id, table_id, limit=limit, offset=offset
        )
        return await self._run(call.with_options(options))

    async def iter(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> AsyncIterator[TableRow]:
        """See :meth:`TableRows.iter` (use ``async for``)."""
        offset: int | None = 0
        while offset is not None:
            page = await self.list(
                space_id, data_source_id, table_id, limit=page_size, offset=offset, options=options
            )
            for row in page.rows:
                yield row
            offset = calls.next_offset(offset, len(page.rows), page_size, page.total)

    async def get(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        row_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> TableRow:
        """See :meth:`TableRows.get`."""
        call = calls.get_row_call(self._workspace_id, space_id, data_source_id, table_id, row_id)
        return await self._run(call.with_options(options))

    async def upsert(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        rows: Sequence[RowLike],
        *,
        truncate: bool = False,
        options: RequestOptions | None = None,
    ) -> Table:
        """See :meth:`TableRows.upsert`."""
        call = calls.upsert_rows_call(self._workspace_id, space_id, data_source_id, table_id, rows, truncate)
        return await self._run(call.with_options(options))

    async def delete(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        row_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`TableRows.delete`."""
        call = calls.delete_row_call(self._workspace_id, space_id, data_source_id, table_id, row_id)
        return await self._run(call.with_options(options))


# --- tables -------------------------------------------------------------------------------------------------


class Tables(Resource):
    """Tables of a data source (``client.data_sources.tables``): structured data agents query with SQL.
    Rows are under ``.rows``; :meth:`upsert_from_csv` fills a table from an uploaded CSV file."""

    def __init__(self, client: DustClient) -> None:
        super().__init__(client)
        self.rows = TableRows(client)

    def list(self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None) -> TableList:
        """The tables of a data source."""
        return self._run(
            calls.list_tables_call(self._workspace_id, space_id, data_source_id).with_options(options)
        )

    def get(
        self, space_id: str, data_source_id: str, table_id: str, *, options: RequestOptions | None = None
    ) -> Table:
        """One table, with its schema."""
        return self._run(
            calls.get_table_call(self._workspace_id, space_id, data_source_id, table_id).with_options(options)
        )

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
        payload = _table_payload(
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
        return self._run(
            calls.upsert_table_call(self._workspace_id, space_id, data_source_id, payload).with_options(
                options
            )
        )

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
        payload = _csv_payload(
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
        """Delete a table and its rows; True once it is gone."""
        return self._run(
            calls.delete_table_call(self._workspace_id, space_id, data_source_id, table_id).with_options(
                options
            )
        )


class AsyncTables(AsyncResource):
    """Tables of a data source (asyncio); see :class:`Tables`."""

    def __init__(self, client: AsyncDustClient) -> None:
        super().__init__(client)
        self.rows = AsyncTableRows(client)

    async def list(
        self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None
    ) -> TableList:
        """See :meth:`Tables.list`."""
        return await self._run(
            calls.list_tables_call(self._workspace_id, space_id, data_source_id).with_options(options)
        )

    async def get(
        self, space_id: str, data_source_id: str, table_id: str, *, options: RequestOptions | None = None
    ) -> Table:
        """See :meth:`Tables.get`."""
        return await self._run(
            calls.get_table_call(self._workspace_id, space_id, data_source_id, table_id).with_options(options)
        )

    async def upsert(
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
        """See :meth:`Tables.upsert`."""
        payload = _table_payload(
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
        return await self._run(
            calls.upsert_table_call(self._workspace_id, space_id, data_source_id, payload).with_options(
                options
            )
        )

    async def upsert_from_csv(
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
        """See :meth:`Tables.upsert_from_csv`."""
        payload = _csv_payload(
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
        return await self._run(call.with_options(options))

    async def delete(
        self, space_id: str, data_source_id: str, table_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """See :meth:`Tables.delete`."""
        return await self._run(
            calls.delete_table_call(self._workspace_id, space_id, data_source_id, table_id).with_options(
                options
            )
        )


def _data_source_management_not_in_public_api(operation: str) -> NoReturn:
    raise DustNotSupportedError(
        f"data_sources.{operation}() is not available: Dust's public API (v1) cannot {operation} a data "
        "source. Create it in the Dust web app (in a space: add a folder, or connect a tool such as Notion "
        "or Google Drive); then find its id with data_sources.list(space_id) and fill it with "
        "data_sources.documents.upsert(...) / data_sources.tables.upsert(...)."
    )


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
        _data_source_management_not_in_public_api("create")

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _data_source_management_not_in_public_api("delete")

    def check_upsert_queue(
        self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None
    ) -> int:
        """How many queued (``async_upsert``) upserts of this data source are still running."""
        return self._run(
            calls.check_upsert_queue_call(self._workspace_id, space_id, data_source_id).with_options(options)
        )

    def tokenize(
        self, space_id: str | None, data_source_id: str, text: str, *, options: RequestOptions | None = None
    ) -> TokenList:
        """``text`` cut into tokens by the data source's embedding model's tokenizer, as Dust returns them
        (each token a ``[token_id, token_text]`` pair); ``len()`` of it is the token count. ``space_id=None``:
        a data source of the workspace's global space (the path without a space the JS SDK calls)."""
        return self._run(
            calls.tokenize_call(self._workspace_id, space_id, data_source_id, text).with_options(options)
        )

    def search(
        self,
        space_id: str,
        data_source_id: str,
        query: str,
        *,
        top_k: int = 10,
        full_text: bool = False,
        target_document_tokens: int | None = None,
        timestamp_gt: Timestamp | None = None,
        timestamp_lt: Timestamp | None = None,
        tags_in: Sequence[str] | None = None,
        tags_not: Sequence[str] | None = None,
        parents_in: Sequence[str] | None = None,
        parents_not: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> SearchResultList:
        """Semantic search in one data source: the ``top_k`` best documents with their matching chunks
        (``full_text=True`` adds each document's whole text). Filters narrow by time, tags and parents."""
        call = calls.search_call(
            self._workspace_id,
            space_id,
            data_source_id,
            query,
            top_k=top_k,
            full_text=full_text,
            target_document_tokens=target_document_tokens,
            timestamp_gt=timestamp_gt,
            timestamp_lt=timestamp_lt,
            tags_in=tags_in,
            tags_not=tags_not,
            parents_in=parents_in,
            parents_not=parents_not,
        )
        return self._run(call.with_options(options))


class AsyncDataSources(AsyncResource):
    """Data sources of a space (asyncio); see :class:`DataSources`."""

    def __init__(self, client: AsyncDustClient) -> None:
        super().__init__(client)
        self.documents = AsyncDocuments(client)
        self.tables = AsyncTables(client)
        self.folders = AsyncFolders(client)

    async def list(
        self, space_id: str | None = None, *, options: RequestOptions | None = None
    ) -> DataSourceList:
        """See :meth:`DataSources.list`."""
        return await self._run(
            calls.list_data_sources_call(self._workspace_id, space_id).with_options(options)
        )

    async def create(self, *args: Any, **kwargs: Any) -> NoReturn:
        """See :meth:`DataSources.create`."""
        _data_source_management_not_in_public_api("create")

    async def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """See :meth:`DataSources.delete`."""
        _data_source_management_not_in_public_api("delete")

    async def check_upsert_queue(
        self, space_id: str, data_source_id: str, *, options: RequestOptions | None = None
    ) -> int:
        """See :meth:`DataSources.check_upsert_queue`."""
        return await self._run(
            calls.check_upsert_queue_call(self._workspace_id, space_id, data_source_id).with_options(options)
        )

    async def tokenize(
        self, space_id: str | None, data_source_id: str, text: str, *, options: RequestOptions | None = None
    ) -> TokenList:
        """See :meth:`DataSources.tokenize`."""
        return await self._run(
            calls.tokenize_call(self._workspace_id, space_id, data_source_id, text).with_options(options)
        )

    async def search(
        self,
        space_id: str,
        data_source_id: str,
        query: str,
        *,
        top_k: int = 10,
        full_text: bool = False,
        target_document_tokens: int | None = None,
        timestamp_gt: Timestamp | None = None,
        timestamp_lt: Timestamp | None = None,
        tags_in: Sequence[str] | None = None,
        tags_not: Sequence[str] | None = None,
        parents_in: Sequence[str] | None = None,
        parents_not: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> SearchResultList:
        """See :meth:`DataSources.search`."""
        call = calls.search_call(
            self._workspace_id,
            space_id,
            data_source_id,
            query,
            top_k=top_k,
            full_text=full_text,
            target_document_tokens=target_document_tokens,
            timestamp_gt=timestamp_gt,
            timestamp_lt=timestamp_lt,
            tags_in=tags_in,
            tags_not=tags_not,
            parents_in=parents_in,
            parents_not=parents_not,
        )
        return await self._run(call.with_options(options))


# --- data source views --------------------------------------------------------------------------------------


def _no_view_deletion() -> NoReturn:
    # Dust registers only GET and PATCH on .../data_source_views/{dsvId} (front-api handler).
    raise DustNotSupportedError(
        "data_source_views.delete() is not available: Dust's public API (v1) cannot delete a data source "
        "view. Narrow what it exposes with data_source_views.update(parents_in=[...]), or delete the data "
        "source's content."
    )


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
        return self._run(
            calls.update_view_call(self._workspace_id, space_id, view_id, payload).with_options(options)
        )

    def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _no_view_deletion()

    def search(
        self,
        space_id: str,
        view_id: str,
        query: str,
        *,
        top_k: int = 10,
        full_text: bool = False,
        target_document_tokens: int | None = None,
        timestamp_gt: Timestamp | None = None,
        timestamp_lt: Timestamp | None = None,
        tags_in: Sequence[str] | None = None,
        tags_not: Sequence[str] | None = None,
        parents_in: Sequence[str] | None = None,
        parents_not: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> SearchResultList:
        """Semantic search within what the view exposes; see :meth:`DataSources.search`."""
        call = calls.search_call(
            self._workspace_id,
            space_id,
            view_id,
            query,
            top_k=top_k,
            full_text=full_text,
            target_document_tokens=target_document_tokens,
            timestamp_gt=timestamp_gt,
            timestamp_lt=timestamp_lt,
            tags_in=tags_in,
            tags_not=tags_not,
            parents_in=parents_in,
            parents_not=parents_not,
            view=True,
        )
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


class AsyncDataSourceViews(AsyncResource):
    """Data source views (asyncio); see :class:`DataSourceViews`."""

    async def list(self, space_id: str, *, options: RequestOptions | None = None) -> DataSourceViewList:
        """See :meth:`DataSourceViews.list`."""
        return await self._run(calls.list_views_call(self._workspace_id, space_id).with_options(options))

    async def get(
        self, space_id: str, view_id: str, *, options: RequestOptions | None = None
    ) -> DataSourceView:
        """See :meth:`DataSourceViews.get`."""
        return await self._run(
            calls.get_view_call(self._workspace_id, space_id, view_id).with_options(options)
        )

    async def update(
        self,
        space_id: str,
        view_id: str,
        *,
        parents_in: Sequence[str] | Unset | None = UNSET,
        parents_to_add: Sequence[str] | None = None,
        parents_to_remove: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> DataSourceView:
        """See :meth:`DataSourceViews.update`."""
        payload = calls.view_update_payload(parents_in, parents_to_add, parents_to_remove)
        return await self._run(
            calls.update_view_call(self._workspace_id, space_id, view_id, payload).with_options(options)
        )

    async def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _no_view_deletion()

    async def search(
        self,
        space_id: str,
        view_id: str,
        query: str,
        *,
        top_k: int = 10,
        full_text: bool = False,
        target_document_tokens: int | None = None,
        timestamp_gt: Timestamp | None = None,
        timestamp_lt: Timestamp | None = None,
        tags_in: Sequence[str] | None = None,
        tags_not: Sequence[str] | None = None,
        parents_in: Sequence[str] | None = None,
        parents_not: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> SearchResultList:
        """See :meth:`DataSourceViews.search`."""
        call = calls.search_call(
            self._workspace_id,
            space_id,
            view_id,
            query,
            top_k=top_k,
            full_text=full_text,
            target_document_tokens=target_document_tokens,
            timestamp_gt=timestamp_gt,
            timestamp_lt=timestamp_lt,
            tags_in=tags_in,
            tags_not=tags_not,
            parents_in=parents_in,
            parents_not=parents_not,
            view=True,
        )
        return await self._run(call.with_options(options))

    async def find(
        self,
        *,
        data_source_id: str | None = None,
        kind: str | None = None,
        space_id: str | None = None,
        space_kind: str | None = None,
        options: RequestOptions | None = None,
    ) -> DataSourceViewList:
        """See :meth:`DataSourceViews.find`."""
        call = calls.find_views_call(
            self._workspace_id,
            data_source_id=data_source_id,
            kind=kind,
            space_id=space_id,
            space_kind=space_kind,
        )
        return await self._run(call.with_options(options))
