"""Tool interactions in conversations: blocked actions, answering a tool's question, conversation tools.

Approving or rejecting a tool call (``validate-action``) lives with the other message routes in
``conversations``; this module lists what is blocked and answers questions tools ask.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import AgentMessage, Conversation
from dust_ext.testing._tool_state import tools_of
from dust_ext.testing._validation import optional_str, read_json_object, required_object, required_str
from dust_ext.testing._world import get_agent_message, get_conversation
from dust_ext.testing.routes.mcp import SERVER_VIEWS

JSONObject = dict[str, Any]

_BLOCKED_FIELDS = (
    "actionId",
    "inputs",
    "stake",
    "metadata",
    "argumentsRequiringApproval",
    "approvalArgsLabel",
)


def _approval_event(message: AgentMessage, action_id: str) -> JSONObject:
    for logged in reversed(message.events.events):
        if logged.data.get("type") == "tool_approve_execution" and logged.data.get("actionId") == action_id:
            return logged.data
    return {}


def blocked_actions(conversation: Conversation, ctx: ApiContext) -> list[JSONObject]:
    """Every action of the conversation waiting for the user, in Dust's ``BlockedActionExecution`` shape."""
    blocked: list[JSONObject] = []
    for message in conversation.agent_messages():
        pending = message.pending_approval
        if pending is not None and not pending.decision.done():
            event = _approval_event(message, pending.action_id)
            entry = {key: event[key] for key in _BLOCKED_FIELDS if key in event}
            entry.update(
                actionId=pending.action_id,
                messageId=message.sId,
                conversationId=conversation.sId,
                status="blocked_validation_required",
            )
            blocked.append(entry)
    for question in tools_of(ctx.workspace).questions.values():
        if question.conversation is conversation and not question.answer.done():
            blocked.append(
                {
                    "actionId": question.action_id,
                    "inputs": question.inputs,
                    "stake": "low",
                    "metadata": question.metadata,
                    "messageId": question.message.sId,
                    "conversationId": conversation.sId,
                    "status": "blocked_user_answer_required",
                    "question": question.question,
                }
            )
    return blocked


async def list_blocked(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    return JSONResponse({"blockedActions": blocked_actions(conversation, ctx)})


async def answer_question(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    message = get_agent_message(conversation, ctx.path("mId"))
    body = await read_json_object(ctx.request)
    action_id = required_str(body, "actionId")
    answer = required_object(body, "answer")
    selected = answer.get("selectedOptions", [])
    if not isinstance(selected, list) or not all(
        isinstance(index, int) and not isinstance(index, bool) for index in selected
    ):
        raise invalid_request("Invalid request body: `answer.selectedOptions` must be a list of integers.")
    custom = optional_str(answer, "customResponse", "answer.")
    question = tools_of(ctx.workspace).questions.get(action_id)
    if question is None or question.message is not message or question.answer.done():
        raise not_found("action_not_found", "Question awaiting an answer", action_id)
    options = question.question.get("options") or []
    if any(not 0 <= index < len(options) for index in selected):
        raise invalid_request(
            f"Invalid request body: `answer.selectedOptions` must index the {len(options)} options."
        )
    if not selected and not custom:
        raise invalid_request(
            "Invalid request body: the answer needs `selectedOptions` or a `customResponse`."
        )
    question.answer.set_result({"selectedOptions": list(selected), "customResponse": custom})
    return JSONResponse({"success": True})


async def update_tools(ctx: ApiContext) -> Response:
    conversation = get_conversation(ctx.workspace, ctx.path("cId"))
    body = await read_json_object(ctx.request)
    action = required_str(body, "action")
    if action not in {"add", "delete"}:
        raise invalid_request("Invalid request body: `action` must be 'add' or 'delete'.")
    view_id = required_str(body, "mcp_server_view_id")
    if view_id not in {sid for sid, *_ in SERVER_VIEWS}:
        raise not_found("mcp_server_view_not_found", "MCP server view", view_id)
    tools = tools_of(ctx.workspace).conversation_tools.setdefault(conversation.sId, [])
    if action == "add" and view_id not in tools:
        tools.append(view_id)
    elif action == "delete" and view_id in tools:
        tools.remove(view_id)
    return JSONResponse({"success": True})


_CONVERSATION = "/assistant/conversations/{cId}"

ROUTES: list[Route] = [
    api_route(_CONVERSATION + "/actions/blocked", list_blocked, ["GET"]),
    api_route(_CONVERSATION + "/messages/{mId}/answer-question", answer_question, ["POST"]),
    api_route(_CONVERSATION + "/tools", update_tools, ["POST"]),
]
