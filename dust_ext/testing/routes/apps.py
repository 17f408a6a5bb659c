"""Dust apps: list a space's apps, run one (blocking or not) and read a run.

The emulator's app (``app_echo`` in the global space) echoes each input: the run's ``results`` are
``[[{"value": {"echo": input}, "error": null}], ...]``. A run must name the app's specification hash. A
non-blocking run answers ``running`` and is ``succeeded`` from the first time it is read back, so a
polling client sees both states deterministically. Streamed runs (``stream: true``) are not emulated.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._data_state import StoredApp, StoredRun, knowledge_of
from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._validation import optional_bool, read_json_object, required_object, required_str
from dust_ext.testing.routes.data_sources import space_of


def _app(ctx: ApiContext) -> StoredApp:
    space = space_of(ctx)
    app_id = ctx.path("aId")
    app = knowledge_of(ctx.workspace).apps.get(app_id)
    if app is None or app.space_id != space.sId:
        raise not_found("app_not_found", "App", app_id)
    return app


async def list_apps(ctx: ApiContext) -> Response:
    space = space_of(ctx)
    apps = [app.to_json(space.to_json()) for app in knowledge_of(ctx.workspace).apps.values()]
    return JSONResponse({"apps": [app for app in apps if app["space"]["sId"] == space.sId]})


async def create_run(ctx: ApiContext) -> Response:
    app = _app(ctx)
    body = await read_json_object(ctx.request)
    specification_hash = required_str(body, "specification_hash")
    config = required_object(body, "config")
    inputs = body.get("inputs")
    if not isinstance(inputs, list) or not all(isinstance(item, dict) for item in inputs):
        raise invalid_request("Invalid request body: `inputs` must be a list of objects.")
    block_filter = body.get("block_filter")
    if block_filter is not None and (
        not isinstance(block_filter, list) or not all(isinstance(name, str) for name in block_filter)
    ):
        raise invalid_request("Invalid request body: `block_filter` must be a list of strings.")
    if optional_bool(body, "stream"):
        raise invalid_request("Streamed app runs (`stream: true`) are not supported by the emulator.")
    blocking = optional_bool(body, "blocking")
    if specification_hash != app.specification_hash:
        raise ApiError(
            400,
            "app_specification_not_found",
            f"No specification of app {app.sId!r} has the hash {specification_hash!r}.",
        )
    run = StoredRun(
        run_id=ctx.workspace.ids.next_sid("run_"),
        app_id=app.sId,
        config=config,
        specification_hash=specification_hash,
        inputs=list(inputs),
        status="succeeded" if blocking else "running",
        block_filter=block_filter,
    )
    knowledge_of(ctx.workspace).runs[run.run_id] = run
    return JSONResponse({"run": run.to_json()})


async def get_run(ctx: ApiContext) -> Response:
    app = _app(ctx)
    run_id = ctx.path("runId")
    run = knowledge_of(ctx.workspace).runs.get(run_id)
    if run is None or run.app_id != app.sId:
        raise not_found("run_not_found", "Run", run_id)
    run.status = "succeeded"
    return JSONResponse({"run": run.to_json()})


ROUTES: list[Route] = [
    api_route("/spaces/{spaceId}/apps", list_apps, ["GET"]),
    api_route("/spaces/{spaceId}/apps/{aId}/runs", create_run, ["POST"]),
    api_route("/spaces/{spaceId}/apps/{aId}/runs/{runId}", get_run, ["GET"]),
]
