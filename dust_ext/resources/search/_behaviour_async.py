"""The hand-written methods of ``client.search`` (``_behaviour_sync.py`` is generated from this file); the
generated ``AsyncSearch`` (``_async.py``, with the page of ``nodes``) inherits them. Each is listed in
openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Sequence

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._async import AsyncStream
from dust_ext._streaming.flow import StreamRequest
from dust_ext._streaming.session import SingleConnection
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.search.calls import SearchFrameReader, ViewType, stream_request
from dust_ext.types.search import NodeSearchEvent


class AsyncSearchBehaviour(AsyncResource):
    """``client.search``' streamed search (the page of nodes, ``nodes``, is generated)."""

    def stream_nodes(
        self,
        query: str,
        *,
        space_ids: Sequence[str] | None = None,
        view_type: ViewType | None = None,
        include_data_sources: bool | None = None,
        search_source_urls: bool | None = None,
        include_tools: bool | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncStream[NodeSearchEvent]:
        """The streamed search (server-sent events): yields each :class:`NodeSearchEvent` as it arrives:
        first the ``knowledge_results`` (``event.nodes``, ``event.nextPageCursor``), then any
        ``tool_results`` (``include_tools``). With ``AsyncDustClient``, iterate with ``async for``. The
        request is sent when iteration starts, so errors (e.g. a query shorter than 3 characters) are
        raised by the first ``next()``."""
        path, params = stream_request(
            self._workspace_id,
            query,
            space_ids=space_ids,
            view_type=view_type,
            include_data_sources=include_data_sources,
            search_source_urls=search_source_urls,
            include_tools=include_tools,
            limit=limit,
            cursor=cursor,
        )
        connection = SingleConnection(StreamRequest("GET", path), SearchFrameReader, params, options)
        return AsyncStream(self._client.http, connection, self._client.sleep)
