"""Tests for the typed Dust stream events (dust_ext.events)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from dust_ext._core.sse import iter_sse
from dust_ext.events import (
    TERMINAL_EVENT_TYPES,
    AgentActionSuccessEvent,
    AgentContextPrunedEvent,
    AgentErrorEvent,
    AgentGenerationCancelledEvent,
    AgentGenerationSuccessEvent,
    AgentMessageDoneEvent,
    AgentMessageGracefullyStoppedEvent,
    AgentMessageNewEvent,
    AgentMessageSuccessEvent,
    AppRunBlockExecutionEvent,
    AppRunBlockStatusEvent,
    AppRunErrorEvent,
    AppRunFinalEvent,
    AppRunFunctionCallArgumentsTokensEvent,
    AppRunFunctionCallEvent,
    AppRunReasoningItemEvent,
    AppRunReasoningTokensEvent,
    AppRunStatusEvent,
    AppRunTokensEvent,
    ConversationTitleEvent,
    DustAppRunBlockEvent,
    DustAppRunParamsEvent,
    DustEventDecodeError,
    EventError,
    GenerationTokensEvent,
    RetrievalParamsEvent,
    StreamEvent,
    ToolApproveExecutionEvent,
    ToolAskUserQuestionEvent,
    ToolCallStartedEvent,
    ToolErrorEvent,
    ToolFileAuthRequiredEvent,
    ToolNotificationEvent,
    ToolParamsEvent,
    ToolPersonalAuthRequiredEvent,
    UnknownEvent,
    UserMessageErrorEvent,
    UserMessageNewEvent,
    UserMessagePromotedEvent,
    _parse_frame_slowly,
    is_reply_text,
    is_terminal,
    parse_app_run_event,
    parse_event,
    parse_frame,
)

DATA = Path(__file__).parent / "data" / "events"

CREATED = 1695991686151
AGENT = {"configurationId": "helper", "messageId": "d349842779"}
ACTION = {
    "id": 71,
    "sId": "act_71",
    "type": "tool_action",
    "functionCallName": "web_search_browse__websearch",
    "params": {"query": "Dust platform"},
    "status": "running",
}
BLOCKED = {
    **AGENT,
    "conversationId": "7b6396245c",
    "actionId": "act_71",
    "inputs": {"query": "Dust platform"},
    "stake": "medium",
    "metadata": {
        "mcpServerName": "web",
        "toolName": "websearch",
        "mcpServerDisplayName": "Web",
        "mcpServerId": "ms_1",
    },
    "isLastBlockingEventForStep": True,
}
USER_MESSAGE = {"sId": "343756bed1", "type": "user_message", "content": "@helper hi", "rank": 0}
AGENT_MESSAGE = {
    "sId": "d349842779",
    "type": "agent_message",
    "status": "created",
    "content": None,
    "rank": 1,
}
FINAL_MESSAGE = {**AGENT_MESSAGE, "status": "succeeded", "content": "Hello!"}
ERROR = {"code": "multi_actions_error", "message": "The agent failed.", "metadata": {"category": "retryable"}}

# (payload, expected model, attributes to check): one realistic payload per event type.
EVENT_CASES: list[tuple[dict[str, Any], type, dict[str, Any]]] = [
    (
        {"type": "user_message_new", "messageId": "343756bed1", "message": USER_MESSAGE},
        UserMessageNewEvent,
        {"message_id": "343756bed1", "message": USER_MESSAGE},
    ),
    (
        {"type": "user_message_promoted", "messageId": "5b1e7c0a11"},
        UserMessagePromotedEvent,
        {"message_id": "5b1e7c0a11"},
    ),
    (
        {"type": "agent_message_new", **AGENT, "message": AGENT_MESSAGE},
        AgentMessageNewEvent,
        {"configuration_id": "helper", "message_id": "d349842779", "message": AGENT_MESSAGE},
    ),
    (
        {"type": "agent_message_done", **AGENT, "conversationId": "7b6396245c", "status": "success"},
        AgentMessageDoneEvent,
        {"conversation_id": "7b6396245c", "status": "success"},
    ),
    (
        {"type": "conversation_title", "title": "What is Dust?"},
        ConversationTitleEvent,
        {"title": "What is Dust?"},
    ),
    (
        {"type": "generation_tokens", **AGENT, "text": "Hello", "classification": "tokens", "step": 1},
        GenerationTokensEvent,
        {"text": "Hello", "classification": "tokens", "delimiter_classification": None, "step": 1},
    ),
    (
        {
            "type": "generation_tokens",
            **AGENT,
            "text": "<thinking>",
            "classification": "opening_delimiter",
            "delimiterClassification": "chain_of_thought",
        },
        GenerationTokensEvent,
        {"classification": "opening_delimiter", "delimiter_classification": "chain_of_thought"},
    ),
    ({"type": "tool_params", **AGENT, "action": ACTION}, ToolParamsEvent, {"action": ACTION}),
    (
        {
            "type": "tool_call_started",
            **AGENT,
            "toolName": "websearch",
            "toolCallId": "call_1",
            "toolCallIndex": 0,
        },
        ToolCallStartedEvent,
        {"tool_name": "websearch", "tool_call_id": "call_1", "tool_call_index": 0},
    ),
    (
        {
            "type": "tool_notification",
            **AGENT,
            "conversationId": "7b6396245c",
            "action": ACTION,
            "notification": {"progress": 1, "total": 2, "_meta": {"data": {"label": "Searching"}}},
        },
        ToolNotificationEvent,
        {
            "conversation_id": "7b6396245c",
            "notification": {"progress": 1, "total": 2, "_meta": {"data": {"label": "Searching"}}},
        },
    ),
    (
        {
            "type": "tool_approve_execution",
            **BLOCKED,
            "userId": "u_1",
            "argumentsRequiringApproval": ["query"],
        },
        ToolApproveExecutionEvent,
        {
            "action_id": "act_71",
            "conversation_id": "7b6396245c",
            "inputs": {"query": "Dust platform"},
            "stake": "medium",
            "user_id": "u_1",
            "arguments_requiring_approval": ["query"],
            "is_last_blocking_event_for_step": True,
        },
    ),
    (
        {
            "type": "tool_personal_auth_required",
            **BLOCKED,
            "authError": {
                "mcpServerId": "ms_1",
                "provider": "google_drive",
                "toolName": "search",
                "message": "Connect",
            },
        },
        ToolPersonalAuthRequiredEvent,
        {
            "auth_error": {
                "mcpServerId": "ms_1",
                "provider": "google_drive",
                "toolName": "search",
                "message": "Connect",
            }
        },
    ),
    (
        {
            "type": "tool_file_auth_required",
            **BLOCKED,
            "fileAuthError": {
                "fileId": "f1",
                "fileName": "a.pdf",
                "connectionId": "c1",
                "mimeType": "application/pdf",
            },
        },
        ToolFileAuthRequiredEvent,
        {
            "file_auth_error": {
                "fileId": "f1",
                "fileName": "a.pdf",
                "connectionId": "c1",
                "mimeType": "application/pdf",
            }
        },
    ),
    (
        {
            "type": "tool_ask_user_question",
            **BLOCKED,
            "question": {
                "question": "Which region?",
                "options": [
                    {"label": "EU", "description": "Frankfurt"},
                    {"label": "US", "description": None},
                ],
                "multiSelect": False,
            },
        },
        ToolAskUserQuestionEvent,
        {
            "question": {
                "question": "Which region?",
                "options": [
                    {"label": "EU", "description": "Frankfurt"},
                    {"label": "US", "description": None},
                ],
                "multiSelect": False,
            }
        },
    ),
    (
        {
            "type": "tool_error",
            **AGENT,
            "conversationId": "7b6396245c",
            "error": {"code": "tool_error", "message": "Timeout", "metadata": None},
            "isLastBlockingEventForStep": False,
        },
        ToolErrorEvent,
        {"error": EventError(code="tool_error", message="Timeout"), "is_last_blocking_event_for_step": False},
    ),
    (
        {"type": "agent_action_success", **AGENT, "action": {**ACTION, "status": "succeeded"}},
        AgentActionSuccessEvent,
        {"action": {**ACTION, "status": "succeeded"}},
    ),
    ({"type": "agent_context_pruned", **AGENT}, AgentContextPrunedEvent, {"message_id": "d349842779"}),
    (
        {"type": "agent_generation_cancelled", **AGENT},
        AgentGenerationCancelledEvent,
        {"configuration_id": "helper"},
    ),
    (
        {"type": "agent_error", **AGENT, "error": ERROR, "runIds": ["run_1"]},
        AgentErrorEvent,
        {"error": EventError(**ERROR), "run_ids": ["run_1"]},
    ),
    (
        {"type": "agent_message_success", **AGENT, "message": FINAL_MESSAGE, "runIds": ["run_1", "run_2"]},
        AgentMessageSuccessEvent,
        {"message": FINAL_MESSAGE, "run_ids": ["run_1", "run_2"]},
    ),
    (
        {"type": "agent_message_gracefully_stopped", **AGENT, "message": FINAL_MESSAGE, "runIds": []},
        AgentMessageGracefullyStoppedEvent,
        {"message": FINAL_MESSAGE, "run_ids": []},
    ),
    (
        {
            "type": "user_message_error",
            "error": {"code": "plan_message_limit_exceeded", "message": "Limit reached."},
        },
        UserMessageErrorEvent,
        {"error": EventError(code="plan_message_limit_exceeded", message="Limit reached.")},
    ),
    (
        {"type": "retrieval_params", **AGENT, "dataSources": "all", "action": {"id": 3, "query": "dust"}},
        RetrievalParamsEvent,
        {"data_sources": "all", "action": {"id": 3, "query": "dust"}},
    ),
    (
        {"type": "dust_app_run_params", **AGENT, "action": {"id": 4, "params": {"q": 1}}},
        DustAppRunParamsEvent,
        {"action": {"id": 4, "params": {"q": 1}}},
    ),
    (
        {"type": "dust_app_run_block", **AGENT, "action": {"id": 4, "runningBlock": {"name": "MODEL"}}},
        DustAppRunBlockEvent,
        {"action": {"id": 4, "runningBlock": {"name": "MODEL"}}},
    ),
    (
        {"type": "agent_generation_success", **AGENT, "text": "Hello!"},
        AgentGenerationSuccessEvent,
        {"text": "Hello!"},
    ),
]


def frame(payload: dict[str, Any], event_id: str = "1695991686152-0") -> str:
    return json.dumps({"eventId": event_id, "data": {"created": CREATED, **payload}})


def test_every_event_type_has_a_case() -> None:
    from dust_ext.events import _EVENT_MODELS

    assert {payload["type"] for payload, _, _ in EVENT_CASES} == set(_EVENT_MODELS)


@pytest.mark.parametrize(("payload", "model", "expected"), EVENT_CASES, ids=lambda v: "")
def test_parse_each_event_type(payload: dict[str, Any], model: type, expected: dict[str, Any]) -> None:
    parsed = parse_frame(frame(payload))
    assert parsed is not None
    assert parsed.event_id == "1695991686152-0"
    event = parsed.event
    assert type(event) is model
    assert not isinstance(event, UnknownEvent)
    assert event.type == payload["type"]
    assert event.created == CREATED
    for name, value in expected.items():
        actual = getattr(event, name)
        # Messages parse into the conversation models; compare them with the payload they came from.
        if isinstance(actual, BaseModel) and not isinstance(value, BaseModel):
            actual = actual.model_dump(exclude_unset=True)
        assert actual == value, name


@pytest.mark.parametrize(("payload", "model", "expected"), EVENT_CASES, ids=lambda v: "")
def test_dump_by_alias_round_trips_the_wire_payload(
    payload: dict[str, Any], model: type, expected: dict[str, Any]
) -> None:
    parsed = parse_frame(frame(payload))
    assert parsed is not None
    assert parsed.event.model_dump(by_alias=True, exclude_unset=True) == {"created": CREATED, **payload}


@pytest.mark.parametrize(("payload", "model", "expected"), EVENT_CASES, ids=lambda v: "")
def test_fast_and_slow_paths_agree(payload: dict[str, Any], model: type, expected: dict[str, Any]) -> None:
    text = frame(payload)
    assert parse_frame(text) == _parse_frame_slowly(text)


def test_models_accept_snake_case_names_too() -> None:
    event = GenerationTokensEvent(created=1, configuration_id="helper", message_id="m", text="Hi")
    assert event.model_dump(by_alias=True)["configurationId"] == "helper"
    assert event.classification == "tokens"


def test_new_server_fields_are_kept() -> None:
    parsed = parse_frame(frame({"type": "conversation_title", "title": "T", "newField": {"x": 1}}))
    assert parsed is not None
    assert parsed.event.model_extra == {"newField": {"x": 1}}


def test_nested_error_keeps_new_fields() -> None:
    parsed = parse_frame(frame({"type": "agent_error", **AGENT, "error": {**ERROR, "retryable": True}}))
    assert parsed is not None
    assert isinstance(parsed.event, AgentErrorEvent)
    assert parsed.event.error.model_extra == {"retryable": True}
    assert parsed.event.error.metadata == {"category": "retryable"}


def test_enums_are_open() -> None:
    tokens = parse_frame(
        frame({"type": "generation_tokens", **AGENT, "text": "x", "classification": "citations"})
    )
    done = parse_frame(
        frame({"type": "agent_message_done", **AGENT, "conversationId": "c", "status": "interrupted"})
    )
    assert tokens is not None
    assert isinstance(tokens.event, GenerationTokensEvent)
    assert tokens.event.classification == "citations"
    assert not tokens.event.is_reply_text
    assert done is not None
    assert isinstance(done.event, AgentMessageDoneEvent)
    assert done.event.status == "interrupted"


def test_generation_tokens_without_classification_is_reply_text() -> None:
    # The shape of Dust's older documentation (seed 002): no classification field.
    parsed = parse_frame(frame({"type": "generation_tokens", **AGENT, "text": "World"}))
    assert parsed is not None
    assert isinstance(parsed.event, GenerationTokensEvent)
    assert parsed.event.is_reply_text
    assert is_reply_text(parsed.event)


def test_unknown_event_type_is_kept_raw() -> None:
    payload = {"type": "butler_thinking", "created": CREATED, "detail": {"a": [1, 2]}}
    parsed = parse_frame(json.dumps({"eventId": "9-0", "data": payload}))
    assert parsed == StreamEvent("9-0", UnknownEvent(type="butler_thinking", raw=payload))
    assert not is_terminal(parsed.event)
    assert not is_reply_text(parsed.event)


def test_unknown_event_type_without_other_fields() -> None:
    parsed = parse_frame('{"eventId": "1", "data": {"type": "x"}}')
    assert parsed is not None
    assert parsed.event == UnknownEvent(type="x", raw={"type": "x"})


@pytest.mark.parametrize("data", ["done", ""])
def test_frames_without_events_give_none(data: str) -> None:
    assert parse_frame(data) is None
    assert parse_app_run_event(data) is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ('{"eventId": "1", "data": {"type": "generation_tokens"', "not valid JSON"),
        ("not json", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ("null", "not a JSON object"),
        ('{"data": {"type": "conversation_title", "created": 1, "title": "T"}}', "eventId"),
        ('{"eventId": 5, "data": {"type": "conversation_title", "created": 1, "title": "T"}}', "eventId"),
        ('{"eventId": "1", "data": "generation_tokens"}', "eventId"),
        ('{"eventId": "1"}', "eventId"),
        ('{"eventId": "1", "data": {"created": 1}}', "no string 'type'"),
        ('{"eventId": "1", "data": {"type": 3}}', "no string 'type'"),
        (
            '{"eventId": "1", "data": {"type": "conversation_title", "created": 1}}',
            "invalid 'conversation_title'",
        ),
        (
            '{"eventId": "1", "data": {"type": "agent_error", "created": 1, "configurationId": "h",'
            ' "messageId": "m", "error": {"code": "x"}}}',
            "error.message",
        ),
    ],
)
def test_malformed_frames_raise_with_the_raw_text(data: str, reason: str) -> None:
    with pytest.raises(DustEventDecodeError) as caught:
        parse_frame(data)
    assert caught.value.raw == data
    assert caught.value.body == data
    assert reason in str(caught.value)
    assert caught.value.__cause__ is None


def test_decode_error_truncates_long_frames_in_its_message() -> None:
    data = '{"eventId": "1", "data": ' + "x" * 10_000
    with pytest.raises(DustEventDecodeError) as caught:
        parse_frame(data)
    assert caught.value.raw == data
    assert len(str(caught.value)) < 500


def test_decode_error_pickles() -> None:
    error = DustEventDecodeError("bad frame", raw="{oops")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is DustEventDecodeError
    assert (str(copy), copy.raw, copy.message) == (str(error), "{oops", error.message)


def test_decode_error_is_an_exception() -> None:
    assert issubclass(DustEventDecodeError, Exception)


def test_parse_event_takes_the_inner_payload() -> None:
    event = parse_event({"type": "conversation_title", "created": 1, "title": "T"})
    assert event == ConversationTitleEvent(created=1, title="T")
    with pytest.raises(DustEventDecodeError) as caught:
        parse_event({"type": "conversation_title"})
    assert json.loads(caught.value.raw) == {"type": "conversation_title"}


@pytest.mark.parametrize(("payload", "model", "expected"), EVENT_CASES, ids=lambda v: "")
def test_is_terminal(payload: dict[str, Any], model: type, expected: dict[str, Any]) -> None:
    parsed = parse_frame(frame(payload))
    assert parsed is not None
    assert is_terminal(parsed.event) == (payload["type"] in TERMINAL_EVENT_TYPES)


def test_terminal_event_types() -> None:
    assert (
        frozenset(
            {
                "agent_error",
                "agent_message_success",
                "agent_generation_cancelled",
                "agent_message_gracefully_stopped",
                "user_message_error",
            }
        )
        == TERMINAL_EVENT_TYPES
    )


@pytest.mark.parametrize(
    ("classification", "reply"),
    [
        ("tokens", True),
        ("chain_of_thought", False),
        ("opening_delimiter", False),
        ("closing_delimiter", False),
    ],
)
def test_reply_text_classification(classification: str, reply: bool) -> None:
    event = GenerationTokensEvent(
        created=1, configuration_id="h", message_id="m", text="x", classification=classification
    )
    assert event.is_reply_text is reply
    assert is_reply_text(event) is reply


def test_is_reply_text_is_false_for_other_events() -> None:
    assert not is_reply_text(
        AgentGenerationSuccessEvent(created=1, configuration_id="h", message_id="m", text="x")
    )


# -- Whole streams from fixtures ----------------------------------------------------------------------------


def read_stream(name: str) -> list[StreamEvent]:
    chunks = [(DATA / name).read_bytes()]
    events = [parse_frame(sse.data) for sse in iter_sse(chunks)]
    return [event for event in events if event is not None]


def test_agent_message_stream_fixture() -> None:
    events = read_stream("agent_message_stream.sse")
    types = [e.event.type for e in events]
    assert types[:4] == ["tool_call_started", "tool_params", "tool_notification", "agent_action_success"]
    assert types[-1] == "agent_message_success"
    assert [is_terminal(e.event) for e in events].count(True) == 1
    reply = "".join(e.event.text for e in events if is_reply_text(e.event))
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert reply == final.message.content == "Dust is a platform for AI agents."
    thoughts = [
        e.event.text
        for e in events
        if isinstance(e.event, GenerationTokensEvent) and not e.event.is_reply_text
    ]
    assert thoughts == ["<thinking>", "Let me search.", "</thinking>"]
    assert len({e.event_id for e in events}) == len(events)


def test_conversation_stream_fixture() -> None:
    events = read_stream("conversation_stream.sse")
    assert [type(e.event) for e in events] == [
        UserMessageNewEvent,
        AgentMessageNewEvent,
        UserMessagePromotedEvent,
        ConversationTitleEvent,
        AgentMessageDoneEvent,
    ]
    new_agent_message = events[1].event
    assert isinstance(new_agent_message, AgentMessageNewEvent)
    assert new_agent_message.message.status == "created"
    assert new_agent_message.message.sId == new_agent_message.message_id


# -- Fast path vs slow path, generated ------------------------------------------------------------------------

_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.text(max_size=8))


@given(
    text=st.text(max_size=20),
    classification=st.one_of(
        st.sampled_from(["tokens", "chain_of_thought", "opening_delimiter"]), st.text(max_size=5)
    ),
    extra=st.dictionaries(st.text(min_size=1, max_size=6), _json_scalars, max_size=3),
    event_id=st.text(max_size=10),
)
@settings(max_examples=200)
def test_fast_path_matches_slow_path_on_generated_frames(
    text: str, classification: str, extra: dict[str, Any], event_id: str
) -> None:
    payload = {**extra, "type": "generation_tokens", "created": CREATED, **AGENT, "text": text}
    payload["classification"] = classification
    data = json.dumps({"eventId": event_id, "data": payload})
    assert parse_frame(data) == _parse_frame_slowly(data)


# -- App runs -------------------------------------------------------------------------------------------------

BLOCK = {"block_type": "llm", "block_name": "MODEL", "input_index": 0, "map": None}
APP_RUN_CASES: list[tuple[dict[str, Any], type]] = [
    ({"type": "error", "content": {"code": "run_error", "message": "Block failed"}}, AppRunErrorEvent),
    ({"type": "run_status", "content": {"status": "running", "run_id": "r_1"}}, AppRunStatusEvent),
    (
        {
            "type": "block_status",
            "content": {
                "block_type": "llm",
                "name": "MODEL",
                "status": "succeeded",
                "success_count": 1,
                "error_count": 0,
            },
        },
        AppRunBlockStatusEvent,
    ),
    (
        {
            "type": "block_execution",
            "content": {
                "block_type": "llm",
                "block_name": "MODEL",
                "execution": [[{"value": {"text": "hi"}, "error": None, "meta": None}]],
            },
        },
        AppRunBlockExecutionEvent,
    ),
    (
        {
            "type": "tokens",
            "content": {**BLOCK, "tokens": {"text": "Hi", "tokens": ["Hi"], "logprobs": [-0.1]}},
        },
        AppRunTokensEvent,
    ),
    (
        {"type": "reasoning_tokens", "content": {**BLOCK, "tokens": {"text": "hmm"}}},
        AppRunReasoningTokensEvent,
    ),
    ({"type": "reasoning_item", "content": {**BLOCK, "item": {"summary": "s"}}}, AppRunReasoningItemEvent),
    (
        {
            "type": "function_call",
            "content": {**BLOCK, "map": {"name": "M", "iteration": 2}, "function_call": {"name": "f"}},
        },
        AppRunFunctionCallEvent,
    ),
    (
        {"type": "function_call_arguments_tokens", "content": {**BLOCK, "tokens": {"text": '{"a"'}}},
        AppRunFunctionCallArgumentsTokensEvent,
    ),
    ({"type": "final"}, AppRunFinalEvent),
]


@pytest.mark.parametrize(("payload", "model"), APP_RUN_CASES, ids=lambda v: "")
def test_parse_each_app_run_event(payload: dict[str, Any], model: type) -> None:
    event = parse_app_run_event(json.dumps(payload))
    assert type(event) is model
    assert event is not None
    assert event.model_dump(exclude_unset=True) == payload


def test_app_run_event_fields() -> None:
    status = parse_app_run_event('{"type": "run_status", "content": {"status": "succeeded", "run_id": "r"}}')
    assert isinstance(status, AppRunStatusEvent)
    assert (status.content.status, status.content.run_id) == ("succeeded", "r")
    tokens = parse_app_run_event(json.dumps(APP_RUN_CASES[4][0]))
    assert isinstance(tokens, AppRunTokensEvent)
    assert tokens.content.tokens.text == "Hi"
    assert tokens.content.map is None
    call = parse_app_run_event(json.dumps(APP_RUN_CASES[7][0]))
    assert isinstance(call, AppRunFunctionCallEvent)
    assert call.content.map is not None
    assert call.content.map.iteration == 2


def test_unknown_app_run_event_is_kept_raw() -> None:
    assert parse_app_run_event('{"type": "usage", "content": {"n": 1}}') == UnknownEvent(
        type="usage", raw={"type": "usage", "content": {"n": 1}}
    )


@pytest.mark.parametrize(
    "data", ["{", "[]", '{"content": {}}', '{"type": "run_status", "content": {"status": "running"}}']
)
def test_malformed_app_run_frames_raise(data: str) -> None:
    with pytest.raises(DustEventDecodeError) as caught:
        parse_app_run_event(data)
    assert caught.value.raw == data
