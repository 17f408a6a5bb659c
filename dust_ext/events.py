"""Typed models of the events Dust streams, and the parsing of SSE frames into them.

Dust exposes two server-sent-event streams for conversations (see :mod:`dust_ext._core.sse` for the framing):

* the **conversation stream** (``GET .../conversations/{cId}/events``) announces new user and agent
  messages, finished agent messages and title changes;
* the **agent message stream** (``GET .../conversations/{cId}/messages/{mId}/events``) follows one agent
  reply through its lifecycle: tool calls (which may wait for the user's approval or authentication),
  generated tokens, and finally one *terminal* event — success, error, cancellation or a graceful stop.

Each frame's ``data`` is JSON ``{"eventId": "<id>", "data": {"type": "<event type>", ...}}``.
:func:`parse_frame` turns that into a :class:`StreamEvent`: the ``event_id`` (what a resuming client passes
back as ``?lastEventId=``) and the typed ``event``. Event types this module does not know become
:class:`UnknownEvent` rather than an error, since Dust adds event types over time.

Event fields are snake_case attributes read from the wire's camelCase keys (``message_id`` reads
``messageId``); the identity fields also answer to Dust's own names (``messageId``, ``configurationId``,
``conversationId``, ``actionId``), as the models of :mod:`dust_ext.types` do. Unknown fields are kept
(``model_extra``) and every enum is an open string. Nested objects are models too: messages
(:mod:`dust_ext.types.conversations`), tool actions and what a tool waiting for the user asks
(:mod:`dust_ext.types.actions`); a tool's progress notification is a plain dict.

App runs (``POST .../apps/{aId}/runs`` with ``stream: true``) stream a different family of events, with no
``eventId`` envelope: they are in :mod:`dust_ext.types.apps` (re-exported here, with :func:`parse_app_run_event`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal, TypeAlias, TypeGuard, cast, get_args

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.alias_generators import to_camel
from pydantic_core import SchemaValidator, core_schema

from dust_ext._core.large_strings import LargeString, put_back_large_strings, restore_text
from dust_ext.exceptions import DustEventDecodeError
from dust_ext.types._base import DustName, UnknownEvent, load_frame, parse_typed_event
from dust_ext.types.actions import AgentAction, ToolMetadata, ToolQuestion
from dust_ext.types.conversations import AgentMessage, UserMessage

__all__ = [
    "TERMINAL_EVENT_TYPES",
    "AgentActionSuccessEvent",
    "AgentContextPrunedEvent",
    "AgentErrorEvent",
    "AgentGenerationCancelledEvent",
    "AgentGenerationSuccessEvent",
    "AgentMessageDoneEvent",
    "AgentMessageEvent",
    "AgentMessageGracefullyStoppedEvent",
    "AgentMessageNewEvent",
    "AgentMessageSuccessEvent",
    "AppRunBlockExecutionEvent",
    "AppRunBlockStatusEvent",
    "AppRunErrorEvent",
    "AppRunEvent",
    "AppRunFinalEvent",
    "AppRunFunctionCallArgumentsTokensEvent",
    "AppRunFunctionCallEvent",
    "AppRunReasoningItemEvent",
    "AppRunReasoningTokensEvent",
    "AppRunStatusEvent",
    "AppRunTokensEvent",
    "ConversationEvent",
    "ConversationTitleEvent",
    "DustAppRunBlockEvent",
    "DustAppRunParamsEvent",
    "DustEvent",
    "DustEventDecodeError",
    "EventError",
    "GenerationTokensEvent",
    "RetrievalParamsEvent",
    "StreamEvent",
    "ToolApproveExecutionEvent",
    "ToolAskUserQuestionEvent",
    "ToolCallStartedEvent",
    "ToolErrorEvent",
    "ToolFileAuthRequiredEvent",
    "ToolNotificationEvent",
    "ToolParamsEvent",
    "ToolPersonalAuthRequiredEvent",
    "UnknownEvent",
    "UserMessageErrorEvent",
    "UserMessageNewEvent",
    "UserMessagePromotedEvent",
    "is_reply_text",
    "is_terminal",
    "parse_app_run_event",
    "parse_event",
    "parse_frame",
]


class _WireModel(BaseModel):
    """Base of every event model: camelCase aliases, unknown fields kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_camel)


class EventError(_WireModel):
    """The ``error`` of ``agent_error``, ``tool_error`` and ``user_message_error`` events."""

    code: str
    message: str
    metadata: dict[str, Any] | None = None


class _DustEventBase(_WireModel):
    created: int
    """When the event was emitted, in milliseconds since the epoch."""


class _AgentEventBase(_DustEventBase):
    """Fields shared by events about one agent message."""

    configuration_id: str
    message_id: str
    step: int | None = None
    messageId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``message_id``: the agent message's sId."""
    configurationId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``configuration_id``: the answering agent's sId."""


# -- Conversation stream ----------------------------------------------------------------------------------


class UserMessageNewEvent(_DustEventBase):
    """A user message was posted in the conversation. ``message`` is the UserMessage (with its rank)."""

    type: Literal["user_message_new"] = "user_message_new"
    message_id: str
    message: UserMessage
    messageId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``message_id``: the user message's sId."""


class UserMessagePromotedEvent(_DustEventBase):
    """A pending user message became visible in the conversation."""

    type: Literal["user_message_promoted"] = "user_message_promoted"
    message_id: str
    messageId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``message_id``: the user message's sId."""


class AgentMessageNewEvent(_AgentEventBase):
    """An agent started answering; ``message_id`` (the new message's sId) opens the agent message stream."""

    type: Literal["agent_message_new"] = "agent_message_new"
    message: AgentMessage


class AgentMessageDoneEvent(_AgentEventBase):
    """An agent message finished; ``status`` is ``"success"`` or ``"error"`` (open string) when present."""

    type: Literal["agent_message_done"] = "agent_message_done"
    conversation_id: str
    status: str | None = None
    conversationId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``conversation_id``."""


class ConversationTitleEvent(_DustEventBase):
    """The conversation's title was set, by hand or automatically after the first exchange."""

    type: Literal["conversation_title"] = "conversation_title"
    title: str


# -- Agent message stream ---------------------------------------------------------------------------------


class GenerationTokensEvent(_AgentEventBase):
    """A chunk of text generated by the agent's model.

    ``classification`` (an open string) says what the text is: ``"tokens"`` (the reply shown to the user),
    ``"chain_of_thought"`` (the model's visible reasoning), or ``"opening_delimiter"`` /
    ``"closing_delimiter"`` (markers around a reasoning section, whose kind is then in
    ``delimiter_classification``). Older servers sent no classification; that text was the reply.
    """

    type: Literal["generation_tokens"] = "generation_tokens"
    text: str
    classification: str = "tokens"
    delimiter_classification: str | None = None

    @property
    def is_reply_text(self) -> bool:
        """Whether ``text`` is part of the reply shown to the user (not reasoning nor a delimiter)."""
        return self.classification == "tokens"


class ToolParamsEvent(_AgentEventBase):
    """The agent chose a tool call; ``action`` holds the action with its parameters."""

    type: Literal["tool_params"] = "tool_params"
    action: AgentAction


class ToolCallStartedEvent(_AgentEventBase):
    """The model started emitting a tool call (its arguments are still being generated)."""

    type: Literal["tool_call_started"] = "tool_call_started"
    tool_name: str
    tool_call_id: str | None = None
    tool_call_index: int | None = None


class ToolNotificationEvent(_AgentEventBase):
    """Progress reported by a running tool (``notification`` holds progress, total and a label)."""

    type: Literal["tool_notification"] = "tool_notification"
    conversation_id: str | None = None
    action: AgentAction
    notification: dict[str, Any]
    conversationId: ClassVar[DustName[str | None]] = DustName()
    """Dust's name of ``conversation_id``."""


class _BlockedToolEventBase(_AgentEventBase):
    """A tool call that cannot run until the user acts on ``action_id`` (see :attr:`actionId`).

    ``inputs`` are the call's arguments, ``stake`` its risk level (open string: low, medium, high, never_ask)
    and ``metadata`` describes the MCP server and tool.
    """

    conversation_id: str
    action_id: str | None = None
    inputs: dict[str, Any] | None = None
    stake: str | None = None
    metadata: ToolMetadata | None = None
    arguments_requiring_approval: list[str] | None = None
    approval_args_label: str | None = None
    is_last_blocking_event_for_step: bool | None = None
    conversationId: ClassVar[DustName[str]] = DustName()
    """Dust's name of ``conversation_id``."""
    actionId: ClassVar[DustName[str | None]] = DustName()
    """Dust's name of ``action_id``: the blocked action to validate."""


class ToolApproveExecutionEvent(_BlockedToolEventBase):
    """A tool call waits for the user's approval (answer it with the validate-action endpoint)."""

    type: Literal["tool_approve_execution"] = "tool_approve_execution"
    user_id: str | None = None


class ToolPersonalAuthRequiredEvent(_BlockedToolEventBase):
    """A tool call needs the user to connect a personal account (OAuth); ``auth_error`` says which."""

    type: Literal["tool_personal_auth_required"] = "tool_personal_auth_required"
    auth_error: dict[str, Any] | None = None


class ToolFileAuthRequiredEvent(_BlockedToolEventBase):
    """A tool call needs the user to grant access to a file; ``file_auth_error`` says which."""

    type: Literal["tool_file_auth_required"] = "tool_file_auth_required"
    file_auth_error: dict[str, Any] | None = None


class ToolAskUserQuestionEvent(_BlockedToolEventBase):
    """A tool asks the user a question and waits for the answer."""

    type: Literal["tool_ask_user_question"] = "tool_ask_user_question"
    question: ToolQuestion
    user_id: str | None = None


class ToolErrorEvent(_AgentEventBase):
    """A tool call failed. Not terminal: the agent may go on and still answer."""

    type: Literal["tool_error"] = "tool_error"
    conversation_id: str | None = None
    error: EventError
    is_last_blocking_event_for_step: bool | None = None
    conversationId: ClassVar[DustName[str | None]] = DustName()
    """Dust's name of ``conversation_id``."""


class AgentActionSuccessEvent(_AgentEventBase):
    """A tool call (action) completed; ``action`` holds it with its output."""

    type: Literal["agent_action_success"] = "agent_action_success"
    action: AgentAction


class AgentContextPrunedEvent(_AgentEventBase):
    """The conversation was too long for the model and older context was dropped."""

    type: Literal["agent_context_pruned"] = "agent_context_pruned"


class AgentGenerationCancelledEvent(_AgentEventBase):
    """Terminal: the agent message was cancelled (e.g. through the cancel endpoint)."""

    type: Literal["agent_generation_cancelled"] = "agent_generation_cancelled"


class AgentErrorEvent(_AgentEventBase):
    """Terminal: the agent message failed; ``error`` says why."""

    type: Literal["agent_error"] = "agent_error"
    error: EventError
    run_ids: list[str] | None = None


class AgentMessageSuccessEvent(_AgentEventBase):
    """Terminal: the agent message completed. ``message.content`` holds the whole reply."""

    type: Literal["agent_message_success"] = "agent_message_success"
    message: AgentMessage
    run_ids: list[str] | None = None


class AgentMessageGracefullyStoppedEvent(_AgentEventBase):
    """Terminal: the agent was asked to stop and ended its message cleanly; ``message`` is the result."""

    type: Literal["agent_message_gracefully_stopped"] = "agent_message_gracefully_stopped"
    message: AgentMessage
    run_ids: list[str] | None = None


class UserMessageErrorEvent(_DustEventBase):
    """Terminal: the user message that should trigger the agent could not be processed."""

    type: Literal["user_message_error"] = "user_message_error"
    error: EventError


# Events from older Dust documents, kept so that older servers and recordings still parse.


class RetrievalParamsEvent(_AgentEventBase):
    """(Older servers) A retrieval action's finalized query; ``data_sources`` is ``"all"`` or a list."""

    type: Literal["retrieval_params"] = "retrieval_params"
    data_sources: Any = None
    action: AgentAction


class DustAppRunParamsEvent(_AgentEventBase):
    """(Older servers) The inputs chosen for a Dust app run action."""

    type: Literal["dust_app_run_params"] = "dust_app_run_params"
    action: AgentAction


class DustAppRunBlockEvent(_AgentEventBase):
    """(Older servers) A block of a Dust app run action started executing."""

    type: Literal["dust_app_run_block"] = "dust_app_run_block"
    action: AgentAction


class AgentGenerationSuccessEvent(_AgentEventBase):
    """(Older servers) Generation finished; ``text`` is the whole generated reply. Not terminal."""

    type: Literal["agent_generation_success"] = "agent_generation_success"
    text: str


ConversationEvent: TypeAlias = (
    UserMessageNewEvent
    | UserMessagePromotedEvent
    | AgentMessageNewEvent
    | AgentMessageDoneEvent
    | ConversationTitleEvent
    | UnknownEvent
)
"""Events of the conversation stream."""

AgentMessageEvent: TypeAlias = (
    GenerationTokensEvent
    | ToolParamsEvent
    | ToolCallStartedEvent
    | ToolNotificationEvent
    | ToolApproveExecutionEvent
    | ToolPersonalAuthRequiredEvent
    | ToolFileAuthRequiredEvent
    | ToolAskUserQuestionEvent
    | ToolErrorEvent
    | AgentActionSuccessEvent
    | AgentContextPrunedEvent
    | AgentGenerationCancelledEvent
    | AgentErrorEvent
    | AgentMessageSuccessEvent
    | AgentMessageGracefullyStoppedEvent
    | AgentMessageDoneEvent
    | UserMessageErrorEvent
    | RetrievalParamsEvent
    | DustAppRunParamsEvent
    | DustAppRunBlockEvent
    | AgentGenerationSuccessEvent
    | UnknownEvent
)
"""Events of the agent message stream."""

DustEvent: TypeAlias = ConversationEvent | AgentMessageEvent
"""Any event of either stream."""

_EVENT_MODELS: Final[dict[str, type[_DustEventBase]]] = {
    model.model_fields["type"].default: model for model in get_args(DustEvent) if model is not UnknownEvent
}
"""The model of each known event type, read from the two unions above."""

TERMINAL_EVENT_TYPES: Final[frozenset[str]] = frozenset(
    {
        "agent_error",
        "agent_message_success",
        "agent_generation_cancelled",
        "agent_message_gracefully_stopped",
        "user_message_error",
    }
)
"""Event types after which an agent message stream has nothing more to say."""


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One decoded frame of a Dust event stream.

    ``event_id`` is Dust's id for the event (e.g. ``"1695991686152-0"``): pass the last one seen as the
    ``lastEventId`` query parameter to resume a stream after it, and use it to drop the duplicates Dust
    may send when a stream is resumed. ``event`` is the typed event.
    """

    event_id: str
    event: DustEvent


def parse_event(payload: dict[str, Any], *, raw: str | None = None) -> DustEvent:
    """Build the typed event for one event payload (the envelope's ``data`` object).

    Unknown types give :class:`UnknownEvent`. A payload without a string ``type``, or whose fields do not
    fit its type, raises :class:`DustEventDecodeError` (``raw`` defaults to the payload as JSON).
    """
    return cast("DustEvent", parse_typed_event(payload, _EVENT_MODELS, "event", raw))


def _stream_event_validator(event_schema: core_schema.CoreSchema) -> SchemaValidator:
    """A validator turning a frame's JSON text into a :class:`StreamEvent` in one pass.

    pydantic-core parses the text and builds the event model and the :class:`StreamEvent` itself: no
    envelope model to unpack and no Python-level construction per frame. The envelope is
    ``{"eventId": str, "data": <event>}``; other envelope keys are ignored, as by the slow path.
    """
    fields = [
        core_schema.dataclass_field("event_id", core_schema.str_schema(), validation_alias="eventId"),
        core_schema.dataclass_field("event", event_schema, validation_alias="data"),
    ]
    schema = core_schema.dataclass_schema(
        StreamEvent,
        core_schema.dataclass_args_schema("StreamEvent", fields),
        ["event_id", "event"],
        slots=True,
        frozen=True,
    )
    # Only keys go through pydantic-core's string cache (process-wide, 16,384 strings): values are mostly
    # unique per frame (event ids, token texts), so caching them only filled it, holding ~1 MB of dead ids
    # after one long reply (benchmarks/RESULTS.md, stop 13), for no speed.
    return SchemaValidator(schema, core_schema.CoreConfig(cache_strings="keys"))


# Frames of a known event type: a tagged union on ``type`` over every event model. Anything it rejects is
# re-parsed by the explicit slow path, which yields UnknownEvent for unknown types and precise
# DustEventDecodeError messages otherwise, so both paths give the same results.
# Measured per generation_tokens frame (callgrind): this validator ~19.9k instructions, the former envelope
# model + StreamEvent() ~25.7k, json.loads alone ~26.5k. A separate validator for generation_tokens frames
# saved ~1k, eaten by the check choosing it (round three: it halved that parse's L1 data-cache misses in
# isolation, but the whole stream gained no measurable time); building the model in Python after
# pydantic_core.from_json (~11k) costs more than pydantic-core building it, so there is no hand-written fast path.
_validate_known_frame = _stream_event_validator(
    core_schema.tagged_union_schema(
        {event_type: model.__pydantic_core_schema__ for event_type, model in _EVENT_MODELS.items()},
        discriminator="type",
    )
).validate_json


def parse_frame(data: str) -> StreamEvent | None:
    """Decode the ``data`` of one SSE frame of a conversation or agent message stream.

    Returns ``None`` for frames that carry no event: the literal ``done`` marker (which the official
    client also skips) and empty data. Raises :class:`DustEventDecodeError` for anything that is not
    ``{"eventId": str, "data": {"type": str, ...}}`` or does not fit its event type.
    """
    if not data or data == "done":
        return None
    return parse_event_frame(data)


def parse_event_frame(data: str) -> StreamEvent:
    """:func:`parse_frame` of a frame that is neither empty nor ``done`` (the event stream's call per frame,
    which checks those itself)."""
    try:
        # A typed local rather than cast(): validate_json returns Any, and a cast is a call per frame.
        frame: StreamEvent = _validate_known_frame(data)
    except ValidationError:
        return _parse_frame_slowly(data)
    return frame


def parse_split_frame(skeleton: str, large_strings: tuple[LargeString, ...]) -> StreamEvent:
    """:func:`parse_event_frame` of a frame the SSE decoder split (``SSEDecoder(large_string_chars=...)``).

    The skeleton is validated as any frame and each large string written back where its placeholder
    landed, so the frame's text and the parsed strings are never both held. The result is the one
    :func:`parse_event_frame` gives for the exact frame text, which is parsed instead whenever the shortcut
    cannot be proven to give it (a placeholder not found exactly once as a written-back value, a frame the
    fast validator rejects): the same event, or the same error.
    """
    try:
        frame: StreamEvent = _validate_known_frame(skeleton)
    except ValidationError:
        return parse_event_frame(restore_text(skeleton, large_strings))
    if not put_back_large_strings(frame, {large.placeholder: large.value for large in large_strings}):
        return parse_event_frame(restore_text(skeleton, large_strings))
    return frame


def _parse_frame_slowly(data: str) -> StreamEvent:
    envelope = load_frame(data)
    event_id = envelope.get("eventId")
    payload = envelope.get("data")
    if not isinstance(event_id, str) or not isinstance(payload, dict):
        raise DustEventDecodeError("frame data is not {'eventId': str, 'data': object}", raw=data)
    return StreamEvent(event_id, parse_event(payload, raw=data))


def is_terminal(event: DustEvent) -> bool:
    """Whether ``event`` ends an agent message stream (success, error, cancellation, graceful stop)."""
    return event.type in TERMINAL_EVENT_TYPES


def is_reply_text(event: DustEvent) -> TypeGuard[GenerationTokensEvent]:
    """Whether ``event`` carries reply text: a ``generation_tokens`` event classified ``"tokens"``.

    The agent's reply is the concatenation of these events' ``text`` (type checkers narrow ``event`` to
    :class:`GenerationTokensEvent` when this returns ``True``); the final
    ``agent_message_success`` event's ``message.content`` holds the same text in full.
    """
    return isinstance(event, GenerationTokensEvent) and event.classification == "tokens"


# App-run events are their own family (no eventId, no resume): defined in dust_ext.types.apps.
from dust_ext.types.apps import (  # noqa: E402
    AppRunBlockExecutionEvent,
    AppRunBlockStatusEvent,
    AppRunErrorEvent,
    AppRunEvent,
    AppRunFinalEvent,
    AppRunFunctionCallArgumentsTokensEvent,
    AppRunFunctionCallEvent,
    AppRunReasoningItemEvent,
    AppRunReasoningTokensEvent,
    AppRunStatusEvent,
    AppRunTokensEvent,
    parse_app_run_event,
)
