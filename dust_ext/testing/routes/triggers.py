"""Triggers: ``GET /triggers`` lists the agents' triggers (admin keys; the emulator's key acts as one), and
``POST /triggers/hooks/{webhookSourceId}/{webhookSourceUrlSecret}`` delivers a JSON payload to a webhook
source.

In Dust a *webhook source* is an endpoint that starts agents (their *triggers*) when an outside system posts
to it; the URL's last segment is the source's secret, which authenticates the call. The emulator has one
source, ``whs_emulator`` (secret ``whsec_emulator``), and records every payload it receives. Its triggers
are fixed: a weekly schedule of ``echo``, a webhook trigger of ``echo`` on that source, and a disabled
schedule of ``dust``, in the shape of Dust's public serializer (``front-api/routes/v1/w/[wId]/triggers``).
"""

from __future__ import annotations

import hmac

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._tool_state import DEFAULT_WEBHOOK_SOURCE_ID, JSONObject, tools_of
from dust_ext.testing._validation import query_int, read_json_object

TRIGGER_KINDS = ("schedule", "webhook")
TRIGGER_STATUSES = ("enabled", "disabled", "disabled_by_manager", "relocating", "downgraded")


def _trigger(model_id: int, sid: str, agent: str, kind: str, status: str, **fields: object) -> JSONObject:
    return {
        "id": model_id,
        "sId": sid,
        "name": f"{agent} {kind}",
        "agentConfigurationId": agent,
        "customPrompt": None,
        "status": status,
        "createdAt": 1_700_000_000_000 + model_id,
        "naturalLanguageDescription": None,
        "executionMode": None,
        "kind": kind,
        **fields,
    }


TRIGGERS: tuple[JSONObject, ...] = (
    _trigger(1, "trg_weekly", "echo", "schedule", "enabled",
             configuration={"cron": "0 9 * * 1", "timezone": "UTC"}),
    _trigger(2, "trg_hook", "echo", "webhook", "enabled",
             configuration={"includePayload": True, "event": None, "filter": None},
             webhookSource={"name": DEFAULT_WEBHOOK_SOURCE_ID, "provider": "custom"}),
    _trigger(3, "trg_paused", "dust", "schedule", "disabled",
             configuration={"cron": "0 8 * * *", "timezone": "Europe/Paris"}),
)  # fmt: skip


def _choice(ctx: ApiContext, key: str, allowed: tuple[str, ...]) -> str | None:
    value = ctx.request.query_params.get(key)
    if value is not None and value not in allowed:
        raise invalid_request(f"Invalid query parameter `{key}`: must be one of {', '.join(allowed)}.")
    return value


async def list_triggers(ctx: ApiContext) -> Response:
    kind = _choice(ctx, "kind", TRIGGER_KINDS)
    status = _choice(ctx, "status", TRIGGER_STATUSES) or "enabled"
    agent = ctx.request.query_params.get("agentConfigurationId")
    limit = query_int(ctx.request, "limit", 50, minimum=1)
    if limit > 100:
        raise invalid_request("Invalid query parameter `limit`: must be <= 100.")
    offset = query_int(ctx.request, "offset", 0)
    found = [
        trigger
        for trigger in TRIGGERS
        if trigger["status"] == status
        and (kind is None or trigger["kind"] == kind)
        and (agent is None or trigger["agentConfigurationId"] == agent)
    ]
    return JSONResponse({"triggers": found[offset : offset + limit]})


async def send_webhook(ctx: ApiContext) -> Response:
    source_id = ctx.path("webhookSourceId")
    tools = tools_of(ctx.workspace)
    deliveries = tools.webhook_deliveries.get(source_id)
    if deliveries is None:
        raise not_found("webhook_source_not_found", "Webhook source", source_id)
    if not hmac.compare_digest(ctx.path("webhookSourceUrlSecret"), tools.webhook_secrets[source_id]):
        raise ApiError(401, "webhook_source_auth_error", "Invalid webhook path.")
    if "application/json" not in ctx.request.headers.get("content-type", ""):
        raise invalid_request("Content-Type must be application/json.")
    deliveries.append(await read_json_object(ctx.request))
    return JSONResponse({"success": True})


ROUTES: list[Route] = [
    api_route("/triggers", list_triggers, ["GET"]),
    # No API key: the URL secret is the authentication, as on Dust.
    api_route(
        "/triggers/hooks/{webhookSourceId}/{webhookSourceUrlSecret}", send_webhook, ["POST"], keyless=True
    ),
]
