"""Conversation consumption: ``GET /assistant/conversations/{cId}/consumption``, the credits a conversation
was billed.

Dust bills each agent message once it is terminal and splits the bill between agent work and tool calls,
regrouped by model and by agent. The emulator has no real costs: each succeeded agent message (every
version, retries included) bills :data:`CREDITS_PER_REPLY` credits, all of it agent work on the agent's
model; running, failed and cancelled messages bill nothing. As on Dust, ``details`` is null when nothing
was billed.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import AgentMessage
from dust_ext.testing._world import get_conversation

JSONObject = dict[str, Any]

#: What the emulator bills for each succeeded agent message.
CREDITS_PER_REPLY = 2.0


def _model(provider_id: str, model_id: str, credits: float) -> JSONObject:
    return {
        "providerId": provider_id,
        "modelId": model_id,
        "displayName": model_id,
        "attributedCredits": credits,
    }


def consumption_of(messages: list[AgentMessage]) -> JSONObject:
    """Dust's ConversationConsumption body for these agent messages."""
    billed = [message for message in messages if message.status == "succeeded"]
    if not billed:
        return {"billedCredits": 0, "details": None}
    by_agent: dict[str, list[AgentMessage]] = {}
    models: dict[tuple[str, str], float] = {}
    for message in billed:
        by_agent.setdefault(message.configuration.sId, []).append(message)
        key = (message.configuration.provider_id, message.configuration.model_id)
        models[key] = models.get(key, 0.0) + CREDITS_PER_REPLY
    agents = []
    for replies in by_agent.values():
        agent = replies[0].configuration
        credits = CREDITS_PER_REPLY * len(replies)
        agents.append(
            {
                "agentId": agent.sId,
                "name": agent.name,
                "pictureUrl": agent.picture_url(),
                "billedCredits": credits,
                "agentWorkCredits": credits,
                "tools": [],
                "models": [_model(agent.provider_id, agent.model_id, credits)],
            }
        )
    total = CREDITS_PER_REPLY * len(billed)
    return {
        "billedCredits": total,
        "details": {
            "attributionVersion": 1,
            "agentWorkCredits": total,
            "tools": [],
            "models": [_model(provider, model, credits) for (provider, model), credits in models.items()],
            "agents": agents,
        },
    }


async def get_consumption(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    return JSONResponse(consumption_of(conversation.agent_messages()))


ROUTES: list[Route] = [
    api_route("/assistant/conversations/{cId}/consumption", get_consumption, ["GET"]),
]
