"""Mentions: parse ``@name`` in markdown into mention directives, and suggest agents and people to mention.

A *mention* in Dust's message markdown is the directive ``:mention[<name>]{sId=<agent sId>}`` (people:
``:mention_user[<name>]{sId=<user sId>}``); mentioning an agent in a posted message makes it answer.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._validation import read_json_object, required_str
from dust_ext.testing._world import get_conversation
from dust_ext.testing.routes.workspace import MEMBERS

#: The avatar Dust shows for a person without a picture of their own.
USER_AVATAR_URL = "https://dust.tt/static/humanavatar/anonymous.png"

JSONObject = dict[str, Any]

_AT_NAME = re.compile(r"(?<![\w:\[])@([A-Za-z0-9][\w.-]*)")


async def parse(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    markdown = required_str(body, "markdown", allow_empty=True)
    agents = {agent.name.lower(): agent for agent in ctx.workspace.agents.values()}
    people = {member.username.lower(): member for member in MEMBERS if member.active}

    def directive(match: re.Match[str]) -> str:
        name = match.group(1)
        agent = agents.get(name.lower())
        if agent is not None:
            return f":mention[{agent.name}]{{sId={agent.sId}}}"
        person = people.get(name.lower())
        if person is not None:
            return f":mention_user[{person.full_name}]{{sId={person.sId}}}"
        return match.group(0)

    return JSONResponse({"markdown": _AT_NAME.sub(directive, markdown)})


def suggestions(ctx: ApiContext) -> list[JSONObject]:
    params = ctx.request.query_params
    query = params.get("query")
    if query is None:
        raise invalid_request("Invalid query parameters: `query` is required.")
    select = params.getlist("select") or ["agents", "users"]
    if any(kind not in {"agents", "users"} for kind in select):
        raise invalid_request("Invalid query parameter `select`: expected 'agents' and/or 'users'.")
    if params.get("current", "false") not in {"true", "false"}:
        raise invalid_request("Invalid query parameter `current`: expected 'true' or 'false'.")
    needle = query.lower()
    found: list[JSONObject] = []
    if "agents" in select:
        found += [
            {
                "id": agent.sId,
                "type": "agent",
                "label": agent.name,
                "pictureUrl": agent.picture_url(),
                "description": agent.description,
                "userFavorite": agent.userFavorite,
            }
            for agent in ctx.workspace.agents.values()
            if needle in agent.name.lower() or needle in agent.sId.lower()
        ]
    if "users" in select:
        found += [
            {
                "id": member.sId,
                "type": "user",
                "label": member.full_name,
                # Dust's RichMention requires a picture for people too (their avatar, or a default one).
                "pictureUrl": USER_AVATAR_URL,
                "description": member.email,
            }
            for member in MEMBERS
            if member.active and (needle in member.full_name.lower() or needle in member.username)
        ]
    return found


async def workspace_suggestions(ctx: ApiContext) -> Response:
    return JSONResponse({"suggestions": suggestions(ctx)})


async def conversation_suggestions(ctx: ApiContext) -> Response:
    get_conversation(ctx.workspace, ctx.path("cId"))
    return JSONResponse({"suggestions": suggestions(ctx)})


ROUTES: list[Route] = [
    api_route("/assistant/mentions/parse", parse, ["POST"]),
    api_route("/assistant/mentions/suggestions", workspace_suggestions, ["GET"]),
    api_route("/assistant/conversations/{cId}/mentions/suggestions", conversation_suggestions, ["GET"]),
]
