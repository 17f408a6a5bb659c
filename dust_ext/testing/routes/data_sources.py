"""Spaces, data sources, their documents and folders, the upsert queue and the tokenizer (in memory)."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._data_state import StoredFolder, knowledge_of, tokenize
from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import DataSource, Document, Space, now_ms
from dust_ext.testing._validation import (
    optional_bool,
    optional_object,
    optional_str,
    query_int,
    read_json_object,
    required_str,
    string_list,
)
from dust_ext.testing._world import GLOBAL_SPACE_ID


def space_of(ctx: ApiContext) -> Space:
    # Dust also mounts the data source routes without the space (`/data_sources/...`, the paths the JS SDK
    # calls): there they act on the workspace's global space.
    space_id = ctx.request.path_params.get("spaceId", GLOBAL_SPACE_ID)
    space = ctx.workspace.spaces.get(space_id)
    if space is None:
        raise not_found("space_not_found", "Space", space_id)
    return space


def data_source_of(ctx: ApiContext) -> DataSource:
    space = space_of(ctx)
    data_source_id = ctx.path("dsId")
    data_source = ctx.workspace.data_sources.get(data_source_id)
    if data_source is None or data_source.space_id != space.sId:
        raise not_found("data_source_not_found", "Data source", data_source_id)
    return data_source


def _document(ctx: ApiContext, data_source: DataSource) -> Document:
    document_id = ctx.path("documentId")
    document = data_source.documents.get(document_id)
    if document is None:
        raise not_found("data_source_document_not_found", "Document", document_id)
    return document


def _section_text(section: object, where: str) -> str:
    """Flatten a Dust ``Section`` ({prefix, content, sections}) into text, depth first."""
    if not isinstance(section, dict):
        raise invalid_request(f"Invalid request body: `{where}` must be an object.")
    parts = [section.get("prefix"), section.get("content")]
    children = section.get("sections", [])
    if not isinstance(children, list):
        raise invalid_request(f"Invalid request body: `{where}.sections` must be a list.")
    texts = [part for part in parts if isinstance(part, str) and part]
    texts += [_section_text(child, f"{where}.sections[{index}]") for index, child in enumerate(children)]
    return "\n".join(texts)


#: What ``GET /spaces`` lists without ``kinds``, and what ``kinds`` may select (Dust's handler).
DEFAULT_SPACE_KINDS = ("system", "global", "regular")
SELECTABLE_SPACE_KINDS = (*DEFAULT_SPACE_KINDS, "project")


async def list_spaces(ctx: ApiContext) -> Response:
    text = ctx.request.query_params.get("kinds")
    kinds = DEFAULT_SPACE_KINDS if text is None else tuple(text.split(","))
    unknown = [kind for kind in kinds if kind not in SELECTABLE_SPACE_KINDS]
    if unknown:
        raise invalid_request(
            f"Invalid query parameter `kinds`: {unknown[0]!r} is not one of {', '.join(SELECTABLE_SPACE_KINDS)}."
        )
    spaces = [space.to_json() for space in ctx.workspace.spaces.values() if space.kind in kinds]
    return JSONResponse({"spaces": spaces})


async def list_data_sources(ctx: ApiContext) -> Response:
    space = space_of(ctx)
    sources = [ds.to_json() for ds in ctx.workspace.data_sources.values() if ds.space_id == space.sId]
    return JSONResponse({"data_sources": sources})


async def list_documents(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    limit = query_int(ctx.request, "limit", 10, minimum=1)
    offset = query_int(ctx.request, "offset", 0)
    wanted = ctx.request.query_params.getlist("document_ids")
    documents = sorted(data_source.documents.values(), key=lambda doc: doc.document_id)
    if wanted:
        documents = [doc for doc in documents if doc.document_id in wanted]
    page = documents[offset : offset + limit]
    return JSONResponse({"documents": [doc.to_json() for doc in page], "total": len(documents)})


async def get_document(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    return JSONResponse({"document": _document(ctx, data_source).to_json()})


async def upsert_document(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    document_id = ctx.path("documentId")
    body = await read_json_object(ctx.request)
    text = optional_str(body, "text")
    section = optional_object(body, "section")
    if text is None and section is None:
        raise invalid_request("Invalid request body: one of `text` or `section` is required.")
    full_text = text if text is not None else _section_text(section, "section")
    timestamp = body.get("timestamp")
    if timestamp is not None and (not isinstance(timestamp, int | float) or isinstance(timestamp, bool)):
        raise invalid_request("Invalid request body: `timestamp` must be a number (epoch ms).")
    parents = string_list(body, "parents") or [document_id]
    parent_id = optional_str(body, "parent_id")
    document = Document(
        document_id=document_id,
        data_source_id=data_source.sId,
        text=full_text,
        title=optional_str(body, "title") or document_id,
        mime_type=optional_str(body, "mime_type") or "text/plain",
        source_url=optional_str(body, "source_url"),
        tags=string_list(body, "tags"),
        parents=parents,
        parent_id=parent_id if parent_id is not None else (parents[1] if len(parents) > 1 else None),
        timestamp=int(timestamp) if timestamp is not None else now_ms(),
    )
    data_source.documents[document_id] = document
    knowledge_of(ctx.workspace).count_write(data_source.sId, "document.upsert")
    if optional_bool(body, "async"):
        # Dust enqueues the upsert and answers only the id, without `data_source`.
        return JSONResponse({"document": {"document_id": document_id}})
    if optional_bool(body, "light_document_output"):
        rendered = document.upsert_summary_json()
    else:
        rendered = document.to_json()
    return JSONResponse({"document": rendered, "data_source": data_source.to_json()})


async def delete_document(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    document = _document(ctx, data_source)
    del data_source.documents[document.document_id]
    knowledge_of(ctx.workspace).count_write(data_source.sId, "document.delete")
    return JSONResponse({"document": {"document_id": document.document_id}})


async def update_parents(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    document = _document(ctx, data_source)
    body = await read_json_object(ctx.request)
    parents = string_list(body, "parents", required=True)
    if not parents or parents[0] != document.document_id:
        raise invalid_request("Invalid request body: `parents[0]` must be the document id itself.")
    document.parents = parents
    parent_id = optional_str(body, "parent_id")
    document.parent_id = parent_id if parent_id is not None else (parents[1] if len(parents) > 1 else None)
    return JSONResponse({"updated": True})


async def check_upsert_queue(ctx: ApiContext) -> Response:
    data_source_of(ctx)
    # The emulator applies queued (async) upserts at once, so nothing is ever still running.
    return JSONResponse({"running_count": 0})


async def tokenize_text(ctx: ApiContext) -> Response:
    data_source_of(ctx)
    body = await read_json_object(ctx.request)
    text = required_str(body, "text", allow_empty=True)
    return JSONResponse({"tokens": tokenize(text)})


def _timestamp(body: dict[str, object]) -> int:
    timestamp = body.get("timestamp")
    if timestamp is None:
        return now_ms()
    if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
        raise invalid_request("Invalid request body: `timestamp` must be a number (epoch ms).")
    return int(timestamp)


def node_parents(body: dict[str, object], node_id: str) -> tuple[list[str], str | None]:
    """A node's ``parents`` (itself first, default ``[node_id]``) and ``parent_id`` (default ``parents[1]``)."""
    parents = string_list(body, "parents") or [node_id]
    if parents[0] != node_id:
        raise invalid_request(f"Invalid request body: `parents[0]` must be the node's own id {node_id!r}.")
    parent_id = optional_str(body, "parent_id")
    if parent_id is None and len(parents) > 1:
        parent_id = parents[1]
    return parents, parent_id


async def upsert_folder(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    folder_id = ctx.path("fId")
    body = await read_json_object(ctx.request)
    title = required_str(body, "title")
    parents, parent_id = node_parents(body, folder_id)
    folder = StoredFolder(
        folder_id=folder_id,
        data_source_id=data_source.sId,
        title=title,
        parents=parents,
        parent_id=parent_id,
        mime_type=optional_str(body, "mime_type") or "application/vnd.dust.folder",
        source_url=optional_str(body, "source_url"),
        timestamp=_timestamp(body),
        provider_visibility=optional_str(body, "provider_visibility"),
    )
    knowledge_of(ctx.workspace).folders_of(data_source.sId)[folder_id] = folder
    knowledge_of(ctx.workspace).count_write(data_source.sId, "folder.upsert")
    return JSONResponse({"folder": folder.to_json(), "data_source": data_source.to_json()})


async def list_folders(ctx: ApiContext) -> Response:
    # Dust serves this to system keys only; the emulator's key acts as one (as it acts as an admin key).
    data_source = data_source_of(ctx)
    limit = query_int(ctx.request, "limit", 10)
    offset = query_int(ctx.request, "offset", 0)
    folders = sorted(
        knowledge_of(ctx.workspace).folders_of(data_source.sId).values(), key=lambda f: f.folder_id
    )
    page = folders[offset : offset + limit]
    return JSONResponse({"folders": [folder.to_json() for folder in page], "total": len(folders)})


async def delete_folder(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    folder_id = ctx.path("fId")
    folders = knowledge_of(ctx.workspace).folders_of(data_source.sId)
    if folder_id not in folders:
        raise not_found("data_source_folder_not_found", "Folder", folder_id)
    del folders[folder_id]
    knowledge_of(ctx.workspace).count_write(data_source.sId, "folder.delete")
    return JSONResponse({"folder": {"folder_id": folder_id}})


_DS = "/spaces/{spaceId}/data_sources/{dsId}"
_LEGACY_DS = "/data_sources/{dsId}"

ROUTES: list[Route] = [
    api_route("/spaces", list_spaces, ["GET"]),
    api_route("/spaces/{spaceId}/data_sources", list_data_sources, ["GET"]),
    api_route(_DS + "/documents", list_documents, ["GET"]),
    api_route(_DS + "/documents/{documentId}", get_document, ["GET"]),
    api_route(_DS + "/documents/{documentId}", upsert_document, ["POST"]),
    api_route(_DS + "/documents/{documentId}", delete_document, ["DELETE"]),
    api_route(_DS + "/documents/{documentId}/parents", update_parents, ["POST"]),
    api_route(_DS + "/check_upsert_queue", check_upsert_queue, ["GET"]),
    api_route(_DS + "/tokenize", tokenize_text, ["POST"]),
    api_route(_DS + "/folders", list_folders, ["GET"]),
    api_route(_DS + "/folders/{fId}", upsert_folder, ["POST"]),
    api_route(_DS + "/folders/{fId}", delete_folder, ["DELETE"]),
    # The legacy mount in the global space (the JS SDK's getDataSources, tokenize, upsertFolder, deleteFolder).
    api_route("/data_sources", list_data_sources, ["GET"]),
    api_route(_LEGACY_DS + "/tokenize", tokenize_text, ["POST"]),
    api_route(_LEGACY_DS + "/folders/{fId}", upsert_folder, ["POST"]),
    api_route(_LEGACY_DS + "/folders/{fId}", delete_folder, ["DELETE"]),
]
