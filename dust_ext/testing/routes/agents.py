"""Agent configurations: list, get, search, favourite and YAML export."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import AgentConfiguration
from dust_ext.testing._validation import optional_bool, read_json_object

_VIEWS: dict[str, Callable[[AgentConfiguration], bool]] = {
    "all": lambda agent: True,
    "list": lambda agent: agent.scope != "hidden",
    "workspace": lambda agent: agent.scope == "workspace",
    "published": lambda agent: agent.scope == "published",
    "global": lambda agent: agent.scope == "global",
    "favorites": lambda agent: agent.userFavorite,
}


def _agent(ctx: ApiContext) -> AgentConfiguration:
    sid = ctx.path("sId")
    agent = ctx.workspace.agents.get(sid)
    if agent is None:
        raise not_found("agent_configuration_not_found", "Agent configuration", sid)
    return agent


async def list_agents(ctx: ApiContext) -> Response:
    view = ctx.request.query_params.get("view", "list")
    if view not in _VIEWS:
        raise invalid_request(f"Invalid query parameter `view`: {view!r} (expected one of {sorted(_VIEWS)}).")
    agents = [agent.to_json() for agent in ctx.workspace.agents.values() if _VIEWS[view](agent)]
    return JSONResponse({"agentConfigurations": agents})


async def search_agents(ctx: ApiContext) -> Response:
    query = ctx.request.query_params.get("q")
    if not query:
        raise invalid_request("Missing query parameter `q`.")
    wanted = query.lower()
    agents = [agent.to_json() for agent in ctx.workspace.agents.values() if wanted in agent.name.lower()]
    return JSONResponse({"agentConfigurations": agents})


async def get_agent(ctx: ApiContext) -> Response:
    return JSONResponse({"agentConfiguration": _agent(ctx).to_json()})


async def patch_agent(ctx: ApiContext) -> Response:
    agent = _agent(ctx)
    body = await read_json_object(ctx.request)
    if "userFavorite" not in body:
        raise invalid_request("Invalid request body: `userFavorite` is missing (a boolean is required).")
    agent.userFavorite = optional_bool(body, "userFavorite")
    return JSONResponse({"agentConfiguration": agent.to_json()})


async def export_yaml(ctx: ApiContext) -> Response:
    agent = _agent(ctx)
    # JSON strings are valid YAML scalars, which keeps the emulator free of a YAML dependency.
    lines = [
        "agent:",
        f"  handle: {json.dumps(agent.name)}",
        f"  description: {json.dumps(agent.description)}",
        f"  scope: {json.dumps(agent.scope)}",
        f"  avatar_url: {json.dumps(agent.picture_url())}",
        f"instructions: {json.dumps(agent.instructions or '')}",
        "generation_settings:",
        f"  model_id: {json.dumps(agent.model_id)}",
        f"  provider_id: {json.dumps(agent.provider_id)}",
        "  temperature: 0.7",
        "tags: []",
        "editors: []",
        "toolset: []",
    ]
    # Dust answers a downloadable text/yaml file named after the agent.
    return PlainTextResponse(
        "\n".join(lines) + "\n",
        media_type="text/yaml",
        headers={"Content-Disposition": f'attachment; filename="{agent.sId}.yaml"'},
    )


ROUTES: list[Route] = [
    api_route("/assistant/agent_configurations", list_agents, ["GET"]),
    api_route("/assistant/agent_configurations/search", search_agents, ["GET"]),
    api_route("/assistant/agent_configurations/{sId}", get_agent, ["GET"]),
    api_route("/assistant/agent_configurations/{sId}", patch_agent, ["PATCH"]),
    api_route("/assistant/agent_configurations/{sId}/export/yaml", export_yaml, ["GET"]),
]
