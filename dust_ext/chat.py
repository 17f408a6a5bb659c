"""Chat results, and :class:`ReplyAccumulator`: the sans-IO state of one agent reply, which the sync and the
async chat both drive."""

from __future__ import annotations

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from dust_ext.events import (
    AgentActionSuccessEvent,
    AgentErrorEvent,
    AgentGenerationCancelledEvent,
    AgentGenerationSuccessEvent,
    AgentMessageGracefullyStoppedEvent,
    AgentMessageSuccessEvent,
    DustEvent,
    GenerationTokensEvent,
    UserMessageErrorEvent,
)
from dust_ext.exceptions import DustAgentError
from dust_ext.types.actions import AgentAction
from dust_ext.types.conversations import AgentMessage, UserMessage

__all__ = ["ChatMessage", "ChatResponse", "ReplyAccumulator"]


class ChatMessage(BaseModel):
    """One side of a chat exchange, as text: who said it and what."""

    model_config = ConfigDict(frozen=True)

    role: str
    """``"user"`` or ``"assistant"``."""
    text: str
    sId: str | None = None
    author_name: str | None = None


class ChatResponse(BaseModel):
    """What ``chat.send()`` returns: the exchange, with the agent's final reply (the guide "Chat with agents"
    describes its fields). ``assistant_message`` is also accepted for ``agent_message`` when validating."""

    model_config = ConfigDict(arbitrary_types_allowed=True, populate_by_name=True)

    conversation_id: str
    user_message: UserMessage
    agent_message: AgentMessage | None = Field(
        validation_alias=AliasChoices("agent_message", "assistant_message")
    )
    text: str
    chain_of_thought: str = ""
    actions: list[AgentAction] = Field(default_factory=list)
    """The tool calls the agent completed for this reply (``toolName``, ``params``, ``output``…), in order."""

    @property
    def assistant_message(self) -> AgentMessage | None:
        """Deprecated name of :attr:`agent_message` (kept working)."""
        return self.agent_message

    @property
    def message_id(self) -> str | None:
        """The agent message's sId."""
        return self.agent_message.sId if self.agent_message else None


class ReplyAccumulator:
    """The reply so far, built from agent message events (feed each event once, in order)."""

    def __init__(self, conversation_id: str, user_message: UserMessage, agent_message: AgentMessage) -> None:
        self.conversation_id = conversation_id
        self.user_message = user_message
        self.agent_message = agent_message
        self._text: list[str] = []
        self._thought: list[str] = []
        self.actions: list[AgentAction] = []
        self.final_message: AgentMessage | None = None
        self.error: DustAgentError | None = None
        self.cancelled = False
        self.done = False

    @property
    def message_id(self) -> str:
        """The agent message's sId."""
        return self.agent_message.sId

    @property
    def text(self) -> str:
        """The reply text: the final message's content once done, else the reply tokens so far."""
        if self.final_message is not None and self.final_message.content is not None:
            return self.final_message.content
        return "".join(self._text)

    @property
    def chain_of_thought(self) -> str:
        """The agent's visible reasoning so far (``chain_of_thought`` tokens)."""
        return "".join(self._thought)

    def feed(self, event: DustEvent) -> str | None:
        """Take one event; return the reply text it adds (for ``text_stream``), if any."""
        if isinstance(event, GenerationTokensEvent):
            if event.classification == "tokens":
                self._text.append(event.text)
                return event.text
            if event.classification == "chain_of_thought":
                self._thought.append(event.text)
            return None
        if isinstance(event, AgentActionSuccessEvent):
            self.actions.append(event.action)
        elif isinstance(event, AgentMessageSuccessEvent | AgentMessageGracefullyStoppedEvent):
            self.final_message = event.message
            self.done = True
        elif isinstance(event, AgentGenerationSuccessEvent) and not self._text:
            self._text.append(event.text)
        elif isinstance(event, AgentErrorEvent | UserMessageErrorEvent):
            self.error = DustAgentError(
                event.error.message,
                code=event.error.code,
                metadata=event.error.metadata,
                conversation_id=self.conversation_id,
                message_id=self.message_id,
            )
            self.done = True
        elif isinstance(event, AgentGenerationCancelledEvent):
            self.cancelled = True
            self.done = True
        return None

    def raise_for_error(self) -> None:
        """Raise the :class:`DustAgentError` of a failed reply; do nothing otherwise."""
        if self.error is not None:
            raise self.error

    def response(self) -> ChatResponse:
        """The exchange as a :class:`ChatResponse` (raises :class:`DustAgentError` if the agent failed)."""
        self.raise_for_error()
        assistant = self.final_message or self.agent_message.model_copy(update={"content": self.text})
        return ChatResponse(
            conversation_id=self.conversation_id,
            user_message=self.user_message,
            agent_message=assistant,
            text=self.text,
            chain_of_thought=self.chain_of_thought or (assistant.chainOfThought or ""),
            actions=self.actions,
        )
