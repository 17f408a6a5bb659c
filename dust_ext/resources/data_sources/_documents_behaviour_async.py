"""The hand-written methods of ``client.data_sources.documents`` (``_documents_behaviour_sync.py`` is
generated from this file); the generated ``AsyncDocuments`` (``_documents_async.py``, with the page of
``list``) inherits them. Each is listed in openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dust_ext._core.params import Timestamp
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import SectionLike
from dust_ext.types.data_sources import Document


class AsyncDocumentsBehaviour(AsyncResource):
    """``client.data_sources.documents``' upserts."""

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
