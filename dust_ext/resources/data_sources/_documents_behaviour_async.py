"""The hand-written methods of ``client.data_sources.documents`` (``_documents_behaviour_sync.py`` is
generated from this file), and their page; the generated ``AsyncDocuments`` (``_documents_async.py``)
inherits them. Each is listed in openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, cast

from dust_ext._core.call import one_call
from dust_ext._core.params import Timestamp
from dust_ext._core.request import RequestOptions
from dust_ext.pagination._async import AsyncPage
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import DEFAULT_PAGE_SIZE, SectionLike
from dust_ext.types.data_sources import Document, DocumentPage


class AsyncDocumentListPage(AsyncPage[Document]):
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


class AsyncDocumentsBehaviour(AsyncResource):
    """``client.data_sources.documents``' pages and upserts."""

    async def list(
        self,
        space_id: str,
        data_source_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        document_ids: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncDocumentListPage:
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
        return AsyncDocumentListPage(self._client, await self._run(call))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> AsyncIterator[Document]:
        """Deprecated: iterate the page ``list(space_id, data_source_id, limit=page_size)`` returns instead.
        Every document of the data source, fetching pages of ``page_size`` as the iteration goes."""
        warnings.warn(
            "documents.iter() is deprecated: iterate the page returned by documents.list(..., limit=page_size)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._every_document(space_id, data_source_id, page_size, options)

    async def _every_document(
        self, space_id: str, data_source_id: str, page_size: int, options: RequestOptions | None
    ) -> AsyncIterator[Document]:
        page = await self.list(space_id, data_source_id, limit=page_size, offset=0, options=options)
        async for document in page:
            yield document

    @one_call
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
        return await self._run(call.with_options(options))
