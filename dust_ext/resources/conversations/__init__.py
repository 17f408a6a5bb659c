"""``client.conversations``: conversations, messages, their event streams, feedback. The resource is written
once (``_async.py``); the blocking ``Conversations`` is generated from it; the pure call builders are in
``calls.py``."""

from dust_ext.resources.conversations._async import (
    AsyncConversations,
    AsyncConversationsWithRawResponse,
    AsyncConversationsWithStreamingResponse,
)
from dust_ext.resources.conversations._sync import (
    Conversations,
    ConversationsWithRawResponse,
    ConversationsWithStreamingResponse,
)
from dust_ext.resources.conversations.calls import (
    ContextLike,
    ConversationList,
    FeedbackList,
    MentionLike,
    MessageList,
    ModelSelectionLike,
    context_dict,
    conversation_id_from,
    conversation_page_parse,
    find_message,
    mention_dict,
    message_payload,
    model_selection_dict,
    post_message_parse,
)

__all__ = [
    "AsyncConversations",
    "AsyncConversationsWithRawResponse",
    "AsyncConversationsWithStreamingResponse",
    "ContextLike",
    "ConversationList",
    "Conversations",
    "ConversationsWithRawResponse",
    "ConversationsWithStreamingResponse",
    "FeedbackList",
    "MentionLike",
    "MessageList",
    "ModelSelectionLike",
    "context_dict",
    "conversation_id_from",
    "conversation_page_parse",
    "find_message",
    "mention_dict",
    "message_payload",
    "model_selection_dict",
    "post_message_parse",
]
