"""The calls of ``client.conversations``, described without I/O (see :mod:`dust_ext._core.call`), and the
pure helpers that build their bodies (shared with ``client.chat``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from dust_ext._core.call import decode_error, raw_json
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustNotFoundError
from dust_ext.types.conversations import (
    AgentMessage,
    Conversation,
    Message,
    MessageContext,
    MessageMention,
    ModelSelection,
    PostMessageResult,
)

MentionLike = MessageMention | Mapping[str, Any] | str
"""A mention: a :class:`MessageMention`, its dict form, or simply the agent's sId."""
ContextLike = MessageContext | Mapping[str, Any]
ModelSelectionLike = ModelSelection | Mapping[str, Any]
"""A per-message model: a :class:`ModelSelection` or its dict form (``providerId``, ``modelId``,
optional ``reasoningEffort``)."""
MessageList = list[Message]


def conversation_id_from(conversation_id: str | None, conv_id: str | None) -> str:
    """Accept both spellings the seed SDK's documents use (``conversation_id=`` and ``conv_id=``)."""
    if conversation_id and conv_id and conversation_id != conv_id:
        raise TypeError("pass either conversation_id or conv_id, not two different ids")
    chosen = conversation_id if conversation_id is not None else conv_id
    if chosen is None:
        raise TypeError("a conversation id is required (conversation_id=...)")
    return chosen  # an empty id is refused with the other bad ids, as DustInvalidIdError


def mention_dict(mention: MentionLike) -> dict[str, Any]:
    """A mention as Dust reads it (``{"configurationId": ...}``); a mention's ``context`` is not sent."""
    if isinstance(mention, str):
        return {"configurationId": mention}
    if isinstance(mention, MessageMention):
        return mention.model_dump(exclude_none=True, exclude={"context"})
    return {k: v for k, v in mention.items() if k != "context"}


def mention_dicts(mentions: Sequence[MentionLike] | None) -> list[dict[str, Any]]:
    """The ``mentions`` of a user message (none given: an empty list, which Dust requires)."""
    return [mention_dict(mention) for mention in mentions or ()]


def context_dict(config: DustConfig, context: ContextLike | None) -> dict[str, Any]:
    """The user-message context: the caller's, else the config's default username and timezone."""
    if context is None:
        return {"username": config.default_username, "timezone": config.default_timezone}
    if isinstance(context, MessageContext):
        return context.model_dump(exclude_none=True)
    return dict(context)


def model_selection_dict(selection: ModelSelectionLike) -> dict[str, Any]:
    """``modelSelection`` as Dust reads it; a dict is checked like the model (provider and model ids)."""
    if isinstance(selection, ModelSelection):
        return selection.model_dump(exclude_none=True)
    if not isinstance(selection, Mapping):
        raise TypeError("model_selection is a ModelSelection or a mapping with providerId and modelId")
    return ModelSelection.model_validate(dict(selection)).model_dump(exclude_none=True)


def message_payload(
    config: DustConfig,
    content: str,
    mentions: Sequence[MentionLike] | None,
    context: ContextLike | None,
    blocking: bool,
    skip_tools_validation: bool,
    model_selection: ModelSelectionLike | None = None,
) -> dict[str, Any]:
    """The body of a user message: text, mentions, context (the config's defaults unless given) and flags."""
    payload: dict[str, Any] = {
        "content": content,
        "mentions": mention_dicts(mentions),
        "context": context_dict(config, context),
    }
    if model_selection is not None:
        payload["modelSelection"] = model_selection_dict(model_selection)
    if blocking:
        payload["blocking"] = True
    if skip_tools_validation:
        payload["skipToolsValidation"] = True
    return payload


def fragment_body(body: dict[str, Any]) -> dict[str, Any]:
    """The body of a content fragment, once checked: text (``content``, typed ``text/plain`` unless
    ``contentType`` says otherwise) or an uploaded file (``fileId``), not both."""
    if (body.get("content") is None) == (body.get("fileId") is None):
        raise TypeError("a content fragment needs exactly one of content= or file_id=")
    if body.get("content") is not None and body.get("contentType") is None:
        return {**body, "contentType": "text/plain"}
    return body


def post_message_parse(response: httpx.Response) -> PostMessageResult:
    """``{"message": UserMessage, "agentMessages": [AgentMessage, ...]}`` → :class:`PostMessageResult`."""
    body = raw_json(response)
    try:
        result = PostMessageResult.model_validate(body["message"])
        result.agent_messages = [AgentMessage.model_validate(m) for m in body.get("agentMessages") or []]
        return result
    except (KeyError, TypeError, ValueError) as exc:
        raise decode_error(response, '{"message": UserMessage, "agentMessages": [...]}', exc) from None


class _ConversationPage(BaseModel):
    """Dust's ``GET .../conversations/{cId}`` body: the conversation, and the page markers beside it."""

    model_config = ConfigDict(extra="ignore")

    conversation: Conversation
    hasMore: bool | None = None
    lastValue: str | None = None


def conversation_page_parse(response: httpx.Response) -> Conversation:
    """``{"conversation": ..., "hasMore"?, "lastValue"?}`` → :class:`Conversation`, the page markers kept
    on it (Dust sends them beside the conversation, only when a ``limit`` was asked)."""
    try:
        # Validated from the bytes in one pass (pydantic reads the JSON itself), not json.loads first.
        page = _ConversationPage.model_validate_json(response.content)
    except ValidationError as exc:
        raise decode_error(response, '{"conversation": Conversation}', exc) from None
    conversation = page.conversation
    sent = page.model_fields_set
    for marker in ("hasMore", "lastValue"):
        if marker in sent:
            setattr(conversation, marker, getattr(page, marker))
    return conversation


def conversation_body(
    config: DustConfig,
    body: dict[str, Any],
    *,
    mentions: Sequence[MentionLike] | None,
    context: ContextLike | None,
    model_selection: ModelSelectionLike | None,
) -> dict[str, Any]:
    """The body of ``POST .../conversations`` (``conversations.create``), its first message assembled: text
    (with ``mentions``, ``context``, by default the config's, and ``model_selection``) or Dust's message dict."""
    message = body.get("message")
    if isinstance(message, str):
        first = message_payload(config, message, mentions, context, False, False, model_selection)
        return {**body, "message": first}
    if message is not None:
        first = dict(message)
        if model_selection is not None:
            first["modelSelection"] = model_selection_dict(model_selection)
        return {**body, "message": first}
    if model_selection is not None:
        raise TypeError("model_selection= applies to the first message: give message= too")
    return body


def conversation_params(params: dict[str, Any]) -> dict[str, Any]:
    """The query of ``conversations.get``: ``lastValue`` (a rank, sent as a number) pages a read with
    ``limit``."""
    last_value = params["lastValue"]
    if last_value is not None and params["limit"] is None:
        raise TypeError("last_value= pages through a conversation read with limit=: give limit too")
    return {**params, "lastValue": None if last_value is None else int(last_value)}


def find_message(conversation: Conversation, message_id: str) -> Message:
    """The message ``message_id`` of a conversation; :class:`DustNotFoundError` if it is not there."""
    found = conversation.find_message(message_id)
    if found is None:
        raise DustNotFoundError(
            404,
            f"Message {message_id} is not in conversation {conversation.sId}.",
            error_type="message_not_found",
        )
    return found
