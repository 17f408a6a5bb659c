# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.search``: workspace search, one page at a time or streamed (``_sync.py`` is generated from this
file)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

from dust_ext._core.request import RequestOptions
from dust_ext._streaming import iter_messages, open_stream
from dust_ext.data_sources.models import NodeSearchEvent, NodeSearchPage
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.search.calls import ViewType, decode_search_frame, nodes_call, stream_request


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
    ) -> NodeSearchPage:
        """Nodes whose title matches ``query`` (``.nodes``), in ``space_ids`` if given; ``view_type``
        keeps only documents or tables; pass ``.nextPageCursor`` back as ``cursor`` for the next page."""
        call = nodes_call(
            self._workspace_id,
            query,
            space_ids=space_ids,
            view_type=view_type,
            include_data_sources=include_data_sources,
            node_ids=node_ids,
            search_source_urls=search_source_urls,
            limit=limit,
            cursor=cursor,
        )
        return self._run(call.with_options(options))

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
    ) -> Iterator[NodeSearchEvent]:
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
        with open_stream(self._client.http, "GET", path, params=params, options=options) as response:
            url = str(response.request.url)
            for sse in iter_messages(response.iter_bytes(), method="GET", url=url):
                event = decode_search_frame(sse, url)
                if event is not None:
                    yield event

    @cached_property
    def with_raw_response(self) -> SearchWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return SearchWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SearchWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return SearchWithStreamingResponse(self)


class SearchWithRawResponse:
    """``client.search.with_raw_response`` (``stream_nodes`` yields events, it has no single response)."""

    def __init__(self, search: Search) -> None:
        self.nodes = to_raw_response_wrapper(search.nodes)


class SearchWithStreamingResponse:
    """``client.search.with_streaming_response``."""

    def __init__(self, search: Search) -> None:
        self.nodes = to_streamed_response_wrapper(search.nodes)
