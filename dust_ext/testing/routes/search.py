"""Search: documents of one data source, and nodes across the workspace."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._search import ScoredDocument, rank_documents
from dust_ext.testing._validation import query_int, read_json_object, required_str, string_list
from dust_ext.testing.routes.data_sources import data_source_of

JSONObject = dict[str, Any]


def _hit_json(hit: ScoredDocument, full_text: bool) -> JSONObject:
    rendered = hit.document.to_json(light=True)
    rendered["score"] = hit.score
    rendered["chunks"] = [
        {"text": hit.document.text, "hash": rendered["hash"], "offset": 0, "score": hit.score}
    ]
    if full_text:
        rendered["text"] = hit.document.text
    return rendered


async def search_data_source(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    query = ctx.request.query_params.get("query")
    if not query:
        raise invalid_request("Missing query parameter `query`.")
    top_k = query_int(ctx.request, "top_k", 10, minimum=1)
    full_text = ctx.request.query_params.get("full_text", "false").lower() == "true"
    documents = list(data_source.documents.values())
    tags_in = ctx.request.query_params.getlist("tags_in")
    if tags_in:
        documents = [doc for doc in documents if set(doc.tags) & set(tags_in)]
    hits = rank_documents(documents, query, top_k)
    return JSONResponse({"documents": [_hit_json(hit, full_text) for hit in hits]})


async def search_nodes(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    query = required_str(body, "query")
    space_ids = string_list(body, "spaceIds")
    sources = [ds for ds in ctx.workspace.data_sources.values() if not space_ids or ds.space_id in space_ids]
    documents = [doc for ds in sources for doc in ds.documents.values()]
    nodes = [
        {
            "internalId": hit.document.document_id,
            "title": hit.document.title,
            "type": "document",
            "mimeType": hit.document.mime_type,
            "sourceUrl": hit.document.source_url,
            "parentInternalId": hit.document.parent_id,
            "parentInternalIds": hit.document.parents,
            "lastUpdatedAt": hit.document.timestamp,
            "dataSourceView": None,
            "dataSourceId": hit.document.data_source_id,
        }
        for hit in rank_documents(documents, query, top_k=50)
    ]
    return JSONResponse({"nodes": nodes})


ROUTES: list[Route] = [
    api_route("/spaces/{spaceId}/data_sources/{dsId}/search", search_data_source, ["GET"]),
    api_route("/search", search_nodes, ["POST"]),
]
