"""Dust apps: list a space's apps, run one (blocking, polled or streamed), read a run, export and check apps.

The emulator's app (``app_echo`` in the global space) echoes each input: the run's ``results`` are
``[[{"value": {"echo": input}, "error": null}], ...]``. A run must name the app's specification hash. A
non-blocking run answers ``running`` and is ``succeeded`` from the first time it is read back, so a
polling client sees both states deterministically. A streamed run (``stream: true``) answers
``text/event-stream`` frames ``data: {"type": ..., "content": {...}}`` (see
:meth:`~dust_ext.testing._data_state.StoredRun.stream_events`) ending with ``final``; the stream faults
``drop-after``, ``slow-chunks`` and ``split-frames`` apply to it. The run is stored as ``succeeded``, so
its id (in the first ``run_status`` event) reads back with its results.

Export answers the space's apps with their ``datasets`` and ``coreSpecifications`` (hash → specification);
check answers, per ``{appId, appHash}``, whether the space holds that app with that specification hash.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from dust_ext.testing._data_state import JSONObject, StoredApp, StoredRun, knowledge_of
from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._faults import StreamFaults
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._sse import StreamDropped, _write, encode_frame
from dust_ext.testing._validation import optional_bool, read_json_object, required_object, required_str
from dust_ext.testing.routes.data_sources import space_of


def _app(ctx: ApiContext) -> StoredApp:
    space = space_of(ctx)
    app_id = ctx.path("aId")
    app = knowledge_of(ctx.workspace).apps.get(app_id)
    if app is None or app.space_id != space.sId:
        raise not_found("app_not_found", "App", app_id)
    return app


def _apps_of_space(ctx: ApiContext) -> list[StoredApp]:
    space = space_of(ctx)
    return [app for app in knowledge_of(ctx.workspace).apps.values() if app.space_id == space.sId]


async def list_apps(ctx: ApiContext) -> Response:
    space = space_of(ctx).to_json()
    return JSONResponse({"apps": [app.to_json(space) for app in _apps_of_space(ctx)]})


async def export_apps(ctx: ApiContext) -> Response:
    space = space_of(ctx).to_json()
    exported = [
        {
            **app.to_json(space),
            "datasets": [],
            "coreSpecifications": {app.specification_hash: app.specification},
        }
        for app in _apps_of_space(ctx)
    ]
    return JSONResponse({"apps": exported})


async def check_apps(ctx: ApiContext) -> Response:
    apps = {app.sId: app for app in _apps_of_space(ctx)}
    body = await read_json_object(ctx.request)
    wanted = body.get("apps")
    if not isinstance(wanted, list) or not all(
        isinstance(item, dict) and isinstance(item.get("appId"), str) and isinstance(item.get("appHash"), str)
        for item in wanted
    ):
        raise invalid_request(
            "Invalid request body: `apps` must be a list of objects with string `appId` and `appHash`."
        )
    checked: list[JSONObject] = []
    for item in wanted:
        app = apps.get(item["appId"])
        deployed = app is not None and app.specification_hash == item["appHash"]
        checked.append({"appId": item["appId"], "appHash": item["appHash"], "deployed": deployed})
    return JSONResponse({"apps": checked})


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
    stream = optional_bool(body, "stream")
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
        status="succeeded" if blocking or stream else "running",
        block_filter=block_filter,
    )
    knowledge_of(ctx.workspace).runs[run.run_id] = run
    if stream:
        return StreamingResponse(
            _run_frames(run.stream_events(), ctx.stream_faults()),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    return JSONResponse({"run": run.to_json()})


async def _run_frames(events: list[JSONObject], faults: StreamFaults) -> AsyncIterator[bytes]:
    """Dust's app-run framing: ``data: {"type", "content"}`` with no event id (a run stream has no resume),
    no handshake and no ``done``: Dust passes the run's chunks through as they come
    (``front-api/routes/v1/w/[wId]/spaces/[spaceId]/apps/[aId]/runs/index.ts``, not ``streamEvents``)."""
    for sent, event in enumerate(events):
        frame = encode_frame(event)
        if faults.drop_after is not None and sent >= faults.drop_after:
            if faults.drop_abort:
                raise StreamDropped(f"emulator fault: stream dropped after {sent} frames")
            if faults.drop_mid_frame:
                yield frame[: len(frame) // 2]
            return
        async for piece in _write(frame, faults):
            yield piece


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
    api_route("/spaces/{spaceId}/apps/export", export_apps, ["GET"]),
    api_route("/spaces/{spaceId}/apps/check", check_apps, ["POST"]),
    api_route("/spaces/{spaceId}/apps/{aId}/runs", create_run, ["POST"]),
    api_route("/spaces/{spaceId}/apps/{aId}/runs/{runId}", get_run, ["GET"]),
]
