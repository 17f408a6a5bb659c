"""Client-side MCP servers: register, heartbeat, the request stream (SSE), results; MCP server views.

The request stream sends each JSON-RPC request Dust addresses to the server as a frame
``{"eventId": ..., "data": <JSON-RPC message>}``; ``?lastEventId=`` resumes after an event. Like Dust
(``front-api/routes/sse/v1/w/[wId]/mcp/requests.ts``, imported by ``front-api/routes/v1/w/[wId]/mcp/
requests.ts``, which serves it at the ``/api/v1`` URL itself, without a redirect), it starts with the
``dust-handshake`` frame and ends after a while (``STREAM_WINDOW_SECONDS`` without traffic, or a
``done-after`` fault) with ``data: done``; the client reconnects with ``?lastEventId=``. The same stream is
also served under ``/api/sse/v1/w/{wId}/mcp/requests``, as in Dust.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._event_log import EventId
from dust_ext.testing._faults import StreamFaults
from dust_ext.testing._routing import SSE_PREFIX, ApiContext, api_route
from dust_ext.testing._sse import DONE_FRAME, HANDSHAKE_FRAME
from dust_ext.testing._state import now_ms
from dust_ext.testing._tool_state import ClientSideServer, iso_timestamp, tools_of
from dust_ext.testing._validation import read_json_object, required_object, required_str

#: Seconds an idle request stream stays open before the server ends it (the client then reconnects).
STREAM_WINDOW_SECONDS = 30.0

#: The tool servers (MCP server views) every space offers in the emulator.
SERVER_VIEWS = (
    ("msv_search", "search", "Search the workspace's data sources.", "auto"),
    ("msv_web", "web_search_&_browse", "Search the web and read pages.", "auto"),
    (
        "msv_emulator_tools",
        "emulator_tools",
        "The emulator's tools (used by `approver` and `asker`).",
        "manual",
    ),
)


def _server(ctx: ApiContext, server_id: str) -> ClientSideServer:
    server = tools_of(ctx.workspace).servers.get(server_id)
    if server is None or not server.alive:
        raise not_found("mcp_server_not_found", "Client-side MCP server", server_id)
    return server


async def register(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    name = required_str(body, "serverName")
    if not 5 <= len(name) <= 30:
        raise invalid_request("Invalid request body: `serverName` must be 5 to 30 characters long.")
    workspace = ctx.workspace
    server = ClientSideServer(
        server_id=workspace.ids.next_sid("mcp_"),
        server_name=name,
        requests=workspace.new_event_log(),
        expires_at=0,
    )
    server.renew()
    tools_of(workspace).servers[server.server_id] = server
    return JSONResponse({"serverId": server.server_id, "expiresAt": iso_timestamp(server.expires_at)})


async def heartbeat(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    server = _server(ctx, required_str(body, "serverId"))
    server.renew()
    return JSONResponse({"success": True, "expiresAt": iso_timestamp(server.expires_at)})


async def deregister(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    server = tools_of(ctx.workspace).servers.pop(required_str(body, "serverId"), None)
    # Dust answers success whether or not the registration still existed.
    if server is not None:
        server.expires_at = 0  # its request stream ends
    return JSONResponse({"success": True})


async def results(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    server = _server(ctx, required_str(body, "serverId"))
    result = required_object(body, "result")
    # A response to nothing pending (a late or duplicate answer) is accepted and ignored, as in Dust.
    server.deliver(result)
    return JSONResponse({"success": True})


async def requests(ctx: ApiContext) -> Response:
    server_id = ctx.request.query_params.get("serverId")
    if not server_id:
        raise invalid_request("Invalid query parameters: `serverId` is required.")
    server = _server(ctx, server_id)
    text = ctx.request.query_params.get("lastEventId")
    cursor = EventId.parse(text) if text else None
    return StreamingResponse(
        _request_frames(server, cursor, ctx.stream_faults()),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _request_frames(
    server: ClientSideServer, cursor: EventId | None, faults: StreamFaults
) -> AsyncIterator[bytes]:
    log = server.requests
    deadline = asyncio.get_running_loop().time() + STREAM_WINDOW_SECONDS
    yield HANDSHAKE_FRAME
    sent = 0
    while server.alive:
        wakeup = log.changed()
        for event in log.after(cursor):
            if faults.done_after is not None and sent >= faults.done_after:
                yield DONE_FRAME
                return
            yield f"data: {json.dumps(event.frame_object(), separators=(',', ':'))}\n\n".encode()
            cursor = event.event_id
            sent += 1
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            break
        try:
            await asyncio.wait_for(wakeup.wait(), remaining)
        except TimeoutError:
            break
    yield DONE_FRAME


async def list_server_views(ctx: ApiContext) -> Response:
    space_id = ctx.path("spaceId")
    if space_id not in ctx.workspace.spaces:
        raise not_found("space_not_found", "Space", space_id)
    include_auto = ctx.request.query_params.get("includeAuto", "false") == "true"
    created = now_ms()
    views = []
    for index, (sid, name, description, availability) in enumerate(SERVER_VIEWS, start=1):
        if availability == "auto" and not include_auto:
            continue
        views.append(
            {
                "id": index,
                "sId": sid,
                "name": None,
                "description": None,
                "createdAt": created,
                "updatedAt": created,
                "spaceId": space_id,
                "serverType": "internal",
                "server": {
                    "sId": f"ims_{name}",
                    "name": name,
                    "version": "1.0.0",
                    "description": description,
                    "icon": "ActionCommandIcon",
                    "authorization": None,
                    "tools": [],
                    "availability": availability,
                    "allowMultipleInstances": False,
                    "documentationUrl": None,
                },
                "oAuthUseCase": None,
                "editedByUser": None,
            }
        )
    return JSONResponse({"success": True, "serverViews": views})


ROUTES: list[Route] = [
    api_route("/mcp/register", register, ["POST"]),
    api_route("/mcp/heartbeat", heartbeat, ["POST"]),
    api_route("/mcp/deregister", deregister, ["POST"]),
    api_route("/mcp/requests", requests, ["GET"]),
    api_route("/mcp/requests", requests, ["GET"], prefix=SSE_PREFIX),
    api_route("/mcp/results", results, ["POST"]),
    api_route("/spaces/{spaceId}/mcp_server_views", list_server_views, ["GET"]),
]
