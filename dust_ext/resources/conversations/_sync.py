# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.conversations``: conversations, messages, content fragments, feedback (``_sync.py`` is generated
from this file).

Posting a message that mentions an agent makes the agent answer; with ``blocking=True`` the call returns
once the answer is complete, otherwise the answer's progress is followed through the event streams
(``stream_message_events``) or by reading the conversation again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal, NoReturn

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.session import OnMalformed
from dust_ext.events import StreamEvent
from dust_ext.resources._base._sync import (
    Resource,
    stream_to_raw_response_wrapper,
    stream_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.conversations.calls import (
    ContextLike,
    ConversationList,
    FeedbackList,
    MentionLike,
    MessageList,
    ModelSelectionLike,
    cancel_call,
    consumption_call,
    conversation_body,
    conversation_events_session,
    conversation_id_from,
    create_content_fragment_call,
    create_conversation_call,
    create_message_call,
    delete_feedback_call,
    edit_message_call,
    find_message,
    fragment_payload,
    get_conversation_call,
    list_conversations_call,
    list_feedbacks_call,
    mark_as_read_call,
    message_events_session,
    message_payload,
    no_delete_message,
    retry_message_call,
    submit_feedback_call,
)
from dust_ext.resources.tools import (
    BlockedActionList,
    Verdict,
    answer_question_call,
    blocked_actions_call,
    update_tools_call,
    validate_action_call,
)
from dust_ext.types.conversations import (
    AgentMessage,
    ContentFragment,
    Conversation,
    ConversationConsumption,
    Message,
    PostMessageResult,
)


class Conversations(Resource):
    """Conversations and their messages: ``client.conversations``. Event streaming: :meth:`stream_events`,
    :meth:`stream_message_events`."""

    def list(self, *, options: RequestOptions | None = None) -> ConversationList:
        """The caller's conversations, without their messages."""
        return self._run(list_conversations_call(self._workspace_id).with_options(options))

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
        body = conversation_body(
            self._client.config,
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
        return self._run(create_conversation_call(self._workspace_id, body).with_options(options))

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
        call = get_conversation_call(self._workspace_id, conversation_id, limit, last_value)
        return self._run(call.with_options(options))

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
        return self._run(create_message_call(self._workspace_id, cid, payload).with_options(options))

    def list_messages(self, conversation_id: str | None = None, *, conv_id: str | None = None) -> MessageList:
        """The current version of each message of a conversation, in order."""
        return (self.get(conversation_id_from(conversation_id, conv_id))).messages

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
        call = edit_message_call(self._workspace_id, cid, message_id, content, mentions)
        return self._run(call.with_options(options))

    def delete_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        no_delete_message()

    def retry_message(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> AgentMessage:
        """Run a (failed) agent message again; returns the new agent message."""
        call = retry_message_call(self._workspace_id, conversation_id, message_id)
        return self._run(call.with_options(options))

    def cancel(
        self, conversation_id: str, message_ids: Sequence[str], *, options: RequestOptions | None = None
    ) -> bool:
        """Stop the generation of these agent messages."""
        return self._run(cancel_call(self._workspace_id, conversation_id, message_ids).with_options(options))

    def mark_as_read(self, conversation_id: str, *, options: RequestOptions | None = None) -> bool:
        """Mark the conversation as read for the caller."""
        return self._run(mark_as_read_call(self._workspace_id, conversation_id).with_options(options))

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
        call = create_content_fragment_call(self._workspace_id, conversation_id, payload)
        return self._run(call.with_options(options))

    def consumption(
        self, conversation_id: str, *, options: RequestOptions | None = None
    ) -> ConversationConsumption:
        """The credits billed for the conversation's finished agent messages, and (``details``) how they
        split between agent work and tools, by model and by agent."""
        return self._run(consumption_call(self._workspace_id, conversation_id).with_options(options))

    def list_feedbacks(self, conversation_id: str, *, options: RequestOptions | None = None) -> FeedbackList:
        """The thumbs up/down given on the agent messages of a conversation."""
        return self._run(list_feedbacks_call(self._workspace_id, conversation_id).with_options(options))

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
        call = submit_feedback_call(self._workspace_id, conversation_id, message_id, thumb_direction, content)
        return self._run(call.with_options(options))

    def delete_feedback(
        self, conversation_id: str, message_id: str, *, options: RequestOptions | None = None
    ) -> bool:
        """Remove the caller's feedback on an agent message."""
        call = delete_feedback_call(self._workspace_id, conversation_id, message_id)
        return self._run(call.with_options(options))

    def stream_events(
        self, conversation_id: str, *, last_event_id: str | None = None, on_malformed: OnMalformed = "raise"
    ) -> Stream[StreamEvent]:
        """The conversation's events (``user_message_new``, ``agent_message_new``, ``agent_message_done``,
        ``conversation_title``, …) as they happen, each once. Dropped connections resume after the last
        event id; the iterator ends when the server closes the stream."""
        session = conversation_events_session(
            self._workspace_id,
            conversation_id,
            self._client.stream_policy,
            last_event_id,
            on_malformed,
            secret=self._client.config.bearer_token.get_secret_value(),
        )
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
        session = message_events_session(
            self._workspace_id,
            conversation_id,
            message_id,
            self._client.stream_policy,
            last_event_id,
            on_malformed,
            secret=self._client.config.bearer_token.get_secret_value(),
        )
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

    @cached_property
    def with_raw_response(self) -> ConversationsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``);
        for the event streams, that of the first connection, opened at once, and ``parse()`` is the stream."""
        return ConversationsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ConversationsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse` (a stream is closed
        when the block ends)."""
        return ConversationsWithStreamingResponse(self)


class ConversationsWithRawResponse:
    """``client.conversations.with_raw_response``."""

    def __init__(self, conversations: Conversations) -> None:
        self.list = to_raw_response_wrapper(conversations.list)
        self.create = to_raw_response_wrapper(conversations.create)
        self.get = to_raw_response_wrapper(conversations.get)
        self.create_message = to_raw_response_wrapper(conversations.create_message)
        self.list_messages = to_raw_response_wrapper(conversations.list_messages)
        self.get_message = to_raw_response_wrapper(conversations.get_message)
        self.edit_message = to_raw_response_wrapper(conversations.edit_message)
        self.delete_message = to_raw_response_wrapper(conversations.delete_message)
        self.retry_message = to_raw_response_wrapper(conversations.retry_message)
        self.cancel = to_raw_response_wrapper(conversations.cancel)
        self.mark_as_read = to_raw_response_wrapper(conversations.mark_as_read)
        self.create_content_fragment = to_raw_response_wrapper(conversations.create_content_fragment)
        self.consumption = to_raw_response_wrapper(conversations.consumption)
        self.list_feedbacks = to_raw_response_wrapper(conversations.list_feedbacks)
        self.submit_feedback = to_raw_response_wrapper(conversations.submit_feedback)
        self.delete_feedback = to_raw_response_wrapper(conversations.delete_feedback)
        self.stream_events = stream_to_raw_response_wrapper(conversations.stream_events)
        self.stream_message_events = stream_to_raw_response_wrapper(conversations.stream_message_events)
        self.validate_action = to_raw_response_wrapper(conversations.validate_action)
        self.answer_question = to_raw_response_wrapper(conversations.answer_question)
        self.list_blocked_actions = to_raw_response_wrapper(conversations.list_blocked_actions)
        self.update_tools = to_raw_response_wrapper(conversations.update_tools)


class ConversationsWithStreamingResponse:
    """``client.conversations.with_streaming_response``."""

    def __init__(self, conversations: Conversations) -> None:
        self.list = to_streamed_response_wrapper(conversations.list)
        self.create = to_streamed_response_wrapper(conversations.create)
        self.get = to_streamed_response_wrapper(conversations.get)
        self.create_message = to_streamed_response_wrapper(conversations.create_message)
        self.list_messages = to_streamed_response_wrapper(conversations.list_messages)
        self.get_message = to_streamed_response_wrapper(conversations.get_message)
        self.edit_message = to_streamed_response_wrapper(conversations.edit_message)
        self.delete_message = to_streamed_response_wrapper(conversations.delete_message)
        self.retry_message = to_streamed_response_wrapper(conversations.retry_message)
        self.cancel = to_streamed_response_wrapper(conversations.cancel)
        self.mark_as_read = to_streamed_response_wrapper(conversations.mark_as_read)
        self.create_content_fragment = to_streamed_response_wrapper(conversations.create_content_fragment)
        self.consumption = to_streamed_response_wrapper(conversations.consumption)
        self.list_feedbacks = to_streamed_response_wrapper(conversations.list_feedbacks)
        self.submit_feedback = to_streamed_response_wrapper(conversations.submit_feedback)
        self.delete_feedback = to_streamed_response_wrapper(conversations.delete_feedback)
        self.stream_events = stream_to_streamed_response_wrapper(conversations.stream_events)
        self.stream_message_events = stream_to_streamed_response_wrapper(conversations.stream_message_events)
        self.validate_action = to_streamed_response_wrapper(conversations.validate_action)
        self.answer_question = to_streamed_response_wrapper(conversations.answer_question)
        self.list_blocked_actions = to_streamed_response_wrapper(conversations.list_blocked_actions)
        self.update_tools = to_streamed_response_wrapper(conversations.update_tools)
