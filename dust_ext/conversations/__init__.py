"""Conversations: users and agents exchanging messages (``client.conversations``)."""

from dust_ext.conversations.models import (
    AgentMessage,
    AgentMessageError,
    ContentFragment,
    Conversation,
    ConversationSummary,
    Message,
    MessageContext,
    MessageMention,
    MessageMentionContext,
    ModelSelection,
    PostMessageResult,
    UnknownMessage,
    UserMessage,
)

__all__ = [
    "AgentMessage",
    "AgentMessageError",
    "ContentFragment",
    "Conversation",
    "ConversationSummary",
    "Message",
    "MessageContext",
    "MessageMention",
    "MessageMentionContext",
    "ModelSelection",
    "PostMessageResult",
    "UnknownMessage",
    "UserMessage",
]
