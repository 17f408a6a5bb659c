"""What ``client.chat`` decides without I/O: a turn's arguments, where its reply will appear, the state the
sync and async chat streams and sessions share. The requests themselves go through the public
``client.conversations`` methods."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dust_ext.chat import ChatMessage, ReplyAccumulator
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustError, DustTimeoutError, DustToolActionRequiredError
from dust_ext.resources.conversations.calls import (
    ContextLike,
    ModelSelectionLike,
    context_dict,
    model_selection_dict,
)
from dust_ext.resources.tools import AsyncPendingToolAction, PendingToolAction
from dust_ext.types.actions import AgentAction
from dust_ext.types.conversations import (
    AgentMessage,
    Conversation,
    PostMessageResult,
    UserMessage,
)
from dust_ext.types.tools import BlockedAction

ToolActionHandler = Callable[[PendingToolAction], Any]
"""Called with each tool call waiting for the user in a sync chat; it should approve, reject or answer it."""
AsyncToolActionHandler = Callable[[AsyncPendingToolAction], Awaitable[Any] | Any]
"""The async chat's handler: a plain function or a coroutine function."""


@dataclass(frozen=True)
class ChatTurn:
    """What one chat turn sends: the agent, the text and who writes it."""

    agent: str
    text: str
    context: dict[str, Any]
    conversation_id: str | None
    title: str | None
    model_selection: ModelSelectionLike | None = None
    skip_tools_validation: bool = False


@dataclass(frozen=True)
class ChatStart:
    """The posted turn: where the agent's reply will appear."""

    conversation_id: str
    user_message: UserMessage
    agent_message: AgentMessage


def make_turn(
    config: DustConfig,
    agent: str,
    text: str | None,
    message: str | None,
    username: str | None,
    timezone: str | None,
    context: ContextLike | None,
    conversation_id: str | None,
    title: str | None,
    model_selection: ModelSelectionLike | None = None,
    skip_tools_validation: bool = False,
) -> ChatTurn:
    """Validate the arguments of send/stream (``text=`` or the seed SDK's ``message=``)."""
    if text is not None and message is not None and text != message:
        raise TypeError("pass the message as text= or message=, not both")
    content = text if text is not None else message
    if not content:
        raise TypeError("chat needs a non-empty text= (or message=)")
    merged = context_dict(config, context)
    if username:
        merged["username"] = username
    if timezone:
        merged["timezone"] = timezone
    if model_selection is not None:
        model_selection_dict(model_selection)  # a malformed selection fails here, before anything is sent
    return ChatTurn(agent, content, merged, conversation_id, title, model_selection, skip_tools_validation)


def _reply_to(user: UserMessage, candidates: list[AgentMessage], agent: str) -> AgentMessage:
    for candidate in candidates:
        if candidate.parentMessageId in (None, user.sId) and (
            candidate.configuration is None or candidate.configuration.sId == agent
        ):
            return candidate
    raise DustError(
        f"Agent {agent!r} did not start answering message {user.sId}: check the agent id (client.agents.list())."
    )


def start_in_new_conversation(conversation: Conversation, agent: str) -> ChatStart:
    """Where the reply to the first message of a conversation just created will appear."""
    users = [m for m in conversation.messages if isinstance(m, UserMessage)]
    if not users:
        raise DustError(f"Conversation {conversation.sId} was created without the user message.")
    user = users[-1]
    return ChatStart(conversation.sId, user, _reply_to(user, conversation.agent_messages, agent))


def start_in_conversation(conversation_id: str, posted: PostMessageResult, agent: str) -> ChatStart:
    """Where the reply to a message just posted in an existing conversation will appear."""
    user = UserMessage.model_validate(posted.model_dump(exclude={"agent_messages"}))
    return ChatStart(conversation_id, user, _reply_to(user, posted.agent_messages, agent))


def chat_history(conversation: Conversation) -> list[ChatMessage]:
    """A conversation as (role, text) messages."""
    return [
        ChatMessage(
            role="user" if isinstance(message, UserMessage) else "assistant",
            text=message.text,
            sId=message.sId,
            author_name=message.author_name,
        )
        for message in conversation.messages
        if isinstance(message, UserMessage | AgentMessage)
    ]


def still_waiting(action: PendingToolAction | AsyncPendingToolAction, blocked: list[BlockedAction]) -> bool:
    """Whether the conversation's blocked actions still hold this one (not answered, by id or in Dust)."""
    return any(entry.actionId == action.event.action_id for entry in blocked)


class ChatStreamState:
    """What the sync and async chat streams share: the turn, its start and the reply so far."""

    def __init__(self, turn: ChatTurn, on_start: Callable[[ChatStart], None] | None) -> None:
        self._turn = turn
        self._on_start = on_start
        self._reply: ReplyAccumulator | None = None

    def _unanswered(
        self, action: PendingToolAction | AsyncPendingToolAction, *, iterating: bool
    ) -> DustToolActionRequiredError:
        """The error that surfaces a tool call nobody answers, rather than a silent wait until the idle
        timeout, saying how this way of reading the stream (iterating it, or reading its text) can answer it."""
        how = (
            "call .approve()/.reject()/.answer() on the PendingToolAction before reading on"
            if iterating
            else "call .approve()/.reject()/.answer() on the error's .action and read the stream again "
            "(or iterate the stream itself: it yields the PendingToolAction)"
        )
        return DustToolActionRequiredError(
            f"Agent {self._turn.agent!r} is waiting for the user ({action.type}, tool {action.tool_name!r}, "
            f"action {action.event.action_id!r}): pass on_tool_action= to answer it, or {how}.",
            action=action,
        )

    def _timed_out_waiting(
        self, error: DustTimeoutError, actions: Sequence[PendingToolAction | AsyncPendingToolAction]
    ) -> DustTimeoutError | None:
        """The stream's timeout, saying which tool call may still wait for the user when it came (e.g. an
        ``on_tool_action`` handler let it be): the likely reason nothing arrived. None: no call waited."""
        unanswered = [action for action in actions if action.resolution is None]
        if not unanswered:
            return None
        action = unanswered[-1]
        return DustTimeoutError(
            f"{error.message}. The agent may still be waiting for the user: {action.type} of tool "
            f"{action.tool_name!r} (action {action.event.action_id!r}) was not answered through its "
            "PendingToolAction (approve/reject/answer it in on_tool_action, or act on it in Dust)",
            method=error.method,
            url=error.url,
        )

    def _started(self, start: ChatStart) -> None:
        self._reply = ReplyAccumulator(start.conversation_id, start.user_message, start.agent_message)
        if self._on_start is not None:
            self._on_start(start)

    @property
    def reply(self) -> ReplyAccumulator:
        """The reply so far (text, chain of thought, actions, final message); available once started."""
        if self._reply is None:
            raise RuntimeError("the chat stream has not started: enter it (with/async with) or iterate it")
        return self._reply

    @property
    def conversation_id(self) -> str:
        """The conversation the turn was posted in."""
        return self.reply.conversation_id

    @property
    def message_id(self) -> str:
        """The agent message's sId (what its event stream is read from)."""
        return self.reply.message_id

    @property
    def user_message(self) -> UserMessage:
        """The user message this turn posted."""
        return self.reply.user_message

    @property
    def text(self) -> str:
        """The reply text received so far."""
        return self.reply.text

    @property
    def chain_of_thought(self) -> str:
        """The agent's visible reasoning so far (``chain_of_thought`` tokens)."""
        return self.reply.chain_of_thought

    @property
    def actions(self) -> list[AgentAction]:
        """The actions (tool calls, retrievals) the agent completed so far."""
        return self.reply.actions

    @property
    def done(self) -> bool:
        """True once the agent message reached its terminal event."""
        return self._reply is not None and self._reply.done
