"""The emulator's ASGI application: ``create_app`` assembles the route modules around one state."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

from dust_ext.testing._faults import parse_faults
from dust_ext.testing._state import EmulatorConfig, EmulatorState
from dust_ext.testing._world import create_workspace
from dust_ext.testing.routes import (
    agents,
    apps,
    auth,
    consumption,
    control,
    conversations,
    data_source_views,
    data_sources,
    events,
    files,
    mcp,
    mentions,
    search,
    skills,
    tables,
    tools,
    triggers,
    workspace,
)

DEFAULT_WORKSPACE_ID = "demo-workspace"
DEFAULT_API_KEY = "sk-emulator"


async def _http_error(request: Request, exc: Exception) -> Response:
    """Unknown routes and wrong methods also answer with Dust's envelope."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    error_type = {404: "invalid_request_error", 405: "method_not_supported_error"}.get(
        status, "internal_server_error"
    )
    message = {404: "No such route in the Dust API.", 405: "This method is not supported on this route."}.get(
        status, "Internal server error."
    )
    return JSONResponse({"error": {"type": error_type, "message": message}}, status_code=status)


def create_app(
    workspace_id: str = DEFAULT_WORKSPACE_ID,
    api_key: str = DEFAULT_API_KEY,
    *,
    faults: str = "",
    token_delay: float = 0.0,
) -> Starlette:
    """Build an emulator app with one workspace ``workspace_id`` reachable with ``api_key``.

    ``faults`` is a run-wide fault spec (see ``dust_ext.testing._faults``); ``token_delay`` the seconds a
    scripted agent waits between streamed tokens. The state is at ``app.state.emulator``.
    """
    state = EmulatorState(config=EmulatorConfig(token_delay=token_delay, faults=parse_faults(faults)))
    create_workspace(state, workspace_id, api_key)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Agents run as tasks on the server's loop; in-process helpers post work onto it from other threads.
        app.state.loop = asyncio.get_running_loop()
        yield

    routes: list[BaseRoute] = [
        *agents.ROUTES,
        *conversations.ROUTES,
        *consumption.ROUTES,
        *events.ROUTES,
        *files.ROUTES,
        *data_sources.ROUTES,
        *search.ROUTES,
        *tables.ROUTES,
        *data_source_views.ROUTES,
        *apps.ROUTES,
        *mcp.ROUTES,
        *tools.ROUTES,
        *mentions.ROUTES,
        *skills.ROUTES,
        *triggers.ROUTES,
        *workspace.ROUTES,
        *control.ROUTES,
        *auth.ROUTES,
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: _http_error})
    app.state.emulator = state
    return app
