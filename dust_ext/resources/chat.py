"""``client.chat``: talk to an agent in one call (``send``), token by token (``stream``), or over several
turns (``session``).

Under the hood a chat posts a user message mentioning the agent (creating the conversation on the first
turn), then follows the agent message's event stream to its end: the reply survives dropped connections
(the stream resumes after the last event id) and an ``agent_error`` raises :class:`DustAgentError`.
Leaving a ``stream()`` block before the reply is complete cancels the generation.

A tool call that waits for the user (approval, a question, authentication) is yielded as a
:class:`~dust_ext.resources.tools.PendingToolAction` (async: ``AsyncPendingToolAction``) in place of its raw
event: call ``.approve()`` / ``.reject()`` / ``.always_approve()`` / ``.answer(...)`` and iteration goes on
to the reply. Or pass ``on_tool_action=`` to ``send``/``stream``/``session`` to answer each one as it comes
(``send`` without it raises :class:`~dust_ext.exceptions.DustToolActionRequiredError`, carrying the pending
action, rather than wait forever).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from contextlib import aclosing, closing
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, cast

from dust_ext.actions import AgentAction
from dust_ext.chat import ChatMessage, ChatResponse, ReplyAccumulator
from dust_ext.conversations.models import (
    AgentMessage,
    Conversation,
    MessageContext,
    PostMessageResult,
    UserMessage,
)
from dust_ext.events import DustEvent
from dust_ext.exceptions import DustError, DustToolActionRequiredError
from dust_ext.resources._base import AsyncResource, Call, Resource
from dust_ext.resources.conversations import (
    ConversationCalls,
    ModelSelectionLike,
    context_dict,
    message_payload,
    model_selection_dict,
)
from dust_ext.resources.tools import (
    AsyncPendingToolAction,
    BlockedToolEvent,
    PendingToolAction,
    is_blocked_tool_event,
)

if TYPE_CHECKING:
    from dust_ext._client import AsyncDustClient, DustClient

logger = logging.getLogger("dust_ext")

ContextLike = MessageContext | Mapping[str, Any]
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


@dataclass(frozen=True)
class ChatStart:
    """The posted turn: where the agent's reply will appear."""

    conversation_id: str
    user_message: UserMessage
    agent_message: AgentMessage


def make_turn(
    client: DustClient | AsyncDustClient,
    agent: str,
    text: str | None,
    message: str | None,
    username: str | None,
    timezone: str | None,
    context: ContextLike | None,
    conversation_id: str | None,
    title: str | None,
    model_selection: ModelSelectionLike | None = None,
) -> ChatTurn:
    """Validate the arguments of send/stream (``text=`` or the seed SDK's ``message=``)."""
    if text is not None and message is not None and text != message:
        raise TypeError("pass the message as text= or message=, not both")
    content = text if text is not None else message
    if not content:
        raise TypeError("chat needs a non-empty text= (or message=)")
    merged = context_dict(client.config, context)
    if username:
        merged["username"] = username
    if timezone:
        merged["timezone"] = timezone
    if model_selection is not None:
        model_selection_dict(model_selection)  # a malformed selection fails here, before anything is sent
    return ChatTurn(agent, content, merged, conversation_id, title, model_selection)


def _reply_to(user: UserMessage, candidates: list[AgentMessage], agent: str) -> AgentMessage:
    for candidate in candidates:
        if candidate.parentMessageId in (None, user.sId) and (
            candidate.configuration is None or candidate.configuration.sId == agent
        ):
            return candidate
    raise DustError(
        f"Agent {agent!r} did not start answering message {user.sId}: check the agent id (client.agents.list())."
    )


def start_call(calls: ConversationCalls, turn: ChatTurn) -> Call[ChatStart]:
    """The request that posts a turn: a new conversation with the message, or a message in an existing one."""
    if turn.conversation_id is None:
        create = calls.create(
            turn.title,
            turn.text,
            [turn.agent],
            turn.context,
            None,
            False,
            "unlisted",
            False,
            turn.model_selection,
        )

        def from_conversation(conversation: Conversation) -> ChatStart:
            users = [m for m in conversation.messages if isinstance(m, UserMessage)]
            if not users:
                raise DustError(f"Conversation {conversation.sId} was created without the user message.")
            user = users[-1]
            return ChatStart(conversation.sId, user, _reply_to(user, conversation.agent_messages, turn.agent))

        return create.then(from_conversation)
    payload = message_payload(
        calls.config, turn.text, [turn.agent], turn.context, False, False, turn.model_selection
    )
    post = calls.create_message(turn.conversation_id, payload)
    cid = turn.conversation_id

    def from_post(result: PostMessageResult) -> ChatStart:
        user = UserMessage.model_validate(result.model_dump(exclude={"agent_messages"}))
        return ChatStart(cid, user, _reply_to(user, result.agent_messages, turn.agent))

    return post.then(from_post)


class _ChatStreamBase:
    """What the sync and async chat streams share: the turn, its start and the reply so far."""

    def __init__(self, turn: ChatTurn, on_start: Callable[[ChatStart], None] | None) -> None:
        self._turn = turn
        self._on_start = on_start
        self._reply: ReplyAccumulator | None = None
        self._raise_if_unhandled = False

    def _unanswered(self, action: PendingToolAction | AsyncPendingToolAction) -> None:
        """``send`` has nobody to ask: fail loudly rather than wait for a decision that never comes."""
        if not self._raise_if_unhandled:
            return
        raise DustToolActionRequiredError(
            f"Agent {self._turn.agent!r} is waiting for the user ({action.type}, tool {action.tool_name!r}, "
            f"action {action.event.action_id!r}): pass on_tool_action= to answer it, or use chat.stream() "
            "and call .approve()/.reject()/.answer() on the PendingToolAction it yields.",
            action=action,
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


class ChatStream(_ChatStreamBase):
    """A streamed reply: iterate it for typed events, or ``.text_stream`` for the reply tokens only.

    ``with client.chat.stream(agent="dust", text="Hi") as stream:`` posts the message on entry; leaving the
    block before the reply is complete cancels the generation. Without ``with``, iterating posts it; a stream
    read to its end releases its connection by itself (back to the pool: the next chat reuses it), but one
    left unfinished is neither cancelled nor released until :meth:`close` or garbage collection.
    """

    def __init__(
        self,
        client: DustClient,
        turn: ChatTurn,
        on_start: Callable[[ChatStart], None] | None = None,
        on_tool_action: ToolActionHandler | None = None,
    ) -> None:
        super().__init__(turn, on_start)
        self._client = client
        self._on_tool_action = on_tool_action
        self.tool_actions: list[PendingToolAction] = []
        """Every tool call that waited for the user during this reply, in order."""
        self._pieces: Generator[tuple[DustEvent | PendingToolAction, str | None]] | None = None

    def start(self) -> Self:
        """Post the turn (done by ``with``/iteration; idempotent)."""
        if self._reply is None:
            calls = self._client.conversations._calls
            self._started(self._client.run(start_call(calls, self._turn)))
        return self

    def _feed(self) -> Generator[tuple[DustEvent | PendingToolAction, str | None]]:
        reply = self.start().reply
        frames = self._client.conversations.stream_message_events(reply.conversation_id, reply.message_id)
        # Close the event stream (and its HTTP response) as soon as the reply is complete.
        with closing(frames):
            for frame in frames:
                event = frame.event
                piece = reply.feed(event)
                if is_blocked_tool_event(event):
                    action = PendingToolAction(cast(BlockedToolEvent, event), self._client)
                    self.tool_actions.append(action)
                    if self._on_tool_action is not None:
                        self._on_tool_action(action)
                    else:
                        self._unanswered(action)
                    yield action, piece
                else:
                    yield event, piece
                if reply.done:
                    return

    def _pull(self) -> Generator[tuple[DustEvent | PendingToolAction, str | None]]:
        if self._pieces is None:
            self._pieces = self._feed()
        return self._pieces

    def __iter__(self) -> Iterator[DustEvent | PendingToolAction]:
        """Typed events; a tool call waiting for the user comes as a :class:`PendingToolAction`."""
        for event, _ in self._pull():
            yield event

    @property
    def text_stream(self) -> Iterator[str]:
        """Only the reply text, chunk by chunk (no chain of thought, no delimiters); raises
        :class:`~dust_ext.exceptions.DustAgentError` at the end if the agent failed."""
        for _, piece in self._pull():
            if piece:
                yield piece
        self.reply.raise_for_error()

    def until_done(self) -> ChatResponse:
        """Read the stream to its end and return the exchange (raises DustAgentError if the agent failed,
        DustToolActionRequiredError if a tool waits for the user and no ``on_tool_action`` handler answers
        it)."""
        self._raise_if_unhandled = True
        for _ in self._pull():
            pass
        return self.reply.response()

    def final_message(self) -> AgentMessage | None:
        """The agent message as Dust finished it."""
        return self.until_done().assistant_message

    def cancel(self) -> None:
        """Stop the agent's generation."""
        if self._reply is not None and not self._reply.done:
            self._client.conversations.cancel(self._reply.conversation_id, [self._reply.message_id])

    def close(self) -> None:
        """Cancel an unfinished reply and release the connection."""
        try:
            self.cancel()
        except DustError as exc:
            logger.warning(
                "dust could not cancel message %s: %s", self._reply and self._reply.message_id, exc
            )
        if self._pieces is not None:
            self._pieces.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None:
            self.close()
            return
        try:
            self.close()
        except Exception as cleanup_error:
            # The block's own exception says what went wrong; a failed cleanup must not replace it.
            logger.warning("dust could not close the stream after %s: %s", type(exc).__name__, cleanup_error)


class AsyncChatStream(_ChatStreamBase):
    """Async twin of :class:`ChatStream`: ``async with`` / ``async for``."""

    def __init__(
        self,
        client: AsyncDustClient,
        turn: ChatTurn,
        on_start: Callable[[ChatStart], None] | None = None,
        on_tool_action: AsyncToolActionHandler | None = None,
    ) -> None:
        super().__init__(turn, on_start)
        self._client = client
        self._on_tool_action = on_tool_action
        self.tool_actions: list[AsyncPendingToolAction] = []
        """Every tool call that waited for the user during this reply, in order."""
        self._pieces: AsyncGenerator[tuple[DustEvent | AsyncPendingToolAction, str | None]] | None = None

    async def start(self) -> Self:
        """See :meth:`ChatStream.start`."""
        if self._reply is None:
            calls = self._client.conversations._calls
            self._started(await self._client.run(start_call(calls, self._turn)))
        return self

    async def _feed(self) -> AsyncGenerator[tuple[DustEvent | AsyncPendingToolAction, str | None]]:
        reply = (await self.start()).reply
        frames = self._client.conversations.stream_message_events(reply.conversation_id, reply.message_id)
        # An async generator left at `return` is only finalised later by the event loop: close it now, so
        # the HTTP response goes back to the pool as soon as the reply is complete.
        async with aclosing(frames):
            async for frame in frames:
                event = frame.event
                piece = reply.feed(event)
                if is_blocked_tool_event(event):
                    action = AsyncPendingToolAction(cast(BlockedToolEvent, event), self._client)
                    self.tool_actions.append(action)
                    if self._on_tool_action is not None:
                        outcome = self._on_tool_action(action)
                        if inspect.isawaitable(outcome):
                            await outcome
                    else:
                        self._unanswered(action)
                    yield action, piece
                else:
                    yield event, piece
                if reply.done:
                    return

    def _pull(self) -> AsyncGenerator[tuple[DustEvent | AsyncPendingToolAction, str | None]]:
        if self._pieces is None:
            self._pieces = self._feed()
        return self._pieces

    async def __aiter__(self) -> AsyncIterator[DustEvent | AsyncPendingToolAction]:
        """See :meth:`ChatStream.__iter__` (tool calls waiting for the user: :class:`AsyncPendingToolAction`)."""
        async for event, _ in self._pull():
            yield event

    @property
    async def text_stream(self) -> AsyncIterator[str]:
        """See :attr:`ChatStream.text_stream`."""
        async for _, piece in self._pull():
            if piece:
                yield piece
        self.reply.raise_for_error()

    async def until_done(self) -> ChatResponse:
        """See :meth:`ChatStream.until_done`."""
        self._raise_if_unhandled = True
        async for _ in self._pull():
            pass
        return self.reply.response()

    async def final_message(self) -> AgentMessage | None:
        """See :meth:`ChatStream.final_message`."""
        return (await self.until_done()).assistant_message

    async def cancel(self) -> None:
        """See :meth:`ChatStream.cancel`."""
        if self._reply is not None and not self._reply.done:
            await self._client.conversations.cancel(self._reply.conversation_id, [self._reply.message_id])

    async def close(self) -> None:
        """See :meth:`ChatStream.close`."""
        try:
            await self.cancel()
        except DustError as exc:
            logger.warning(
                "dust could not cancel message %s: %s", self._reply and self._reply.message_id, exc
            )
        if self._pieces is not None:
            await self._pieces.aclose()

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None:
            await self.close()
            return
        try:
            await self.close()
        except Exception as cleanup_error:
            # See ChatStream.__exit__: the block's own exception is kept.
            logger.warning("dust could not close the stream after %s: %s", type(exc).__name__, cleanup_error)


def _history(conversation: Conversation) -> list[ChatMessage]:
    history = []
    for message in conversation.messages:
        if isinstance(message, UserMessage):
            history.append(
                ChatMessage(role="user", text=message.text, sId=message.sId, author_name=message.author_name)
            )
        elif isinstance(message, AgentMessage):
            history.append(
                ChatMessage(
                    role="assistant", text=message.text, sId=message.sId, author_name=message.author_name
                )
            )
    return history


class _ChatSessionBase:
    """What the sync and async sessions share: the agent, who writes, and the conversation once created."""

    def __init__(
        self,
        client: DustClient | AsyncDustClient,
        agent: str,
        username: str | None,
        timezone: str | None,
        title: str | None,
        conversation_id: str | None,
        on_tool_action: Any = None,
    ) -> None:
        self._client = client
        self.agent = agent
        self.username = username
        self.timezone = timezone
        self.title = title
        self.conversation_id = conversation_id
        self.on_tool_action = on_tool_action

    def _remember(self, start: ChatStart) -> None:
        self.conversation_id = start.conversation_id

    def _next_turn(self, text: str | None, message: str | None) -> ChatTurn:
        return make_turn(
            self._client,
            self.agent,
            text,
            message,
            self.username,
            self.timezone,
            None,
            self.conversation_id,
            self.title,
        )


class ChatSession(_ChatSessionBase):
    """A multi-turn chat with one agent in one conversation (created on the first turn, or resumed)."""

    _client: DustClient

    def stream(self, text: str | None = None, *, message: str | None = None) -> ChatStream:
        """Stream the agent's reply to the next turn (see :meth:`Chat.stream`)."""
        turn = self._next_turn(text, message)
        return ChatStream(self._client, turn, on_start=self._remember, on_tool_action=self.on_tool_action)

    def send(self, text: str | None = None, *, message: str | None = None) -> ChatResponse:
        """Send the next turn and return the agent's reply."""
        with self.stream(text, message=message) as stream:
            return stream.until_done()

    def history(self) -> list[ChatMessage]:
        """The conversation so far, as (role, text) messages; empty before the first turn."""
        if self.conversation_id is None:
            return []
        return _history(self._client.conversations.get(self.conversation_id))


class AsyncChatSession(_ChatSessionBase):
    """Async twin of :class:`ChatSession`."""

    _client: AsyncDustClient

    def stream(self, text: str | None = None, *, message: str | None = None) -> AsyncChatStream:
        """See :meth:`ChatSession.stream`."""
        turn = self._next_turn(text, message)
        return AsyncChatStream(
            self._client, turn, on_start=self._remember, on_tool_action=self.on_tool_action
        )

    async def send(self, text: str | None = None, *, message: str | None = None) -> ChatResponse:
        """See :meth:`ChatSession.send`."""
        async with self.stream(text, message=message) as stream:
            return await stream.until_done()

    async def history(self) -> list[ChatMessage]:
        """See :meth:`ChatSession.history`."""
        if self.conversation_id is None:
            return []
        return _history(await self._client.conversations.get(self.conversation_id))


class Chat(Resource):
    """High-level chat with an agent (sync)."""

    def stream(
        self,
        agent: str,
        text: str | None = None,
        *,
        message: str | None = None,
        username: str | None = None,
        timezone: str | None = None,
        context: ContextLike | None = None,
        conversation_id: str | None = None,
        title: str | None = None,
        on_tool_action: ToolActionHandler | None = None,
        model_selection: ModelSelectionLike | None = None,
    ) -> ChatStream:
        """Post ``text`` to ``agent`` (in a new conversation unless ``conversation_id``) and stream the reply:
        iterate the stream for typed events, or ``stream.text_stream`` for the reply tokens.
        ``username``/``timezone`` default to the config's ``default_username``/``default_timezone``.
        A tool call waiting for the user is yielded as a :class:`PendingToolAction` (answer it and the
        stream goes on), or handed to ``on_tool_action`` first if given. ``model_selection``
        (``{"providerId", "modelId", "reasoningEffort"}``) makes the agent answer with that model."""
        turn = make_turn(
            self._client,
            agent,
            text,
            message,
            username,
            timezone,
            context,
            conversation_id,
            title,
            model_selection,
        )
        return ChatStream(self._client, turn, on_tool_action=on_tool_action)

    def send(
        self,
        agent: str,
        text: str | None = None,
        *,
        message: str | None = None,
        username: str | None = None,
        timezone: str | None = None,
        context: ContextLike | None = None,
        conversation_id: str | None = None,
        title: str | None = None,
        on_tool_action: ToolActionHandler | None = None,
        model_selection: ModelSelectionLike | None = None,
    ) -> ChatResponse:
        """Ask ``agent`` and return its complete reply (``response.text``); raises
        :class:`~dust_ext.exceptions.DustAgentError` if the agent fails. ``on_tool_action`` answers the
        tool calls that wait for the user (e.g. ``lambda action: action.approve()``); without it such a
        call raises :class:`~dust_ext.exceptions.DustToolActionRequiredError` (``error.action`` is the
        pending action)."""
        stream = self.stream(
            agent,
            text,
            message=message,
            username=username,
            timezone=timezone,
            context=context,
            conversation_id=conversation_id,
            title=title,
            on_tool_action=on_tool_action,
            model_selection=model_selection,
        )
        with stream:
            return stream.until_done()

    def session(
        self,
        agent: str,
        *,
        username: str | None = None,
        timezone: str | None = None,
        title: str | None = None,
        conversation_id: str | None = None,
        on_tool_action: ToolActionHandler | None = None,
    ) -> ChatSession:
        """A multi-turn chat in one conversation; pass ``conversation_id`` to resume an existing one."""
        return ChatSession(self._client, agent, username, timezone, title, conversation_id, on_tool_action)


class AsyncChat(AsyncResource):
    """High-level chat with an agent (asyncio); see :class:`Chat`."""

    def stream(
        self,
        agent: str,
        text: str | None = None,
        *,
        message: str | None = None,
        username: str | None = None,
        timezone: str | None = None,
        context: ContextLike | None = None,
        conversation_id: str | None = None,
        title: str | None = None,
        on_tool_action: AsyncToolActionHandler | None = None,
        model_selection: ModelSelectionLike | None = None,
    ) -> AsyncChatStream:
        """See :meth:`Chat.stream` (use ``async with`` / ``async for``)."""
        turn = make_turn(
            self._client,
            agent,
            text,
            message,
            username,
            timezone,
            context,
            conversation_id,
            title,
            model_selection,
        )
        return AsyncChatStream(self._client, turn, on_tool_action=on_tool_action)

    async def send(
        self,
        agent: str,
        text: str | None = None,
        *,
        message: str | None = None,
        username: str | None = None,
        timezone: str | None = None,
        context: ContextLike | None = None,
        conversation_id: str | None = None,
        title: str | None = None,
        on_tool_action: AsyncToolActionHandler | None = None,
        model_selection: ModelSelectionLike | None = None,
    ) -> ChatResponse:
        """See :meth:`Chat.send`."""
        stream = self.stream(
            agent,
            text,
            message=message,
            username=username,
            timezone=timezone,
            context=context,
            conversation_id=conversation_id,
            title=title,
            on_tool_action=on_tool_action,
            model_selection=model_selection,
        )
        async with stream:
            return await stream.until_done()

    def session(
        self,
        agent: str,
        *,
        username: str | None = None,
        timezone: str | None = None,
        title: str | None = None,
        conversation_id: str | None = None,
        on_tool_action: AsyncToolActionHandler | None = None,
    ) -> AsyncChatSession:
        """See :meth:`Chat.session`."""
        return AsyncChatSession(
            self._client, agent, username, timezone, title, conversation_id, on_tool_action
        )
