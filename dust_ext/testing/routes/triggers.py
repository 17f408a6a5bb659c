"""Webhook triggers: ``POST /triggers/hooks/{webhookSourceId}`` delivers a JSON payload to a webhook source.

In Dust a *webhook source* is an endpoint that starts agents (their *triggers*) when an outside system posts
to it. The emulator has one source, ``whs_emulator``, and records every payload it receives.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._tool_state import tools_of
from dust_ext.testing._validation import read_json_object


async def send_webhook(ctx: ApiContext) -> Response:
    source_id = ctx.path("webhookSourceId")
    deliveries = tools_of(ctx.workspace).webhook_deliveries.get(source_id)
    if deliveries is None:
        raise not_found("webhook_source_not_found", "Webhook source", source_id)
    deliveries.append(await read_json_object(ctx.request, optional=True))
    return JSONResponse({"success": True})


ROUTES: list[Route] = [api_route("/triggers/hooks/{webhookSourceId}", send_webhook, ["POST"])]
