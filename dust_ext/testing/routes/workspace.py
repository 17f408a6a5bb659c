"""Workspace-level endpoints: existence, verified domains, member emails, feature flags, usage exports, and
the conversations and files of project spaces.

The emulated workspace has three members (one inactive), one verified domain and a fixed set of feature
flags. Usage exports are computed from the workspace's live state (agents, agent messages, feedbacks).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._routing import (
    ACCESS_TOKEN,
    ApiContext,
    api_route,
    emulator_state,
    user_token_state,
)
from dust_ext.testing._state import Workspace
from dust_ext.testing._validation import read_json_object, required_str

JSONObject = dict[str, Any]

VERIFIED_DOMAIN = "emulator.dust.tt"
FEATURE_FLAGS = ("emulated_workspace", "client_side_mcp", "ask_user_question")
USAGE_TABLES = ("users", "assistant_messages", "builders", "assistants", "feedback")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@dataclass(frozen=True)
class Member:
    """A person of the emulated workspace (mentionable, listed in usage and member emails)."""

    sId: str
    username: str
    full_name: str
    email: str
    role: str
    active: bool = True


MEMBERS = (
    Member("usr_peter", "peter", "Peter Parker", f"peter@{VERIFIED_DOMAIN}", "admin"),
    Member("usr_ada", "ada", "Ada Lovelace", f"ada@{VERIFIED_DOMAIN}", "builder"),
    Member("usr_grace", "grace", "Grace Hopper", f"grace@{VERIFIED_DOMAIN}", "user", active=False),
)


async def exists(ctx: ApiContext) -> Response:
    # Reaching the handler means the key opened this workspace.
    return JSONResponse({"exists": True})


async def verified_domains(ctx: ApiContext) -> Response:
    return JSONResponse({"verified_domains": [{"domain": VERIFIED_DOMAIN, "domainAutoJoinEnabled": False}]})


async def member_emails(ctx: ApiContext) -> Response:
    active_only = ctx.request.query_params.get("activeOnly", "false")
    if active_only not in {"true", "false"}:
        raise invalid_request("Invalid query parameter `activeOnly`: expected 'true' or 'false'.")
    members = [m for m in MEMBERS if m.active or active_only == "false"]
    return JSONResponse({"emails": [member.email for member in members]})


async def members(ctx: ApiContext) -> Response:
    # Dust needs an admin key; the emulator's key acts as one. Model ids follow the members' order.
    active = [(model_id, m) for model_id, m in enumerate(MEMBERS, start=1) if m.active]
    return JSONResponse(
        {"users": [{"sId": m.sId, "id": model_id, "email": m.email} for model_id, m in active]}
    )


async def validate_member(ctx: ApiContext) -> Response:
    email = required_str(await read_json_object(ctx.request), "email")
    return JSONResponse({"valid": any(m.active and m.email == email for m in MEMBERS)})


async def feature_flags(ctx: ApiContext) -> Response:
    return JSONResponse({"feature_flags": list(FEATURE_FLAGS)})


def usage_rows(workspace: Workspace, table: str) -> list[JSONObject]:
    """The rows of one usage table, from the workspace's state."""
    if table == "users":
        return [{"userId": m.sId, "userName": m.full_name, "userEmail": m.email} for m in MEMBERS if m.active]
    if table == "builders":
        return [{"userId": m.sId, "userEmail": m.email} for m in MEMBERS if m.role in {"admin", "builder"}]
    if table == "assistants":
        return [{"sId": a.sId, "name": a.name, "scope": a.scope} for a in workspace.agents.values()]
    if table == "assistant_messages":
        return [
            {
                "conversationId": conversation.sId,
                "messageId": message.sId,
                "assistantId": message.configuration.sId,
                "status": message.status,
                "createdAt": message.created,
            }
            for conversation in workspace.conversations.values()
            for message in conversation.agent_messages()
        ]
    return [
        {"messageId": f.message_id, "assistantId": f.configuration_id, "thumb": f.thumb_direction}
        for conversation in workspace.conversations.values()
        for f in conversation.feedbacks.values()
    ]


def _csv(rows: list[JSONObject]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _choice(ctx: ApiContext, name: str, allowed: tuple[str, ...], default: str | None = None) -> str:
    value = ctx.request.query_params.get(name, default)
    if value not in allowed:
        raise invalid_request(f"Invalid query parameter `{name}`: expected one of {', '.join(allowed)}.")
    return value


async def usage(ctx: ApiContext) -> Response:
    mode = _choice(ctx, "mode", ("month", "range"))
    table = _choice(ctx, "table", (*USAGE_TABLES, "all"))
    output = _choice(ctx, "format", ("csv", "json"), "csv")
    _choice(ctx, "includeInactive", ("true", "false"), "false")
    start = ctx.request.query_params.get("start", "")
    end = ctx.request.query_params.get("end")
    if mode == "month" and not _MONTH.fullmatch(start):
        raise invalid_request("Invalid query parameter `start`: expected YYYY-MM in month mode.")
    if mode == "range" and not (_DAY.fullmatch(start) and end and _DAY.fullmatch(end) and start <= end):
        raise invalid_request("Invalid query parameters: range mode needs `start` <= `end`, both YYYY-MM-DD.")
    tables = USAGE_TABLES if table == "all" else (table,)
    if output == "json":
        return JSONResponse({name: usage_rows(ctx.workspace, name) for name in tables})
    if table != "all":
        return Response(_csv(usage_rows(ctx.workspace, table)), media_type="text/csv")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        for name in tables:
            bundle.writestr(f"{name}.csv", _csv(usage_rows(ctx.workspace, name)))
    return Response(archive.getvalue(), media_type="application/zip")


def _space_id(ctx: ApiContext) -> str:
    space_id = ctx.path("spaceId")
    if space_id not in ctx.workspace.spaces:
        raise not_found("space_not_found", "Space", space_id)
    return space_id


def _updated_since(ctx: ApiContext) -> float:
    text = ctx.request.query_params.get("updatedSince")
    if text is None or text == "":
        return 0.0
    try:
        return float(text)
    except ValueError:
        raise invalid_request("Invalid query parameter `updatedSince`: expected a number.") from None


async def space_conversations(ctx: ApiContext) -> Response:
    # Emulated conversations are not filed in spaces: every space has none (the shape is what matters).
    _space_id(ctx)
    _updated_since(ctx)
    return JSONResponse({"conversations": []})


async def space_conversation_ids(ctx: ApiContext) -> Response:
    _space_id(ctx)
    return JSONResponse({"conversationIds": []})


async def project_metadata(ctx: ApiContext) -> Response:
    # Only project spaces have metadata; the emulator's spaces are all regular ones.
    _space_id(ctx)
    return JSONResponse({"metadata": None})


async def project_files(ctx: ApiContext) -> Response:
    _space_id(ctx)
    _updated_since(ctx)
    return JSONResponse({"files": []})


async def me(request: Request) -> Response:
    """``GET /api/v1/me`` (Dust's ``front/pages/api/v1/me.ts``, ``withTokenAuthentication``): only a user's
    OAuth access token opens it; an API key is not one and gets ``401 not_authenticated``."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    state = emulator_state(request)
    if (
        scheme.lower() != "bearer"
        or not token
        or any(token == ws.api_key for ws in state.workspaces.values())
    ):
        error = ApiError(
            401, "not_authenticated", "The request does not have valid authentication credentials."
        )
        return error.to_response()
    try:
        issued = user_token_state(token, state)
    except ApiError as expired:
        return expired.to_response()
    if token != ACCESS_TOKEN and issued != "valid":
        error = ApiError(
            401, "invalid_oauth_token_error", "The request does not have valid authentication credentials."
        )
        return error.to_response()
    peter = MEMBERS[0]
    first, _, last = peter.full_name.partition(" ")
    workspaces = [
        {
            "id": index + 1,
            "sId": workspace_id,
            "name": f"Emulated workspace {workspace_id}",
            "role": peter.role,
            "segmentation": None,
            "whiteListedProviders": None,
            "defaultEmbeddingProvider": None,
            "ssoEnforced": False,
        }
        for index, workspace_id in enumerate(sorted(state.workspaces))
    ]
    user = {
        "sId": peter.sId,
        "id": 1,
        "createdAt": 1_700_000_000_000,
        "provider": "google",
        "username": peter.username,
        "email": peter.email,
        "firstName": first,
        "lastName": last or None,
        "fullName": peter.full_name,
        "image": None,
        "workspaces": workspaces,
    }
    return JSONResponse({"user": user})


ROUTES: list[Route] = [
    Route("/api/v1/me", me, methods=["GET"]),
    api_route("/exists", exists, ["GET"]),
    api_route("/verified_domains", verified_domains, ["GET"]),
    api_route("/members", members, ["GET"]),
    api_route("/members/emails", member_emails, ["GET"]),
    api_route("/members/validate", validate_member, ["POST"]),
    api_route("/feature_flags", feature_flags, ["GET"]),
    api_route("/workspace-usage", usage, ["GET"]),
    api_route("/spaces/{spaceId}/conversations", space_conversations, ["GET"]),
    api_route("/spaces/{spaceId}/conversation_ids", space_conversation_ids, ["GET"]),
    api_route("/spaces/{spaceId}/project_metadata", project_metadata, ["GET"]),
    api_route("/spaces/{spaceId}/project_files", project_files, ["GET"]),
]
