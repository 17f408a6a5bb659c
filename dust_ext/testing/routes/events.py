"""The SSE event endpoints of conversations and agent messages (see ``_sse`` for the framing and ending rules).

As in Dust (``front-api/routes/v1/w/[wId]/assistant/conversations/[cId]/events.ts`` and
``.../messages/[mId]/events.ts``), the ``/api/v1`` URLs only answer ``307`` to ``/api/sse/v1/...``, where
the streams are served (``front-api/routes/sse/v1/...``).
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from dust_ext.testing._event_log import EventId
from dust_ext.testing._routing import ApiContext, sse_routes
from dust_ext.testing._sse import sse_response
from dust_ext.testing._world import get_agent_message, get_conversation


def _cursor(ctx: ApiContext) -> EventId | None:
    """``?lastEventId=``: events strictly after it are sent; an id not in the log still orders correctly
    (ids compare as (ms, seq)); a malformed one is a 400."""
    text = ctx.request.query_params.get("lastEventId")
    return EventId.parse(text) if text else None


async def conversation_events(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    cursor = _cursor(ctx)
    return sse_response(
        conversation.events, cursor, lambda: not conversation.has_running_agent(), ctx.stream_faults()
    )


async def message_events(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    message = get_agent_message(conversation, ctx.path("mId"))
    cursor = _cursor(ctx)
    return sse_response(message.events, cursor, lambda: not message.running, ctx.stream_faults())


ROUTES: list[Route] = [
    *sse_routes("/assistant/conversations/{cId}/events", conversation_events),
    *sse_routes("/assistant/conversations/{cId}/messages/{mId}/events", message_events),
]
