"""The hand-written methods of ``client.search`` (``_behaviour_sync.py`` is generated from this file), and
their page; the generated ``AsyncSearch`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml
with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._async import AsyncStream
from dust_ext._streaming.flow import StreamRequest
from dust_ext._streaming.session import SingleConnection
from dust_ext.pagination._async import AsyncPage
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.search.calls import SearchFrameReader, ViewType, nodes_page_call, stream_request
from dust_ext.types.search import ContentNode, NodeSearchEvent, NodeSearchPage


class AsyncNodeSearchResultPage(AsyncPage[ContentNode]):
    """A page of ``search.nodes``: ``.nodes`` (this page's, also ``.items``), ``.nextPageCursor``,
    ``.resultsCount``, ``.warningCode``, ``has_next_page()`` / ``get_next_page()``; iterating it yields
    every node of this page and the following ones, fetching them as it goes. ``.body`` is Dust's answer
    (:class:`~dust_ext.data_sources.NodeSearchPage`)."""

    @property
    def body(self) -> NodeSearchPage:
        """This page's answer as Dust sent it."""
        return cast(NodeSearchPage, self._data.body)

    @property
    def nodes(self) -> list[ContentNode]:
        """The nodes of this page only."""
        return self.body.nodes

    @property
    def nextPageCursor(self) -> str | None:  # Dust's spelling, as on NodeSearchPage
        """The cursor of the next page, as Dust sent it (``None`` on the last page)."""
        return self.body.nextPageCursor

    @property
    def resultsCount(self) -> int | None:  # Dust's spelling, as on NodeSearchPage
        """How many nodes Dust says it found, when it says."""
        return self.body.resultsCount

    @property
    def warningCode(self) -> str | None:  # Dust's spelling, as on NodeSearchPage
        """Dust's warning about this search (e.g. a truncated result), if any."""
        return self.body.warningCode


class AsyncSearchBehaviour(AsyncResource):
    """``client.search``' page of nodes and its streamed variant."""

    async def nodes(
        self,
        query: str,
        *,
        space_ids: Sequence[str] | None = None,
        view_type: ViewType | None = None,
        include_data_sources: bool | None = None,
        node_ids: Sequence[str] | None = None,
        search_source_urls: bool | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncNodeSearchResultPage:
        """The page of nodes whose title matches ``query`` (``.nodes``), in ``space_ids`` if given;
        ``view_type`` keeps only documents or tables. Iterate the page to walk every match, page after page
        (Dust's ``nextPageCursor``); or pass ``.nextPageCursor`` back as ``cursor`` yourself."""
        call = nodes_page_call(
            self._workspace_id,
            query,
            space_ids=space_ids,
            view_type=view_type,
            include_data_sources=include_data_sources,
            node_ids=node_ids,
            search_source_urls=search_source_urls,
            limit=limit,
            cursor=cursor,
            options=options,
        )
        return AsyncNodeSearchResultPage(self._client, await self._run(call))

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
