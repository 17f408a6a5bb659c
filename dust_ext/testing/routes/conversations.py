"""Conversations, messages, content fragments, cancel, retry, validate-action and feedbacks."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import ContentFragment, Conversation, Feedback, Workspace
from dust_ext.testing._validation import (
    mention_ids,
    optional_bool,
    optional_object,
    optional_str,
    query_int,
    read_json_object,
    required_object,
    required_str,
    string_list,
)
from dust_ext.testing._world import (
    get_agent_message,
    get_conversation,
    get_user_message,
    new_conversation,
    parent_user_message,
    post_user_message,
    start_agent_message,
    wait_until_finished,
)

JSONObject = dict[str, Any]


def _context(body: JSONObject, where: str) -> JSONObject:
    context = required_object(body, "context", where)
    required_str(context, "username", f"{where}context.")
    required_str(context, "timezone", f"{where}context.")
    for key in ("fullName", "email", "profilePictureUrl", "origin"):
        optional_str(context, key, f"{where}context.")
    kept = {
        "username": context["username"],
        "timezone": context["timezone"],
        "fullName": context.get("fullName"),
        "email": context.get("email"),
        "profilePictureUrl": context.get("profilePictureUrl"),
        "origin": context.get("origin") or "api",
    }
    # The client-side MCP servers an agent may call for this message (see the `toolcaller` agent).
    server_ids = context.get("clientSideMCPServerIds")
    if server_ids is not None:
        kept["clientSideMCPServerIds"] = string_list(context, "clientSideMCPServerIds", f"{where}context.")
    return kept


#: The reasoning efforts Dust's server accepts in a `modelSelection` (it re-validates the JS SDK's open enum).
REASONING_EFFORTS = ("none", "light", "medium", "high")


def _check_model_selection(body: JSONObject, where: str) -> None:
    """A message's optional ``modelSelection``: provider and model ids, an optional reasoning effort. The
    emulator's scripted agents answer the same whatever the model; an ill-formed selection is a 400."""
    selection = optional_object(body, "modelSelection", where)
    if selection is None:
        return
    required_str(selection, "providerId", f"{where}modelSelection.")
    required_str(selection, "modelId", f"{where}modelSelection.")
    effort = optional_str(selection, "reasoningEffort", f"{where}modelSelection.")
    if effort is not None and effort not in REASONING_EFFORTS:
        raise invalid_request(
            f"Invalid request body: `{where}modelSelection.reasoningEffort` must be one of "
            f"{', '.join(REASONING_EFFORTS)}."
        )


def _fragment(ctx: ApiContext, conversation: Conversation, body: JSONObject, where: str) -> ContentFragment:
    """Validate a content fragment body and append it to the conversation."""
    workspace = ctx.workspace
    title = required_str(body, "title", where)
    file_id = optional_str(body, "fileId", where)
    url = optional_str(body, "url", where)
    if file_id is not None:
        stored = workspace.files.get(file_id)
        if stored is None:
            raise not_found("file_not_found", "File", file_id)
        text = (stored.data or b"").decode("utf-8", errors="replace")
        content_type = stored.content_type
    else:
        text = required_str(body, "content", where)
        content_type = required_str(body, "contentType", where)
        if len(text.encode()) > 512 * 1024:
            raise invalid_request(f"Invalid request body: `{where}content` exceeds 512kB.")
    context_body = optional_object(body, "context", where)
    context = _context({"context": context_body}, where) if context_body else {}
    fragment = ContentFragment(
        id=workspace.ids.next_int(),
        sId=workspace.ids.next_sid(),
        rank=len(conversation.content),
        title=title,
        content_type=content_type,
        text=text,
        source_url=url,
        context=context,
        file_id=file_id,
        base_url=ctx.base_url,
        workspace_id=workspace.sId,
    )
    conversation.content.append([fragment])
    return fragment


def _conversation(ctx: ApiContext) -> Conversation:
    return get_conversation(ctx.workspace, ctx.path("cId"))


async def create_conversation(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    title = optional_str(body, "title")
    visibility = optional_str(body, "visibility") or "unlisted"
    if visibility not in {"unlisted", "workspace", "test"}:
        raise invalid_request(f"Invalid request body: `visibility` {visibility!r} is not supported.")
    blocking = optional_bool(body, "blocking")
    message_body = optional_object(body, "message")
    fragment_body = optional_object(body, "contentFragment")
    fragments_body = body.get("contentFragments")
    if fragments_body is not None and not (
        isinstance(fragments_body, list) and all(isinstance(item, dict) for item in fragments_body)
    ):
        raise invalid_request("Invalid request body: `contentFragments` must be a list of objects.")
    # Validate everything before creating anything, so a 400 leaves no half-made conversation.
    if message_body is not None:
        required_str(message_body, "content", "message.")
        _check_mentions_shape(ctx.workspace, message_body)
        _context(message_body, "message.")
        _check_model_selection(message_body, "message.")
    conversation = new_conversation(ctx.workspace, title, visibility)
    response: JSONObject = {}
    fragment_bodies = ([fragment_body] if fragment_body else []) + list(fragments_body or [])
    try:
        for index, item in enumerate(fragment_bodies):
            fragment = _fragment(ctx, conversation, item, f"contentFragments[{index}].")
            response.setdefault("contentFragment", fragment.to_json())
    except ApiError:
        del ctx.workspace.conversations[conversation.sId]
        raise
    if message_body is not None:
        user_message, agent_messages = post_user_message(
            ctx.state,
            ctx.workspace,
            conversation,
            message_body["content"],
            mention_ids(message_body, "message."),
            _context(message_body, "message."),
            skip_tools_validation=optional_bool(body, "skipToolsValidation"),
        )
        if blocking:
            await wait_until_finished(agent_messages)
        response["message"] = user_message.to_json()
    response["conversation"] = conversation.to_json(app_url=ctx.base_url)
    return JSONResponse(response)


def _check_mentions_shape(workspace: Workspace, body: JSONObject) -> None:
    for configuration_id in mention_ids(body, "message."):
        if configuration_id not in workspace.agents:
            raise not_found("agent_configuration_not_found", "Agent configuration", configuration_id)


async def list_conversations(ctx: ApiContext) -> Response:
    conversations = sorted(ctx.workspace.conversations.values(), key=lambda c: -c.updated)
    return JSONResponse({"conversations": [conversation.light_json() for conversation in conversations]})


async def get_conversation_route(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    if ctx.request.query_params.get("limit") in (None, ""):
        return JSONResponse({"conversation": conversation.to_json(app_url=ctx.base_url)})
    # Paged, newest first: the `limit` messages ranked below `lastValue` (a rank), and whether older remain.
    # Dust then sends `hasMore` and `lastValue` beside the conversation, the cursor as a string.
    limit = query_int(ctx.request, "limit", 0)
    before = min(query_int(ctx.request, "lastValue", len(conversation.content)), len(conversation.content))
    start = max(before - limit, 0)
    page = range(start, before)
    return JSONResponse(
        {
            "conversation": conversation.to_json(page, app_url=ctx.base_url),
            "hasMore": start > 0,
            "lastValue": str(start) if page else None,
        }
    )


async def patch_conversation(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    body = await read_json_object(ctx.request)
    if "read" in body:
        if optional_bool(body, "read"):
            conversation.unread = False
    elif "title" in body:
        conversation.title = optional_str(body, "title")
    else:
        raise invalid_request("Invalid request body: `read` is missing (a boolean is required).")
    return JSONResponse({"success": True})


async def post_message(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    body = await read_json_object(ctx.request)
    content = required_str(body, "content")
    mentions = mention_ids(body)
    context = _context(body, "")
    _check_model_selection(body, "")
    blocking = optional_bool(body, "blocking")
    user_message, agent_messages = post_user_message(
        ctx.state,
        ctx.workspace,
        conversation,
        content,
        mentions,
        context,
        skip_tools_validation=optional_bool(body, "skipToolsValidation"),
    )
    if blocking:
        await wait_until_finished(agent_messages)
    return JSONResponse(
        {
            "message": user_message.to_json(),
            "agentMessages": [message.to_json() for message in agent_messages],
        }
    )


async def edit_message(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    original = get_user_message(conversation, ctx.path("mId"))
    body = await read_json_object(ctx.request)
    content = required_str(body, "content")
    mentions = mention_ids(body)
    user_message, agent_messages = post_user_message(
        ctx.state,
        ctx.workspace,
        conversation,
        content,
        mentions,
        original.context,
        edit_of=original,
        skip_tools_validation=optional_bool(body, "skipToolsValidation"),
    )
    return JSONResponse(
        {
            "message": user_message.to_json(),
            "agentMessages": [message.to_json() for message in agent_messages],
        }
    )


async def retry_message(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    original = get_agent_message(conversation, ctx.path("mId"))
    if original.running:
        raise invalid_request(f"Message {original.sId!r} is still running; cancel it before retrying.")
    message = start_agent_message(
        ctx.state,
        ctx.workspace,
        conversation,
        original.configuration,
        parent_user_message(conversation, original),
        retry_of=original,
    )
    if optional_bool(await read_json_object(ctx.request, optional=True), "blocking"):
        await wait_until_finished([message])
    return JSONResponse({"message": message.to_json()})


async def cancel(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    body = await read_json_object(ctx.request)
    message_ids = string_list(body, "messageIds", required=True)
    messages = [get_agent_message(conversation, message_id) for message_id in message_ids]
    for message in messages:
        if message.running and message.task is not None:
            message.task.cancel()
    # Answer once the cancellation happened, so a client reading the stream next sees the terminal event.
    await wait_until_finished(messages)
    return JSONResponse({"success": True})


async def create_content_fragment(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    body = await read_json_object(ctx.request)
    fragment = _fragment(ctx, conversation, body, "")
    return JSONResponse({"contentFragment": fragment.to_json()})


async def validate_action(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    message = get_agent_message(conversation, ctx.path("mId"))
    body = await read_json_object(ctx.request)
    action_id = required_str(body, "actionId")
    approved = body.get("approved")
    if approved is True:
        approved = "approved"
    elif approved is False:
        approved = "rejected"
    if approved not in {"approved", "rejected", "always_approved"}:
        raise invalid_request(
            "Invalid request body: `approved` must be one of 'approved', 'rejected', 'always_approved'."
        )
    pending = message.pending_approval
    if pending is None or pending.action_id != action_id:
        raise not_found("action_not_found", "Action awaiting validation", action_id)
    if not pending.decision.done():
        pending.decision.set_result(str(approved))
    return JSONResponse({"success": True})


async def post_feedback(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    message = get_agent_message(conversation, ctx.path("mId"))
    body = await read_json_object(ctx.request)
    direction = required_str(body, "thumbDirection")
    if direction not in {"up", "down"}:
        raise invalid_request("Invalid request body: `thumbDirection` must be 'up' or 'down'.")
    conversation.feedbacks[message.sId] = Feedback(
        message_id=message.sId,
        agent_message_id=message.id,
        thumb_direction=direction,
        content=optional_str(body, "feedbackContent"),
        configuration_id=message.configuration.sId,
        is_conversation_shared=optional_bool(body, "isConversationShared"),
    )
    return JSONResponse({"success": True})


async def get_message_feedbacks(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    message = get_agent_message(conversation, ctx.path("mId"))
    feedback = conversation.feedbacks.get(message.sId)
    return JSONResponse({"feedbacks": [feedback.to_json()] if feedback else []})


async def delete_feedback(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    message = get_agent_message(conversation, ctx.path("mId"))
    if conversation.feedbacks.pop(message.sId, None) is None:
        raise not_found("feedback_not_found", "Feedback for message", message.sId)
    return JSONResponse({"success": True})


async def list_feedbacks(ctx: ApiContext) -> Response:
    conversation = _conversation(ctx)
    return JSONResponse({"feedbacks": [feedback.to_json() for feedback in conversation.feedbacks.values()]})


_BASE = "/assistant/conversations"
_MESSAGE = _BASE + "/{cId}/messages/{mId}"

ROUTES: list[Route] = [
    api_route(_BASE, create_conversation, ["POST"]),
    api_route(_BASE, list_conversations, ["GET"]),
    api_route(_BASE + "/{cId}", get_conversation_route, ["GET"]),
    api_route(_BASE + "/{cId}", patch_conversation, ["PATCH"]),
    api_route(_BASE + "/{cId}/messages", post_message, ["POST"]),
    api_route(_BASE + "/{cId}/cancel", cancel, ["POST"]),
    api_route(_BASE + "/{cId}/content_fragments", create_content_fragment, ["POST"]),
    api_route(_BASE + "/{cId}/feedbacks", list_feedbacks, ["GET"]),
    api_route(_MESSAGE + "/edit", edit_message, ["POST"]),
    api_route(_MESSAGE + "/retry", retry_message, ["POST"]),
    api_route(_MESSAGE + "/validate-action", validate_action, ["POST"]),
    api_route(_MESSAGE + "/feedbacks", post_feedback, ["POST"]),
    api_route(_MESSAGE + "/feedbacks", get_message_feedbacks, ["GET"]),
    api_route(_MESSAGE + "/feedbacks", delete_feedback, ["DELETE"]),
]
