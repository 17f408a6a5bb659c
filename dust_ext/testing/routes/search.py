"""Search: documents of one data source or data source view, and nodes across the workspace (JSON and SSE).

Document search ranks by word overlap (``_search.rank_documents``). Workspace search matches node titles
(documents, tables, folders): every query word must appear in the title (or the source URL when asked).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from dust_ext.testing._data_state import StoredView, default_view_id, knowledge_of
from dust_ext.testing._errors import invalid_request
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._search import ScoredDocument, rank_documents, words
from dust_ext.testing._sse import encode_frame
from dust_ext.testing._state import DataSource, Document, Workspace
from dust_ext.testing._validation import optional_bool, read_json_object, required_str
from dust_ext.testing.routes.data_source_views import view_of
from dust_ext.testing.routes.data_sources import data_source_of

JSONObject = dict[str, Any]
MIN_STREAM_QUERY = 3


def _hit_json(hit: ScoredDocument, full_text: bool) -> JSONObject:
    rendered = hit.document.to_json(light=True)
    rendered["score"] = hit.score
    rendered["chunks"] = [
        {"text": hit.document.text, "hash": rendered["hash"], "offset": 0, "score": hit.score}
    ]
    if full_text:
        rendered["text"] = hit.document.text
    return rendered


def _query_number(request: Request, key: str) -> float | None:
    text = request.query_params.get(key)
    if text is None or text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise invalid_request(f"Invalid query parameter `{key}`: {text!r} is not a number.") from None


def _top_k(request: Request) -> int:
    value = _query_number(request, "top_k")
    if value is None:
        return 10
    if value != value or value < 1:  # NaN or below 1
        raise invalid_request("Invalid query parameter `top_k`: must be >= 1.")
    return int(min(value, 1024))


def _filtered(documents: Iterable[Document], request: Request) -> list[Document]:
    """Documents passing the search filters: tags, parents (any shared), timestamps (epoch ms)."""
    params = request.query_params
    tags_in, tags_not = set(params.getlist("tags_in")), set(params.getlist("tags_not"))
    parents_in, parents_not = set(params.getlist("parents_in")), set(params.getlist("parents_not"))
    after, before = _query_number(request, "timestamp_gt"), _query_number(request, "timestamp_lt")
    kept = []
    for doc in documents:
        if (tags_in and not tags_in & set(doc.tags)) or tags_not & set(doc.tags):
            continue
        if (parents_in and not parents_in & set(doc.parents)) or parents_not & set(doc.parents):
            continue
        if (after is not None and doc.timestamp <= after) or (before is not None and doc.timestamp >= before):
            continue
        kept.append(doc)
    return kept


def _search_response(documents: Iterable[Document], request: Request) -> Response:
    query = request.query_params.get("query")
    if not query:
        raise invalid_request("Missing query parameter `query`.")
    top_k = _top_k(request)
    full_text = request.query_params.get("full_text", "false").lower() == "true"
    hits = rank_documents(_filtered(documents, request), query, top_k)
    return JSONResponse({"documents": [_hit_json(hit, full_text) for hit in hits]})


async def search_data_source(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    return _search_response(data_source.documents.values(), ctx.request)


async def search_data_source_view(ctx: ApiContext) -> Response:
    view, data_source = view_of(ctx)
    visible = [doc for doc in data_source.documents.values() if view.exposes(doc.parents)]
    return _search_response(visible, ctx.request)


# --- workspace node search ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeQuery:
    """A workspace search, from the POST body or the GET query string."""

    query: str
    space_ids: list[str]
    view_type: str
    node_ids: list[str]
    search_source_urls: bool
    include_data_sources: bool
    limit: int
    offset: int


def _node_json(
    workspace: Workspace,
    data_source: DataSource,
    node_id: str,
    node_type: str,
    title: str,
    mime_type: str,
    source_url: str | None,
    parents: list[str],
    parent_id: str | None,
    updated: int,
) -> JSONObject:
    view = knowledge_of(workspace).views.get(default_view_id(data_source.sId))
    return {
        "internalId": node_id,
        "parentInternalId": parent_id,
        "title": title,
        "type": node_type,
        "mimeType": mime_type,
        "sourceUrl": source_url,
        "lastUpdatedAt": updated,
        "parentTitle": None,
        "parentsInternalIds": list(parents),
        "expandable": node_type == "folder",
        "permission": "read",
        "providerVisibility": None,
        "preventSelection": False,
        "dataSource": data_source.to_json(),
        "dataSourceViews": [view.to_json(data_source)] if isinstance(view, StoredView) else [],
    }


def _all_nodes(workspace: Workspace, data_source: DataSource) -> list[tuple[str, JSONObject, str]]:
    """Every node of a data source as (type, JSON, source URL or "")."""
    knowledge = knowledge_of(workspace)
    nodes: list[tuple[str, JSONObject, str]] = []
    for doc in sorted(data_source.documents.values(), key=lambda d: d.document_id):
        rendered = _node_json(
            workspace, data_source, doc.document_id, "document", doc.title, doc.mime_type,
            doc.source_url, doc.parents, doc.parent_id, doc.timestamp,
        )  # fmt: skip
        nodes.append(("document", rendered, doc.source_url or ""))
    for table in knowledge.tables_of(data_source.sId).values():
        rendered = _node_json(
            workspace, data_source, table.table_id, "table", table.title, table.mime_type,
            table.source_url, table.parents, table.parent_id, table.timestamp,
        )  # fmt: skip
        nodes.append(("table", rendered, table.source_url or ""))
    for folder in knowledge.folders_of(data_source.sId).values():
        rendered = _node_json(
            workspace, data_source, folder.folder_id, "folder", folder.title, folder.mime_type,
            folder.source_url, folder.parents, folder.parent_id, folder.timestamp,
        )  # fmt: skip
        nodes.append(("folder", rendered, folder.source_url or ""))
    return nodes


def find_nodes(workspace: Workspace, search: NodeQuery) -> list[JSONObject]:
    """Matching nodes, in a stable order (data source, then documents, tables, folders)."""
    wanted = words(search.query)
    found: list[JSONObject] = []
    for data_source in workspace.data_sources.values():
        if search.space_ids and data_source.space_id not in search.space_ids:
            continue
        for node_type, node, source_url in _all_nodes(workspace, data_source):
            if search.view_type == "document" and node_type != "document":
                continue
            if search.view_type == "table" and node_type != "table":
                continue
            if search.node_ids and node["internalId"] not in search.node_ids:
                continue
            haystack = words(str(node["title"])) | (words(source_url) if search.search_source_urls else set())
            if wanted and wanted <= haystack:
                found.append(node)
    return found


def _page(nodes: list[JSONObject], search: NodeQuery) -> tuple[list[JSONObject], str | None]:
    page = nodes[search.offset : search.offset + search.limit]
    following = search.offset + search.limit
    return page, (str(following) if following < len(nodes) else None)


def _cursor_offset(cursor: object) -> int:
    if cursor is None or cursor == "":
        return 0
    if not isinstance(cursor, str) or not cursor.isdigit():
        raise invalid_request("Invalid `cursor`: pass back a `nextPageCursor` from a previous page.")
    return int(cursor)


def _limit(value: object) -> int:
    if value is None:
        return 25
    if isinstance(value, str):
        value = int(value) if value.lstrip("-").isdigit() else value
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
        raise invalid_request("Invalid `limit`: must be an integer between 1 and 100.")
    return value


def _view_type(value: object) -> str:
    if value is None:
        return "all"
    if value not in {"all", "document", "table"}:
        raise invalid_request("Invalid `viewType`: must be all, document or table.")
    return str(value)


def _id_list(value: object, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_request(f"Invalid request body: `{key}` must be a list of strings.")
    return list(value)


async def search_nodes(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    search = NodeQuery(
        query=required_str(body, "query", allow_empty=True),
        space_ids=_id_list(body.get("spaceIds"), "spaceIds"),
        view_type=_view_type(body.get("viewType")),
        node_ids=_id_list(body.get("nodeIds"), "nodeIds"),
        search_source_urls=optional_bool(body, "searchSourceUrls"),
        include_data_sources=optional_bool(body, "includeDataSources"),
        limit=_limit(body.get("limit")),
        offset=_cursor_offset(body.get("cursor")),
    )
    nodes = find_nodes(ctx.workspace, search)
    page, next_cursor = _page(nodes, search)
    return JSONResponse(
        {"nodes": page, "nextPageCursor": next_cursor, "resultsCount": len(nodes), "warningCode": None}
    )


def _query_flag(request: Request, key: str) -> bool:
    text = request.query_params.get(key)
    if text is None or text == "":
        return False
    if text.lower() not in {"true", "false"}:
        raise invalid_request(f"Invalid query parameter `{key}`: must be true or false.")
    return text.lower() == "true"


async def stream_search_nodes(ctx: ApiContext) -> Response:
    """The streamed workspace search: served at its ``/api/v1`` URL with no redirect, no handshake and no
    ``done``, as Dust does (``front-api/routes/v1/w/[wId]/search.ts`` writes plain ``data:`` frames)."""
    params = ctx.request.query_params
    query = params.get("query") or ""
    if len(query) < MIN_STREAM_QUERY:
        raise invalid_request(f"The query must be at least {MIN_STREAM_QUERY} characters long.")
    spaces = [space for space in (params.get("spaceIds") or "").split(",") if space]
    search = NodeQuery(
        query=query,
        space_ids=spaces,
        view_type=_view_type(params.get("viewType")),
        node_ids=[],
        search_source_urls=_query_flag(ctx.request, "searchSourceUrls"),
        include_data_sources=_query_flag(ctx.request, "includeDataSources"),
        limit=_limit(params.get("limit")),
        offset=_cursor_offset(params.get("cursor")),
    )
    _query_flag(ctx.request, "includeTools")
    nodes = find_nodes(ctx.workspace, search)
    page, next_cursor = _page(nodes, search)
    return StreamingResponse(
        _search_frames(page, next_cursor, len(nodes)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache"},
    )


async def _search_frames(page: list[JSONObject], next_cursor: str | None, total: int) -> AsyncIterator[bytes]:
    """Dust's framing (``search/index.ts``): one ``{"knowledgeResults": ...}`` frame, no event id. Tool
    results would follow on a first page; the emulator has no connected tools, so none do."""
    knowledge = {"nodes": page, "warningCode": None, "nextPageCursor": next_cursor, "resultsCount": total}
    yield encode_frame({"knowledgeResults": knowledge})


ROUTES: list[Route] = [
    api_route("/spaces/{spaceId}/data_sources/{dsId}/search", search_data_source, ["GET"]),
    api_route("/spaces/{spaceId}/data_source_views/{dsvId}/search", search_data_source_view, ["GET"]),
    api_route("/search", search_nodes, ["POST"]),
    api_route("/search", stream_search_nodes, ["GET"]),
]
