# Generated from _documents_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.data_sources.documents`` (``_documents_behaviour_sync.py`` is
generated from this file), and their page; the generated ``AsyncDocuments`` (``_documents_async.py``)
inherits them. Each is listed in openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import cast

from dust_ext._core.request import RequestOptions
from dust_ext.pagination._sync import Page
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import DEFAULT_PAGE_SIZE
from dust_ext.types.data_sources import Document, DocumentPage


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


class DocumentsBehaviour(Resource):
    """``client.data_sources.documents``' pages and upserts."""

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
