"""Agent configurations: list, get, search, favourite, YAML export, create (import) and archive (DELETE).

The emulator's API key acts as an admin key (Dust requires one to archive). Imported agents answer like the
``echo`` agent; archived ones drop out of the lists but can still be read.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import AgentConfiguration, JSONObject
from dust_ext.testing._validation import optional_bool, optional_str, read_json_object, required_str
from dust_ext.testing.routes.workspace import MEMBERS

#: Dust's answer to any change of an archived agent.
ARCHIVED_AGENT_MESSAGE = "An archived agent cannot be updated. Restore it first."

_VIEWS: dict[str, Callable[[AgentConfiguration], bool]] = {
    "all": lambda agent: agent.status == "active",
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
    agents = [
        agent.to_json()
        for agent in ctx.workspace.agents.values()
        if agent.status == "active" and _VIEWS[view](agent)
    ]
    return JSONResponse({"agentConfigurations": agents})


async def search_agents(ctx: ApiContext) -> Response:
    query = ctx.request.query_params.get("q")
    if not query:
        raise invalid_request("Missing query parameter `q`.")
    wanted = query.lower()
    agents = [
        agent.to_json()
        for agent in ctx.workspace.agents.values()
        if agent.status == "active" and wanted in agent.name.lower()
    ]
    return JSONResponse({"agentConfigurations": agents})


async def get_agent(ctx: ApiContext) -> Response:
    return JSONResponse({"agentConfiguration": _agent(ctx).to_json()})


async def patch_agent(ctx: ApiContext) -> Response:
    agent = _agent(ctx)
    body = await read_json_object(ctx.request)
    if agent.status == "archived":
        raise invalid_request(ARCHIVED_AGENT_MESSAGE)
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


def _import_error(message: str) -> Exception:
    return invalid_request(f"Invalid agent configuration: {message}")


def _checked_import(body: JSONObject) -> tuple[JSONObject, JSONObject, list[str], list[JSONObject]]:
    """The parts of an agent import Dust validates (its agent YAML schema), or a 400 naming the field."""
    agent = body.get("agent")
    settings = body.get("generation_settings")
    if not isinstance(agent, dict) or not isinstance(settings, dict):
        raise _import_error("`agent` and `generation_settings` must be objects.")
    for key in ("handle", "description"):
        required_str(agent, key, "agent.")
    if agent.get("scope") not in {"visible", "hidden"}:
        raise _import_error("`agent.scope` must be visible or hidden.")
    steps = agent.get("max_steps_per_run")
    if not isinstance(steps, int | float) or isinstance(steps, bool) or steps < 1:
        raise _import_error("`agent.max_steps_per_run` must be a number >= 1.")
    if not isinstance(agent.get("visualization_enabled"), bool):
        raise _import_error("`agent.visualization_enabled` must be a boolean.")
    optional_str(agent, "avatar_url", "agent.")
    required_str(body, "instructions")
    for key in ("model_id", "provider_id", "reasoning_effort"):
        required_str(settings, key, "generation_settings.")
    temperature = settings.get("temperature")
    if not isinstance(temperature, int | float) or isinstance(temperature, bool) or not 0 <= temperature <= 1:
        raise _import_error("`generation_settings.temperature` must be between 0 and 1.")
    editors, toolset = body.get("editors"), body.get("toolset")
    if (
        not isinstance(body.get("tags"), list)
        or not isinstance(editors, list)
        or not isinstance(toolset, list)
    ):
        raise _import_error("`tags`, `editors` and `toolset` must be lists.")
    if not all(isinstance(email, str) for email in editors):
        raise _import_error("`editors` must be a list of emails.")
    if not all(isinstance(tool, dict) for tool in toolset):
        raise _import_error("`toolset` entries must be objects.")
    return agent, settings, list(editors), list(toolset)


async def import_agent(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    agent_body, settings, editors, toolset = _checked_import(body)
    # The emulator has no tags; Dust answers this for any tag it cannot find.
    tags = body["tags"]
    if tags:
        names = ", ".join(f'"{tag.get("name")}"' for tag in tags if isinstance(tag, dict))
        raise invalid_request(f"Tags not found: {names}.")
    # An API key has no user to add as editor: at least one member must be named (by email).
    members = {member.email.lower(): rank for rank, member in enumerate(MEMBERS, 1) if member.active}
    named = [members[email.lower()] for email in editors if email.lower() in members]
    if not named:
        raise invalid_request("At least one editor is required.")
    workspace = ctx.workspace
    created = AgentConfiguration(
        id=workspace.ids.next_int(),
        sId=workspace.ids.next_sid(),
        name=agent_body["handle"],
        description=agent_body["description"],
        instructions=body["instructions"],
        scope=agent_body["scope"],
        behaviour="echo",
        model_id=settings["model_id"],
        provider_id=settings["provider_id"],
        picture=agent_body.get("avatar_url"),
        max_steps_per_run=int(agent_body["max_steps_per_run"]),
        # A member's model id is its rank in MEMBERS; the version's author is the first editor named.
        author_id=named[0],
    )
    workspace.agents[created.sId] = created
    # The emulator knows no MCP server by name, so every toolset entry is skipped, as Dust does.
    skipped = [
        {"name": str(tool.get("name", "")), "reason": "MCP server not found in the workspace."}
        for tool in toolset
    ]
    return JSONResponse({"agentConfiguration": created.to_json(), "skippedActions": skipped})


async def archive_agent(ctx: ApiContext) -> Response:
    agent = _agent(ctx)
    if agent.scope == "global":
        # Dust's AgentResource does not hold global agents: they are "not found" to this route.
        raise not_found("agent_configuration_not_found", "Agent configuration", agent.sId)
    if agent.status == "archived":
        raise invalid_request(ARCHIVED_AGENT_MESSAGE)
    agent.status = "archived"
    return JSONResponse({"success": True})


ROUTES: list[Route] = [
    api_route("/assistant/agent_configurations", list_agents, ["GET"]),
    api_route("/assistant/agent_configurations/search", search_agents, ["GET"]),
    api_route("/assistant/agent_configurations/import", import_agent, ["POST"]),
    api_route("/assistant/agent_configurations/{sId}", get_agent, ["GET"]),
    api_route("/assistant/agent_configurations/{sId}", patch_agent, ["PATCH"]),
    api_route("/assistant/agent_configurations/{sId}", archive_agent, ["DELETE"]),
    api_route("/assistant/agent_configurations/{sId}/export/yaml", export_yaml, ["GET"]),
]
