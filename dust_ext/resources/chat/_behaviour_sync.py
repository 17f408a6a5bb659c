# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.chat``'s methods, its chat stream and session, inherited by the generated ``AsyncChat`` (see
openapi/sdk.yaml)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, cast

from dust_ext._io import completed
from dust_ext.chat import ChatMessage, ChatResponse
from dust_ext.events import DustEvent
from dust_ext.exceptions import DustAPIError, DustError, DustTimeoutError
from dust_ext.resources._base._arguments import same_arguments_as
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.chat.calls import (
    ChatStart,
    ChatStreamState,
    ChatTurn,
    ToolActionHandler,
    chat_history,
    make_turn,
    start_in_conversation,
    start_in_new_conversation,
    still_waiting,
)
from dust_ext.resources.conversations.calls import ContextLike, ModelSelectionLike
from dust_ext.resources.tools import BlockedToolEvent, PendingToolAction, is_blocked_tool_event
from dust_ext.types.conversations import AgentMessage

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient

logger = logging.getLogger("dust_ext")


class ChatStream(ChatStreamState):
    """A streamed reply: iterate it for typed events, or ``.text_stream`` for the reply tokens only.

    Used as a context manager (``with client.chat.stream(agent="dust", text="Hi") as stream:``), it posts
    the message on entry, and leaving the block before the reply is complete cancels the generation.
    Without it, iterating posts it; a stream read to its end releases its connection by itself (back to
    the pool: the next chat reuses it), but one left unfinished is neither cancelled nor released until
    :meth:`close` or garbage collection.
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
        self._surfaced: PendingToolAction | None = None
        self._pieces = self._feed()  # runs nothing until first read

    def start(self) -> Self:
        """Post the turn (done on entering the context manager or by iterating; idempotent)."""
        if self._reply is None:
            turn, conversations = self._turn, self._client.conversations
            message_options: dict[str, Any] = {
                "mentions": [turn.agent],
                "context": turn.context,
                "model_selection": turn.model_selection,
                "skip_tools_validation": turn.skip_tools_validation,
            }
            if turn.conversation_id is None:
                conversation = conversations.create(turn.title, message=turn.text, **message_options)
                start = start_in_new_conversation(conversation, turn.agent)
            else:
                posted = conversations.create_message(turn.conversation_id, turn.text, **message_options)
                start = start_in_conversation(turn.conversation_id, posted, turn.agent)
            self._started(start)
        return self

    def _feed(self) -> Generator[tuple[DustEvent | PendingToolAction, str | None]]:
        reply = (self.start()).reply
        frames = self._client.conversations.stream_message_events(reply.conversation_id, reply.message_id)
        # Close the event stream (and its HTTP response) as soon as the reply is complete, so the connection
        # goes back to the pool at once.
        with frames:
            try:
                for frame in frames:
                    event = frame.event
                    piece = reply.feed(event)
                    if piece is None and is_blocked_tool_event(event):  # reply text never waits for the user
                        action = PendingToolAction(cast(BlockedToolEvent, event), self._client)
                        self.tool_actions.append(action)
                        if self._on_tool_action is not None:
                            completed(self._on_tool_action(action))
                        yield action, piece
                    else:
                        yield event, piece
                    if reply.done:
                        return
            except DustTimeoutError as timeout:
                waiting = self._timed_out_waiting(timeout, self.tool_actions)
                if waiting is None:
                    raise
                raise waiting from timeout

    def _unhandled(self, item: DustEvent | PendingToolAction) -> PendingToolAction | None:
        """The pending action in ``item`` when no ``on_tool_action`` handler answers it: the caller will see
        it (yielded or raised), and the next read first checks that it was answered."""
        if isinstance(item, PendingToolAction) and self._on_tool_action is None:
            self._surfaced = item
            return item
        return None

    def _check_answered(self) -> None:
        """Before reading on past a pending action the caller saw: raise rather than wait for a decision
        nobody made. Answered through the action, by id (``conversations.validate_action``) or in Dust, it
        no longer blocks."""
        action = self._surfaced
        if action is None:
            return
        if action.resolution is None:
            try:
                blocked = self._client.conversations.list_blocked_actions(action.conversation_id)
            except DustAPIError as refused:  # e.g. a key without read:conversation: it may well still wait
                raise self._unanswered(action, iterating=True) from refused
            if still_waiting(action, blocked):
                raise self._unanswered(action, iterating=True)
        self._surfaced = None

    def __iter__(self) -> Iterator[DustEvent | PendingToolAction]:
        """Typed events; a tool call waiting for the user comes as a pending tool action. Answer it before
        reading on (or pass ``on_tool_action=``): reading on while it still waits raises
        :class:`~dust_ext.exceptions.DustToolActionRequiredError`."""
        self._check_answered()
        for item, _ in self._pieces:
            self._unhandled(item)
            yield item
            if self._surfaced is not None:  # only after a pending action: tokens pay nothing
                self._check_answered()

    @property
    def text_stream(self) -> Iterator[str]:
        """Only the reply text, chunk by chunk (no chain of thought, no delimiters); raises
        :class:`~dust_ext.exceptions.DustAgentError` at the end if the agent failed, and
        :class:`~dust_ext.exceptions.DustToolActionRequiredError` as soon as a tool waits for the user
        without an ``on_tool_action`` handler (answer ``error.action``, then read ``text_stream`` again to
        go on)."""
        self._check_answered()
        for item, piece in self._pieces:
            if piece:
                yield piece
            elif (action := self._unhandled(item)) is not None:
                raise self._unanswered(action, iterating=False)
        self.reply.raise_for_error()

    def until_done(self) -> ChatResponse:
        """Read the stream to its end and return the exchange (raises DustAgentError if the agent failed,
        DustToolActionRequiredError as soon as a tool waits for the user and no ``on_tool_action`` handler
        answers it)."""
        self._check_answered()
        for item, piece in self._pieces:
            if not piece and (action := self._unhandled(item)) is not None:
                raise self._unanswered(action, iterating=False)
        return self.reply.response()

    def final_message(self) -> AgentMessage | None:
        """The agent message as Dust finished it."""
        return (self.until_done()).agent_message

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
        self._pieces.close()

    close = close  # the asyncio stream's name for it before streams had aclose(); kept working

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.close()
        except Exception as cleanup_error:
            if exc is None:
                raise
            # The block's own exception says what went wrong; a failed cleanup must not replace it.
            logger.warning("dust could not close the stream after %s: %s", type(exc).__name__, cleanup_error)


@dataclass(eq=False)
class ChatSession:
    """A multi-turn chat with one agent in one conversation (created on the first turn, or resumed)."""

    client: DustClient = field(repr=False)
    agent: str
    username: str | None
    timezone: str | None
    title: str | None
    conversation_id: str | None
    on_tool_action: ToolActionHandler | None = None

    def _remember(self, start: ChatStart) -> None:
        self.conversation_id = start.conversation_id

    def stream(self, text: str | None = None, *, message: str | None = None) -> ChatStream:
        """Stream the agent's reply to the next turn (see ``chat.stream``)."""
        turn = make_turn(
            self.client.config,
            self.agent,
            text,
            message,
            self.username,
            self.timezone,
            None,
            self.conversation_id,
            self.title,
        )
        return ChatStream(self.client, turn, on_start=self._remember, on_tool_action=self.on_tool_action)

    def send(self, text: str | None = None, *, message: str | None = None) -> ChatResponse:
        """Send the next turn and return the agent's reply."""
        with self.stream(text, message=message) as stream:
            return stream.until_done()

    def history(self) -> list[ChatMessage]:
        """The conversation so far, as (role, text) messages; empty before the first turn."""
        if self.conversation_id is None:
            return []
        return chat_history(self.client.conversations.get(self.conversation_id))


class ChatBehaviour(Resource):
    """``client.chat``: a turn posted through ``client.conversations``, its reply followed on the event stream."""

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
        skip_tools_validation: bool = False,
    ) -> ChatStream:
        """Post ``text`` to ``agent`` (in a new conversation unless ``conversation_id``) and stream the reply:
        iterate the stream for typed events, or ``stream.text_stream`` for the reply tokens.
        ``username``/``timezone`` default to the config's ``default_username``/``default_timezone``.
        A tool call waiting for the user is yielded as a pending tool action (answer it and the stream goes
        on), or handed to ``on_tool_action`` first if given. ``model_selection``
        (``{"providerId", "modelId", "reasoningEffort"}``) makes the agent answer with that model.
        ``skip_tools_validation=True`` (Dust's ``skipToolsValidation``) lets the agent's tools run without
        asking for approval; a question the agent asks the user still waits for an answer."""
        turn = make_turn(
            self._client.config,
            agent,
            text,
            message,
            username,
            timezone,
            context,
            conversation_id,
            title,
            model_selection,
            skip_tools_validation,
        )
        return ChatStream(self._client, turn, on_tool_action=on_tool_action)

    @same_arguments_as(stream)
    def send(self, *args: Any, **kwargs: Any) -> ChatResponse:
        """Ask ``agent`` and return its complete reply (``response.text``); the arguments are ``stream``'s.
        Raises :class:`~dust_ext.exceptions.DustAgentError` if the agent fails, and
        :class:`~dust_ext.exceptions.DustToolActionRequiredError` (``error.action`` is the pending action)
        when a tool call waits for the user and no ``on_tool_action`` answers it."""
        with self.stream(*args, **kwargs) as stream:
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
