"""Conversation and message models.

A Dust *conversation* is an ordered list of messages of three kinds: *user messages* (what a person, or the
API on their behalf, wrote), *agent messages* (an agent's answer, which may include actions such as a
retrieval or a tool call) and *content fragments* (context inserted in the conversation: text, a file, a
data source node). Editing a message adds a version, so ``Conversation.content`` is a list of lists: the
versions of each message, the last one current.

An agent answers when a user message *mentions* it (``MessageMention(configurationId=agent_sId)``); the
agent message starts with status ``created`` and ends ``succeeded``, ``failed`` or ``cancelled``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from dust_ext.types._base import DustModel
from dust_ext.types._spec_conversations import (
    AgentMessageError,
    ConsumptionAgent,
    ConsumptionDetails,
    ConsumptionModel,
    ConsumptionTool,
    ConversationConsumption,
    ConversationSummary,
    MessageContext,
    ModelSelection,
)
from dust_ext.types.actions import AgentAction
from dust_ext.types.agents import AgentConfiguration

__all__ = [
    "AgentMessage",
    "AgentMessageError",
    "ConsumptionAgent",
    "ConsumptionDetails",
    "ConsumptionModel",
    "ConsumptionTool",
    "ContentFragment",
    "Conversation",
    "ConversationConsumption",
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


class MessageMentionContext(DustModel):
    """Per-mention context kept for compatibility with the seed SDK; Dust reads the message context."""

    timezone: str | None = None


class MessageMention(DustModel):
    """A mention: ``configurationId`` names the agent that should answer (a user mention has ``type`` "user"
    and ``userId`` instead)."""

    configurationId: str | None = None
    context: MessageMentionContext | None = None


class _MessageBase(DustModel):
    sId: str
    id: int | None = None
    created: int | None = None
    visibility: str | None = None
    version: int | None = None
    rank: int | None = None


class UserMessage(_MessageBase):
    """A message a person (or the API on their behalf) posted."""

    type: Literal["user_message"] = "user_message"
    content: str
    mentions: list[MessageMention] = Field(default_factory=list)
    context: MessageContext | None = None
    user: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        """The message text (markdown; mentions appear as ``:mention[name]{sId}``)."""
        return self.content

    @property
    def author_name(self) -> str | None:
        """The poster's full name, else username."""
        if self.context is None:
            return None
        return self.context.fullName or self.context.username


class AgentMessage(_MessageBase):
    """An agent's answer to a user message. ``content`` is the full reply once ``status`` is succeeded."""

    type: Literal["agent_message"] = "agent_message"
    status: str = "created"
    content: str | None = None
    chainOfThought: str | None = None
    parentMessageId: str | None = None
    configuration: AgentConfiguration | None = None
    actions: list[AgentAction] = Field(default_factory=list)
    """The tool calls the agent made for this message, in order."""
    action: dict[str, Any] | None = None
    rawContents: list[dict[str, Any]] = Field(default_factory=list)
    error: AgentMessageError | None = None

    @property
    def text(self) -> str:
        """The reply text so far ("" while nothing is generated)."""
        return self.content or ""

    @property
    def author_name(self) -> str | None:
        """The agent's name."""
        return self.configuration.name if self.configuration else None

    @property
    def is_done(self) -> bool:
        """True once the agent stopped (succeeded, failed, cancelled, …), i.e. left ``created``."""
        return self.status != "created"


class ContentFragment(_MessageBase):
    """Context inserted in a conversation: text, a file or a data source node."""

    type: Literal["content_fragment"] = "content_fragment"
    title: str
    content: str | None = None
    contentType: str | None = None
    sourceUrl: str | None = None
    textUrl: str | None = None
    textBytes: int | None = None
    fileId: str | None = None
    contentFragmentId: str | None = None
    context: dict[str, Any] | None = None

    @property
    def author_name(self) -> str | None:
        """Who added the fragment, if known."""
        if not self.context:
            return None
        name = self.context.get("fullName") or self.context.get("username")
        return str(name) if name else None


class UnknownMessage(DustModel):
    """A message kind this SDK version does not know (kept whole in ``model_extra``)."""

    type: str
    sId: str | None = None
    content: Any = None

    @property
    def author_name(self) -> str | None:
        return None


_KNOWN_MESSAGE_TYPES = frozenset({"user_message", "agent_message", "content_fragment"})


def _only_unknown_kinds(message: UnknownMessage) -> UnknownMessage:
    # A known kind reaches this branch only when its own model rejected it: that is an error, not news.
    if message.type in _KNOWN_MESSAGE_TYPES:
        raise ValueError(f"a {message.type} that does not fit {message.type} (see the errors above)")
    return message


# Known kinds are told apart by their ``type`` in pydantic-core (a callable discriminator made every
# message a Python call and a copy of its JSON as Python objects first); a kind the union does not know
# then falls to UnknownMessage, tried second.
Message = Annotated[
    Annotated[UserMessage | AgentMessage | ContentFragment, Field(discriminator="type")]
    | Annotated[UnknownMessage, AfterValidator(_only_unknown_kinds)],
    Field(union_mode="left_to_right"),
]
"""Any conversation message, told apart by ``type``; unknown kinds become :class:`UnknownMessage`."""


class Conversation(ConversationSummary):
    """A conversation with its messages: ``content`` holds the versions of each message, in order."""

    content: list[list[Message]] = Field(default_factory=list)
    url: str | None = None
    hasMore: bool | None = None
    """Set when read a page at a time (``conversations.get(..., limit=)``): True if older messages remain
    (``None``: the whole conversation was read)."""
    lastValue: str | None = None
    """The cursor of the older messages (pass it back as ``last_value=``), with ``hasMore``."""

    @property
    def messages(self) -> list[Message]:
        """The current version of each message, in order."""
        return [versions[-1] for versions in self.content if versions]

    @property
    def agent_messages(self) -> list[AgentMessage]:
        """The current agent messages, in order."""
        return [m for m in self.messages if isinstance(m, AgentMessage)]

    def find_message(self, message_id: str) -> Message | None:
        """The current version of the message with this ``sId`` (any version's sId matches)."""
        for versions in self.content:
            if any(getattr(version, "sId", None) == message_id for version in versions):
                return versions[-1]
        return None


class PostMessageResult(UserMessage):
    """A posted user message, with ``agent_messages``: the answers it triggered (finished when blocking).

    It *is* the user message (``.sId``, ``.content``), so code written against the seed SDK keeps working.
    """

    agent_messages: list[AgentMessage] = Field(default_factory=list, exclude=True)

    @property
    def reply(self) -> AgentMessage | None:
        """The first agent message, if any."""
        return self.agent_messages[0] if self.agent_messages else None
