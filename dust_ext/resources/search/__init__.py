"""``client.search``: find documents, tables and folders across the workspace. ``_async.py`` is generated from
openapi/ (make generate) and inherits the hand-written methods of ``_behaviour_async.py``; the blocking
twins come from make unasync; the stream's request and frame decoding are in ``calls.py``.

Workspace search looks at node titles (and optionally source URLs) in every data source the key can see,
and returns *content nodes*; to search inside documents' text, use ``client.data_sources.search`` or
``client.data_source_views.search``. :meth:`Search.nodes` returns a page (iterate it to walk every page); :meth:`Search.stream_nodes`
reads the server-sent-events variant, yielding results as the server finds them.
"""

from dust_ext.resources.search._async import (
    AsyncNodeSearchResultPage,
    AsyncSearch,
    AsyncSearchWithRawResponse,
    AsyncSearchWithStreamingResponse,
)
from dust_ext.resources.search._sync import (
    NodeSearchResultPage,
    Search,
    SearchWithRawResponse,
    SearchWithStreamingResponse,
)
from dust_ext.resources.search.calls import (
    ViewType,
    decode_search_frame,
    stream_request,
    view_type_value,
)

__all__ = [
    "AsyncNodeSearchResultPage",
    "AsyncSearch",
    "AsyncSearchWithRawResponse",
    "AsyncSearchWithStreamingResponse",
    "NodeSearchResultPage",
    "Search",
    "SearchWithRawResponse",
    "SearchWithStreamingResponse",
    "ViewType",
    "decode_search_frame",
    "stream_request",
    "view_type_value",
]
