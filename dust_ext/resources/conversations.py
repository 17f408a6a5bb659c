"""``client.conversations``: conversations, messages, content fragments, feedback.

Posting a message that mentions an agent makes the agent answer; with ``blocking=True`` the call returns
once the answer is complete, otherwise the answer's progress is followed through the event streams
(``stream_message_events``) or by reading the conversation again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, NoReturn

import httpx
from dust_api.api.conversations import (
    cancel_message_generation,
    create_content_fragment,
    create_conversation,
    create_message,
    edit_message,
    get_conversation,
    get_conversation_consumption,
    list_conversations,
    retry_agent_message,
    stream_conversation_events,
    stream_message_events,
    update_conversation,
)
from dust_api.api.feedbacks import (
    delete_message_feedback,
    list_conversation_feedbacks,
    submit_message_feedback,
)
from dust_api.models import (
    CancelMessageGenerationBody,
    ContentFragmentInput,
    CreateConversationBody,
    EditMessageBody,
    SubmitMessageFeedbackBody,
    UpdateConversationBody,
    UserMessageInput,
)
from dust_api.types import UNSET
from pydantic import BaseModel, ConfigDict, ValidationError

from dust_ext._http import RequestOptions
from dust_ext._streaming import AsyncStream, OnMalformed, Stream, StreamPolicy, StreamSession
from dust_ext.config import DustConfig
from dust_ext.conversations.models import (
    AgentMessage,
    ContentFragment,
    Conversation,
    ConversationConsumption,
    ConversationSummary,
    Message,
    MessageContext,
    MessageMention,
    ModelSelection,
    PostMessageResult,
)
from dust_ext.events import StreamEvent
from dust_ext.exceptions import DustNotFoundError, DustNotSupportedError
from dust_ext.resources._base import (
    AsyncResource,
    Call,
    Resource,
    decode_error,
    field_of,
    generated_call,
    generated_kwargs,
    list_of,
    raw_json,
    success_flag,
)
from dust_ext.resources.tools import (
    BlockedActionList,
    Verdict,
    answer_question_call,
    blocked_actions_call,
    update_tools_call,
    validate_action_call,
)

MentionLike = MessageMention | Mapping[str, Any] | str
"""A mention: a :class:`MessageMention`, its dict form, or simply the agent's sId."""
ContextLike = MessageContext | Mapping[str, Any]
ModelSelectionLike = ModelSelection | Mapping[str, Any]
"""A per-message model: a :class:`ModelSelection` or its dict form (``providerId``, ``modelId``,
optional ``reasoningEffort``)."""
ConversationList = list[ConversationSummary]
MessageList = list[Message]
FeedbackList = list[dict[str, Any]]


# --- request building (pure) -----------------------------------------------------------------------------


def conversation_id_from(conversation_id: str | None, conv_id: str | None) -> str:
    """Accept both spellings the seed SDK's documents use (``conversation_id=`` and ``conv_id=``)."""
    if conversation_id and conv_id and conversation_id != conv_id:
        raise TypeError("pass either conversation_id or conv_id, not two different ids")
    chosen = conversation_id if conversation_id is not None else conv_id
    if chosen is None:
        raise TypeError("a conversation id is required (conversation_id=...)")
    return chosen  # an empty id is refused with the other bad ids, as DustInvalidIdError


def mention_dict(mention: MentionLike) -> dict[str, Any]:
    if isinstance(mention, str):
        return {"configurationId": mention}
    if isinstance(mention, MessageMention):
        return mention.model_dump(exclude_none=True, exclude={"context"})
    return {k: v for k, v in mention.items() if k != "context"}


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
    payload: dict[str, Any] = {
        "content": content,
        "mentions": [mention_dict(m) for m in mentions or ()],
        "context": context_dict(config, context),
    }
    if model_selection is not None:
        payload["modelSelection"] = model_selection_dict(model_selection)
    if blocking:
        payload["blocking"] = True
    if skip_tools_validation:
        payload["skipToolsValidation"] = True
    return payload


def fragment_payload(
    title: str,
    content: str | None,
    content_type: str | None,
    url: str | None,
    file_id: str | None,
    context: Mapping[str, Any] | None,
) -> dict[str, Any]:
    if (content is None) == (file_id is None):
        raise TypeError("a content fragment needs exactly one of content= or file_id=")
    payload: dict[str, Any] = {"title": title}
    if content is not None:
        payload["content"] = content
        payload["contentType"] = content_type or "text/plain"
    if file_id is not None:
        payload["fileId"] = file_id
    if url is not None:
        payload["url"] = url
    if context is not None:
        payload["context"] = dict(context)
    return payload


def _post_message_result(body: Any) -> PostMessageResult:
    result = PostMessageResult.model_validate(body["message"])
    result.agent_messages = [AgentMessage.model_validate(m) for m in body.get("agentMessages") or []]
    return result


def post_message_parse(response: httpx.Response) -> PostMessageResult:
    """``{"message": UserMessage, "agentMessages": [AgentMessage, ...]}`` → :class:`PostMessageResult`."""
    body = raw_json(response)
    try:
        return _post_message_result(body)
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
    for marker in ("hasMore", "lastValue"):
        if marker in page.model_fields_set:
            setattr(conversation, marker, getattr(page, marker))
    return conversation


class ConversationCalls:
    """The calls of the conversations resource, built without I/O (shared by the sync and async classes)."""

    def __init__(self, config: DustConfig, stream_policy: StreamPolicy) -> None:
        self.config = config
        self.wid = config.workspace_id
        self.stream_policy = stream_policy

    def list(self) -> Call[ConversationList]:
        return generated_call(
            list_conversations, list_of(ConversationSummary, "conversations"), w_id=self.wid
        )

    def create(
        self,
        title: str | None,
        message: str | Mapping[str, Any] | None,
        mentions: Sequence[MentionLike] | None,
        context: ContextLike | None,
        content_fragment: Mapping[str, Any] | None,
        blocking: bool,
        visibility: Literal["unlisted", "workspace", "test"],
        skip_tools_validation: bool,
        model_selection: ModelSelectionLike | None = None,
    ) -> Call[Conversation]:
        body: dict[str, Any] = {"title": title, "visibility": visibility}
        if isinstance(message, str):
            body["message"] = message_payload(
                self.config, message, mentions, context, False, False, model_selection
            )
        elif message is not None:
            body["message"] = dict(message)
            if model_selection is not None:
                body["message"]["modelSelection"] = model_selection_dict(model_selection)
        elif model_selection is not None:
            raise TypeError("model_selection= applies to the first message: give message= too")
        if content_fragment is not None:
            body["contentFragment"] = dict(content_fragment)
        if blocking:
            body["blocking"] = True
        if skip_tools_validation:
            body["skipToolsValidation"] = True
        return generated_call(
            create_conversation,
            field_of(Conversation, "conversation"),
            w_id=self.wid,
            body=CreateConversationBody.from_dict(body),
        )

    def get(
        self, conversation_id: str, limit: int | None = None, last_value: int | str | None = None
    ) -> Call[Conversation]:
        if last_value is not None and limit is None:
            raise TypeError("last_value= pages through a conversation read with limit=: give limit too")
        return generated_call(
            get_conversation,
            conversation_page_parse,
            w_id=self.wid,
            c_id=conversation_id,
            limit=UNSET if limit is None else limit,
            last_value=UNSET if last_value is None else int(last_value),
        )

    def create_message(self, conversation_id: str, payload: dict[str, Any]) -> Call[PostMessageResult]:
        return generated_call(
            create_message,
            post_message_parse,
            w_id=self.wid,
            c_id=conversation_id,
            body=UserMessageInput.from_dict(payload),
        )

    def edit_message(
        self, conversation_id: str, message_id: str, content: str, mentions: Sequence[MentionLike] | None
    ) -> Call[PostMessageResult]:
        body = {"content": content, "mentions": [mention_dict(m) for m in mentions or ()]}
        return generated_call(
            edit_message,
            post_message_parse,
            w_id=self.wid,
            c_id=conversation_id,
            m_id=message_id,
            body=EditMessageBody.from_dict(body),
        )

    def retry_message(self, conversation_id: str, message_id: str) -> Call[AgentMessage]:
        return generated_call(
            retry_agent_message,
            field_of(AgentMessage, "message"),
            w_id=self.wid,
            c_id=conversation_id,
            m_id=message_id,
        )

    def cancel(self, conversation_id: str, message_ids: Sequence[str]) -> Call[bool]:
        body = CancelMessageGenerationBody(message_ids=list(message_ids))
        return generated_call(
            cancel_message_generation, success_flag, w_id=self.wid, c_id=conversation_id, body=body
        )

    def mark_as_read(self, conversation_id: str) -> Call[bool]:
        return generated_call(
            update_conversation,
            success_flag,
            w_id=self.wid,
            c_id=conversation_id,
            body=UpdateConversationBody(read=True),
        )

    def create_content_fragment(self, conversation_id: str, payload: dict[str, Any]) -> Call[ContentFragment]:
        return generated_call(
            create_content_fragment,
            field_of(ContentFragment, "contentFragment"),
            w_id=self.wid,
            c_id=conversation_id,
            body=ContentFragmentInput.from_dict(payload),
        )

    def consumption(self, conversation_id: str) -> Call[ConversationConsumption]:
        return generated_call(
            get_conversation_consumption,
            field_of(ConversationConsumption),
            w_id=self.wid,
            c_id=conversation_id,
        )

    def list_feedbacks(self, conversation_id: str) -> Call[FeedbackList]:
        def parse(response: Any) -> FeedbackList:
            return list(raw_json(response).get("feedbacks", []))

        return generated_call(list_conversation_feedbacks, parse, w_id=self.wid, c_id=conversation_id)

    def submit_feedback(
        self,
        conversation_id: str,
        message_id: str,
        thumb_direction: Literal["up", "down"],
        content: str | None,
    ) -> Call[bool]:
        body: dict[str, Any] = {"thumbDirection": thumb_direction}
        if content is not None:
            body["feedbackContent"] = content
        return generated_call(
            submit_message_feedback,
            success_flag,
            w_id=self.wid,
            c_id=conversation_id,
            m_id=message_id,
            body=SubmitMessageFeedbackBody.from_dict(body),
        )

    def delete_feedback(self, conversation_id: str, message_id: str) -> Call[bool]:
        return generated_call(
            delete_message_feedback, success_flag, w_id=self.wid, c_id=conversation_id, m_id=message_id
        )

    def conversation_events(
        self, conversation_id: str, last_event_id: str | None, on_malformed: OnMalformed
    ) -> StreamSession:
        path = generated_kwargs(stream_conversation_events, w_id=self.wid, c_id=conversation_id)["url"]
        return StreamSession(str(path), False, self.stream_policy, on_malformed, last_event_id)

    def message_events(
        self, conversation_id: str, message_id: str, last_event_id: str | None, on_malformed: OnMalformed
    ) -> StreamSession:
        path = generated_kwargs(stream_message_events, w_id=self.wid, c_id=conversation_id, m_id=message_id)[
            "url"
        ]
        return StreamSession(str(path), True, self.stream_policy, on_malformed, last_event_id)


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


def _no_delete_message() -> NoReturn:
    raise DustNotSupportedError(
        "conversations.delete_message() is not available: Dust's public API (v1) cannot delete messages. "
        "Edit the message (edit_message) or cancel a running agent message (cancel)."
    )


class Conversations(Resource):
    """Conversations and their messages (sync). Event streaming: :meth:`stream_events`,
    :meth:`stream_message_events`."""

    @property
    def _calls(self) -> ConversationCalls:
        return ConversationCalls(self._client.config, self._client.stream_policy)

    def list(self, *, options: RequestOptions | None = None) -> ConversationList:
        """The caller's conversations, without their messages."""
        return self._run(self._calls.list().with_options(options))

    def create(
        self,
        title: str | None = None,
        *,
        message: str | Mapping[str, Any] | None = None,
        mentions: Sequence[MentionLike] | None = None,
        context: ContextLike | None = None,
        content_fragment: Mapping[str, Any] | None = None,
        blocking: bool = False,
        visibility: Literal["unlisted", "workspace", "test"] = "unlisted",
        skip_tools_validation: bool = False,
        model_selection: ModelSelectionLike | None = None,
        options: RequestOptions | None = None,
    ) -> Conversation:
        """Create a conversation, optionally with a first message (text, with ``mentions`` of agent sIds
        and a ``context``; or the full message dict) and a content fragment. ``model_selection`` makes the
        mentioned agents answer that first message with that model. Never retried once sent."""
        call = self._calls.create(
            title,
            message,
            mentions,
            context,
            content_fragment,
            blocking,
            visibility,
            skip_tools_validation,
            model_selection,
        )
        return self._run(call.with_options(options))

    def get(
        self,
        conversation_id: str,
        *,
        limit: int | None = None,
        last_value: int | str | None = None,
        options: RequestOptions | None = None,
    ) -> Conversation:
        """A conversation with all its messages; with ``limit``, only that many (the most recent), and
        ``conversation.hasMore`` says whether older ones remain: pass ``conversation.lastValue`` back as
        ``last_value`` to read them."""
        return self._run(self._calls.get(conversation_id, limit, last_value).with_options(options))

    def create_message(
        self,
        conversation_id: str | None = None,
        content: str = "",
        *,
        mentions: Sequence[MentionLike] | None = None,
        context: ContextLike | None = None,
        blocking: bool = False,
        skip_tools_validation: bool = False,
        model_selection: ModelSelectionLike | None = None,
        conv_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> PostMessageResult:
        """Post a user message; the mentioned agents answer. With ``blocking=True`` their finished answers
        are in ``result.agent_messages``. ``model_selection`` (``{"providerId", "modelId",
        "reasoningEffort"}``) overrides the mentioned agents' model for this message. Never retried once the
        server may have received it."""
        cid = conversation_id_from(conversation_id, conv_id)
        payload = message_payload(
            self._client.config, content, mentions, context, blocking, skip_tools_validation, model_selection
        )
        return self._run(self._calls.create_message(cid, payload).with_options(options))

    def list_messages(self, conversation_id: str | None = None, *, conv_id: str | None = None) -> MessageList:
        """The current version of each message of a conversation, in order."""
        return self.get(conversation_id_from(conversation_id, conv_id)).messages

    def get_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> Message:
        """One message of a conversation (its current version)."""
        return find_message(self.get(conversation_id_from(conversation_id, conv_id)), message_id)

    def edit_message(
        self,
        conversation_id: str | None = None,
        message_id: str = "",
        content: str = "",
        *,
        mentions: Sequence[MentionLike] | None = None,
        conv_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> PostMessageResult:
        """Edit a user message: a new version, answered again by the mentioned agents."""
        cid = conversation_id_from(conversation_id, conv_id)
        return self._run(self._calls.edit_message(cid, message_id, content, mentions).with_options(options))

    def delete_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _no_delete_message()

    def retry_message(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> AgentMessage:
        """Run a (failed) agent message again; returns the new agent message."""
        return self._run(self._calls.retry_message(conversation_id, message_id).with_options(options))

    def cancel(
        self, conversation_id: str, message_ids: Sequence[str], *, options: RequestOptions | None = None
    ) -> bool:
        """Stop the generation of these agent messages."""
        return self._run(self._calls.cancel(conversation_id, message_ids).with_options(options))

    def mark_as_read(self, conversation_id: str, *, options: RequestOptions | None = None) -> bool:
        """Mark the conversation as read for the caller."""
        return self._run(self._calls.mark_as_read(conversation_id).with_options(options))

    def create_content_fragment(
        self,
        conversation_id: str,
        *,
        title: str,
        content: str | None = None,
        content_type: str | None = None,
        url: str | None = None,
        file_id: str | None = None,
        context: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> ContentFragment:
        """Insert context in a conversation: text (``content``) or an uploaded file (``file_id``)."""
        payload = fragment_payload(title, content, content_type, url, file_id, context)
        return self._run(self._calls.create_content_fragment(conversation_id, payload).with_options(options))

    def consumption(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> ConversationConsumption:
        """The credits billed for the conversation's finished agent messages, and (``details``) how they
        split between agent work and tools, by model and by agent."""
        return self._run(self._calls.consumption(conversation_id).with_options(options))

    def list_feedbacks(self, conversation_id: str, *, options: RequestOptions | None = None) -> FeedbackList:
        """The thumbs up/down given on the agent messages of a conversation."""
        return self._run(self._calls.list_feedbacks(conversation_id).with_options(options))

    def submit_feedback(
        self,
        conversation_id: str,
        message_id: str,
        thumb_direction: Literal["up", "down"],
        *,
        content: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """Give a thumbs up or down (and optional text) on an agent message."""
        return self._run(
            self._calls.submit_feedback(conversation_id, message_id, thumb_direction, content).with_options(
                options
            )
        )

    def delete_feedback(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """Remove the caller's feedback on an agent message."""
        return self._run(self._calls.delete_feedback(conversation_id, message_id).with_options(options))

    def stream_events(
        self, conversation_id: str, *, last_event_id: str | None = None, on_malformed: OnMalformed = "raise"
    ) -> Stream[StreamEvent]:
        """The conversation's events (``user_message_new``, ``agent_message_new``, ``agent_message_done``,
        ``conversation_title``, …) as they happen, each once. Dropped connections resume after the last
        event id; the iterator ends when the server closes the stream."""
        session = self._calls.conversation_events(conversation_id, last_event_id, on_malformed)
        return Stream(self._client.http, session, self._client.sleep)

    def stream_message_events(
        self,
        conversation_id: str,
        message_id: str,
        last_event_id: str | None = None,
        *,
        on_malformed: OnMalformed = "raise",
    ) -> Stream[StreamEvent]:
        """An agent message's events (``generation_tokens``, tool events, then one terminal event:
        ``agent_message_success``, ``agent_error`` or ``agent_generation_cancelled``) as the bytes arrive,
        each exactly once: a dropped connection or a read timeout reconnects with ``?lastEventId=`` (with
        backoff, bounded by the client's :class:`~dust_ext.StreamPolicy`) and repeated events are dropped."""
        session = self._calls.message_events(conversation_id, message_id, last_event_id, on_malformed)
        return Stream(self._client.http, session, self._client.sleep)

    def validate_action(
        self,
        conversation_id: str,
        message_id: str,
        action_id: str,
        verdict: Verdict = "approved",
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Approve (``"approved"``, ``"always_approved"``) or reject (``"rejected"``) a tool call."""
        call = validate_action_call(self._workspace_id, conversation_id, message_id, action_id, verdict)
        return self._run(call.with_options(options))

    def answer_question(
        self,
        conversation_id: str,
        message_id: str,
        action_id: str,
        selected_options: Sequence[int] | None = None,
        custom_response: str | None = None,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Answer a tool's question with option indexes and/or a free-text response."""
        call = answer_question_call(
            self._workspace_id, conversation_id, message_id, action_id, selected_options, custom_response
        )
        return self._run(call.with_options(options))

    def list_blocked_actions(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> BlockedActionList:
        """The conversation's actions waiting for the user (approval, an answer, authentication)."""
        return self._run(blocked_actions_call(self._workspace_id, conversation_id).with_options(options))

    def update_tools(
        self,
        conversation_id: str,
        mcp_server_view_id: str,
        *,
        action: Literal["add", "delete"] = "add",
        agent_configuration_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """Add (or with ``action="delete"`` remove) a tool server (an MCP server view, see
        ``client.mcp.list_server_views``) to the tools agents may use in this conversation."""
        call = update_tools_call(
            self._workspace_id, conversation_id, action, mcp_server_view_id, agent_configuration_id
        )
        return self._run(call.with_options(options))


class AsyncConversations(AsyncResource):
    """Conversations and their messages (asyncio); see :class:`Conversations`."""

    @property
    def _calls(self) -> ConversationCalls:
        return ConversationCalls(self._client.config, self._client.stream_policy)

    async def list(self, *, options: RequestOptions | None = None) -> ConversationList:
        """See :meth:`Conversations.list`."""
        return await self._run(self._calls.list().with_options(options))

    async def create(
        self,
        title: str | None = None,
        *,
        message: str | Mapping[str, Any] | None = None,
        mentions: Sequence[MentionLike] | None = None,
        context: ContextLike | None = None,
        content_fragment: Mapping[str, Any] | None = None,
        blocking: bool = False,
        visibility: Literal["unlisted", "workspace", "test"] = "unlisted",
        skip_tools_validation: bool = False,
        model_selection: ModelSelectionLike | None = None,
        options: RequestOptions | None = None,
    ) -> Conversation:
        """See :meth:`Conversations.create`."""
        call = self._calls.create(
            title,
            message,
            mentions,
            context,
            content_fragment,
            blocking,
            visibility,
            skip_tools_validation,
            model_selection,
        )
        return await self._run(call.with_options(options))

    async def get(
        self,
        conversation_id: str,
        *,
        limit: int | None = None,
        last_value: int | str | None = None,
        options: RequestOptions | None = None,
    ) -> Conversation:
        """See :meth:`Conversations.get`."""
        return await self._run(self._calls.get(conversation_id, limit, last_value).with_options(options))

    async def create_message(
        self,
        conversation_id: str | None = None,
        content: str = "",
        *,
        mentions: Sequence[MentionLike] | None = None,
        context: ContextLike | None = None,
        blocking: bool = False,
        skip_tools_validation: bool = False,
        model_selection: ModelSelectionLike | None = None,
        conv_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> PostMessageResult:
        """See :meth:`Conversations.create_message`."""
        cid = conversation_id_from(conversation_id, conv_id)
        payload = message_payload(
            self._client.config, content, mentions, context, blocking, skip_tools_validation, model_selection
        )
        return await self._run(self._calls.create_message(cid, payload).with_options(options))

    async def list_messages(
        self, conversation_id: str | None = None, *, conv_id: str | None = None
    ) -> MessageList:
        """See :meth:`Conversations.list_messages`."""
        return (await self.get(conversation_id_from(conversation_id, conv_id))).messages

    async def get_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> Message:
        """See :meth:`Conversations.get_message`."""
        return find_message(await self.get(conversation_id_from(conversation_id, conv_id)), message_id)

    async def edit_message(
        self,
        conversation_id: str | None = None,
        message_id: str = "",
        content: str = "",
        *,
        mentions: Sequence[MentionLike] | None = None,
        conv_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> PostMessageResult:
        """See :meth:`Conversations.edit_message`."""
        cid = conversation_id_from(conversation_id, conv_id)
        return await self._run(
            self._calls.edit_message(cid, message_id, content, mentions).with_options(options)
        )

    async def delete_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _no_delete_message()

    async def retry_message(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> AgentMessage:
        """See :meth:`Conversations.retry_message`."""
        return await self._run(self._calls.retry_message(conversation_id, message_id).with_options(options))

    async def cancel(
        self, conversation_id: str, message_ids: Sequence[str], *, options: RequestOptions | None = None
    ) -> bool:
        """See :meth:`Conversations.cancel`."""
        return await self._run(self._calls.cancel(conversation_id, message_ids).with_options(options))

    async def mark_as_read(self, conversation_id: str, *, options: RequestOptions | None = None) -> bool:
        """See :meth:`Conversations.mark_as_read`."""
        return await self._run(self._calls.mark_as_read(conversation_id).with_options(options))

    async def create_content_fragment(
        self,
        conversation_id: str,
        *,
        title: str,
        content: str | None = None,
        content_type: str | None = None,
        url: str | None = None,
        file_id: str | None = None,
        context: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> ContentFragment:
        """See :meth:`Conversations.create_content_fragment`."""
        payload = fragment_payload(title, content, content_type, url, file_id, context)
        return await self._run(
            self._calls.create_content_fragment(conversation_id, payload).with_options(options)
        )

    async def consumption(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> ConversationConsumption:
        """See :meth:`Conversations.consumption`."""
        return await self._run(self._calls.consumption(conversation_id).with_options(options))

    async def list_feedbacks(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> FeedbackList:
        """See :meth:`Conversations.list_feedbacks`."""
        return await self._run(self._calls.list_feedbacks(conversation_id).with_options(options))

    async def submit_feedback(
        self,
        conversation_id: str,
        message_id: str,
        thumb_direction: Literal["up", "down"],
        *,
        content: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Conversations.submit_feedback`."""
        return await self._run(
            self._calls.submit_feedback(conversation_id, message_id, thumb_direction, content).with_options(
                options
            )
        )

    async def delete_feedback(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """See :meth:`Conversations.delete_feedback`."""
        return await self._run(self._calls.delete_feedback(conversation_id, message_id).with_options(options))

    def stream_events(
        self, conversation_id: str, *, last_event_id: str | None = None, on_malformed: OnMalformed = "raise"
    ) -> AsyncStream[StreamEvent]:
        """See :meth:`Conversations.stream_events` (use ``async for``)."""
        session = self._calls.conversation_events(conversation_id, last_event_id, on_malformed)
        return AsyncStream(self._client.http, session, self._client.sleep)

    def stream_message_events(
        self,
        conversation_id: str,
        message_id: str,
        last_event_id: str | None = None,
        *,
        on_malformed: OnMalformed = "raise",
    ) -> AsyncStream[StreamEvent]:
        """See :meth:`Conversations.stream_message_events` (use ``async for``)."""
        session = self._calls.message_events(conversation_id, message_id, last_event_id, on_malformed)
        return AsyncStream(self._client.http, session, self._client.sleep)

    async def validate_action(
        self,
        conversation_id: str,
        message_id: str,
        action_id: str,
        verdict: Verdict = "approved",
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Conversations.validate_action`."""
        call = validate_action_call(self._workspace_id, conversation_id, message_id, action_id, verdict)
        return await self._run(call.with_options(options))

    async def answer_question(
        self,
        conversation_id: str,
        message_id: str,
        action_id: str,
        selected_options: Sequence[int] | None = None,
        custom_response: str | None = None,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Conversations.answer_question`."""
        call = answer_question_call(
            self._workspace_id, conversation_id, message_id, action_id, selected_options, custom_response
        )
        return await self._run(call.with_options(options))

    async def list_blocked_actions(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> BlockedActionList:
        """See :meth:`Conversations.list_blocked_actions`."""
        return await self._run(
            blocked_actions_call(self._workspace_id, conversation_id).with_options(options)
        )

    async def update_tools(
        self,
        conversation_id: str,
        mcp_server_view_id: str,
        *,
        action: Literal["add", "delete"] = "add",
        agent_configuration_id: str | None = None,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Conversations.update_tools`."""
        call = update_tools_call(
            self._workspace_id, conversation_id, action, mcp_server_view_id, agent_configuration_id
        )
        return await self._run(call.with_options(options))
