# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.search``: workspace search, one page at a time or streamed (``_sync.py`` is generated from this
file)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import cast

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.session import SingleConnection
from dust_ext.pagination._sync import Page
from dust_ext.resources._base._sync import (
    Resource,
    stream_to_raw_response_wrapper,
    stream_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.search.calls import SearchFrameReader, ViewType, nodes_page_call, stream_request
from dust_ext.types.search import ContentNode, NodeSearchEvent, NodeSearchPage


class NodeSearchResultPage(Page[ContentNode]):
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


class Search(Resource):
    """Workspace search: ``client.search``."""

    def nodes(
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
    ) -> NodeSearchResultPage:
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
        return NodeSearchResultPage(self._client, self._run(call))

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
    ) -> Stream[NodeSearchEvent]:
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
        connection = SingleConnection("GET", path, SearchFrameReader, params=params, options=options)
        return Stream(self._client.http, connection, self._client.sleep)

    @cached_property
    def with_raw_response(self) -> SearchWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return SearchWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SearchWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return SearchWithStreamingResponse(self)


class SearchWithRawResponse:
    """``client.search.with_raw_response`` (``nodes``: the first page's response, ``parse()`` is the page;
    ``stream_nodes``: the stream's response, the request sent at once; ``parse()`` is the stream)."""

    def __init__(self, search: Search) -> None:
        self.nodes = to_raw_response_wrapper(search.nodes)
        self.stream_nodes = stream_to_raw_response_wrapper(search.stream_nodes)


class SearchWithStreamingResponse:
    """``client.search.with_streaming_response``."""

    def __init__(self, search: Search) -> None:
        self.nodes = to_streamed_response_wrapper(search.nodes)
        self.stream_nodes = stream_to_streamed_response_wrapper(search.stream_nodes)
