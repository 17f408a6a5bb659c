# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.conversations``' hand-written methods, inherited by the generated ``AsyncConversations`` (see
openapi/sdk.yaml)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from dust_api.api.conversations import stream_conversation_events, stream_message_events

from dust_ext._core.call import generated_kwargs
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.session import OnMalformed, StreamSession
from dust_ext.events import StreamEvent
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.conversations.calls import MessageList, conversation_id_from, find_message
from dust_ext.types.conversations import Conversation, Message

if TYPE_CHECKING:
    from dust_ext.resources.conversations._sync import Conversations


class ConversationsBehaviour(Resource):
    """``client.conversations``' methods with behaviour: the seed API's ``conv_id`` spelling, event streams."""

    def _read(self, conversation_id: str | None, conv_id: str | None) -> Conversation:
        # Always a base of the generated AsyncConversations, whose get() the seed-API methods read through.
        conversations = cast("Conversations", self)
        return conversations.get(conversation_id_from(conversation_id, conv_id))

    def list_messages(self, conversation_id: str | None = None, *, conv_id: str | None = None) -> MessageList:
        """The current version of each message of a conversation, in order."""
        return (self._read(conversation_id, conv_id)).messages

    def get_message(
        self, conversation_id: str | None = None, message_id: str = "", *, conv_id: str | None = None
    ) -> Message:
        """One message of a conversation (its current version)."""
        return find_message(self._read(conversation_id, conv_id), message_id)

    def stream_events(
        self, conversation_id: str, *, last_event_id: str | None = None, on_malformed: OnMalformed = "raise"
    ) -> Stream[StreamEvent]:
        """The conversation's events (``user_message_new``, ``agent_message_new``, ``agent_message_done``,
        ``conversation_title``, …) as they happen, each once. Dropped connections resume after the last
        event id; the iterator ends when the server closes the stream."""
        return self._events(conversation_id, None, last_event_id, on_malformed)

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
        return self._events(conversation_id, message_id, last_event_id, on_malformed)

    def _events(
        self,
        conversation_id: str,
        message_id: str | None,
        last_event_id: str | None,
        on_malformed: OnMalformed,
    ) -> Stream[StreamEvent]:
        # Both resume after the last event id; a conversation's stream ends once the server has nothing new,
        # a message's at its terminal event.
        if message_id is None:
            kwargs = generated_kwargs(
                stream_conversation_events, w_id=self._workspace_id, c_id=conversation_id
            )
        else:
            kwargs = generated_kwargs(
                stream_message_events, w_id=self._workspace_id, c_id=conversation_id, m_id=message_id
            )
        secret = self._client.config.bearer_token.get_secret_value()  # kept out of its errors and logs
        url, policy = str(kwargs["url"]), self._client.stream_policy
        session = StreamSession(
            url, message_id is not None, policy, on_malformed, last_event_id, secret=secret
        )
        return Stream(self._client.http, session, self._client.sleep)
