"""Data source views: list, get, update (parents), search within a view, and find across spaces (Dust
registers no DELETE on a view)."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._data_state import StoredView, knowledge_of
from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import DataSource, now_ms
from dust_ext.testing._validation import read_json_object
from dust_ext.testing.routes.data_sources import space_of


def _view_json(ctx: ApiContext, view: StoredView) -> dict[str, object]:
    return view.to_json(ctx.workspace.data_sources[view.data_source_id])


def live_views(ctx: ApiContext) -> list[StoredView]:
    """Views whose data source still exists."""
    views = knowledge_of(ctx.workspace).views.values()
    return [view for view in views if view.data_source_id in ctx.workspace.data_sources]


def view_of(ctx: ApiContext) -> tuple[StoredView, DataSource]:
    space = space_of(ctx)
    view_id = ctx.path("dsvId")
    view = knowledge_of(ctx.workspace).views.get(view_id)
    if view is None or view.space_id != space.sId or view.data_source_id not in ctx.workspace.data_sources:
        raise not_found("data_source_view_not_found", "Data source view", view_id)
    return view, ctx.workspace.data_sources[view.data_source_id]


async def list_views(ctx: ApiContext) -> Response:
    space = space_of(ctx)
    views = [_view_json(ctx, view) for view in live_views(ctx) if view.space_id == space.sId]
    return JSONResponse({"dataSourceViews": views})


async def get_view(ctx: ApiContext) -> Response:
    view, _ = view_of(ctx)
    return JSONResponse({"dataSourceView": _view_json(ctx, view)})


def _optional_ids(value: object, key: str) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_request(f"Invalid request body: `{key}` must be a list of strings.")
    return list(value)


async def update_view(ctx: ApiContext) -> Response:
    view, _ = view_of(ctx)
    body = await read_json_object(ctx.request)
    to_add = _optional_ids(body.get("parentsToAdd"), "parentsToAdd")
    to_remove = _optional_ids(body.get("parentsToRemove"), "parentsToRemove")
    if "parentsIn" in body:
        if to_add is not None or to_remove is not None:
            raise invalid_request(
                "Invalid request body: give `parentsIn` or `parentsToAdd`/`parentsToRemove`."
            )
        view.parents_in = _optional_ids(body["parentsIn"], "parentsIn")
    elif to_add is not None or to_remove is not None:
        current = list(view.parents_in or [])
        current += [parent for parent in to_add or [] if parent not in current]
        view.parents_in = [parent for parent in current if parent not in set(to_remove or [])]
    else:
        raise invalid_request("Invalid request body: give `parentsIn` or `parentsToAdd`/`parentsToRemove`.")
    view.updated = now_ms()
    return JSONResponse({"dataSourceView": _view_json(ctx, view)})


async def find_views(ctx: ApiContext) -> Response:
    params = ctx.request.query_params
    spaces = ctx.workspace.spaces
    views = [
        view
        for view in live_views(ctx)
        if params.get("dataSourceId") in (None, view.data_source_id)
        and params.get("kind") in (None, view.kind)
        and params.get("vaultId") in (None, view.space_id)
        and params.get("vaultKind") in (None, spaces[view.space_id].kind if view.space_id in spaces else None)
    ]
    return JSONResponse({"data_source_views": [_view_json(ctx, view) for view in views]})


ROUTES: list[Route] = [
    api_route("/spaces/{spaceId}/data_source_views", list_views, ["GET"]),
    api_route("/spaces/{spaceId}/data_source_views/{dsvId}", get_view, ["GET"]),
    api_route("/spaces/{spaceId}/data_source_views/{dsvId}", update_view, ["PATCH"]),
    api_route("/data_source_views/search", find_views, ["GET"]),
]
