"""Webhook triggers: ``POST /triggers/hooks/{webhookSourceId}/{webhookSourceUrlSecret}`` delivers a JSON
payload to a webhook source.

In Dust a *webhook source* is an endpoint that starts agents (their *triggers*) when an outside system posts
to it; the URL's last segment is the source's secret, which authenticates the call. The emulator has one
source, ``whs_emulator`` (secret ``whsec_emulator``), and records every payload it receives.
"""

from __future__ import annotations

import hmac

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._tool_state import tools_of
from dust_ext.testing._validation import read_json_object


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
    # No API key: the URL secret is the authentication, as on Dust.
    api_route(
        "/triggers/hooks/{webhookSourceId}/{webhookSourceUrlSecret}", send_webhook, ["POST"], keyless=True
    )
]
