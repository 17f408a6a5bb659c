"""Property tests of the models: events and conversations survive what a newer Dust server may send.

Dust adds fields, event types, message kinds and enum values over time; an older SDK must keep them rather
than fail. For arbitrary additions these tests check that known events keep their type, keep every extra
field and dump back to the exact wire payload; that unknown event types and message kinds are kept whole;
and that the fast and slow paths of :func:`~dust_ext.events.parse_frame` agree on any JSON whatsoever
(same event, or both a :class:`DustEventDecodeError`). The SSE parser's own properties are in
``test_sse.py``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from test_events import CREATED, EVENT_CASES

from dust_ext.events import (
    _EVENT_MODELS,
    DustEventDecodeError,
    StreamEvent,
    UnknownEvent,
    _parse_frame_slowly,
    parse_app_run_event,
    parse_frame,
)
from dust_ext.types.conversations import AgentMessage, Conversation, UnknownMessage, UserMessage

DOCS = Path(__file__).parent / "data" / "dust_docs"

# Strings that Dust documents as enums but the SDK keeps open, per event type (wire names).
OPEN_ENUM_FIELDS: dict[str, tuple[str, ...]] = {
    "generation_tokens": ("classification",),
    "agent_message_done": ("status",),
    "tool_approve_execution": ("stake",),
    "tool_personal_auth_required": ("stake",),
    "tool_file_auth_required": ("stake",),
    "tool_ask_user_question": ("stake",),
}

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
# Cheaper values for the 10k-example job, where generating examples dominates its run time.
small_json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=4)),
    lambda children: (
        st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2)
    ),
    max_leaves=3,
)


def _names_of(model: type[BaseModel]) -> set[str]:
    """Every key that could populate a field of ``model`` (its name and its wire alias)."""
    names = set(model.model_fields)
    names.update(field.alias for field in model.model_fields.values() if field.alias)
    return names


def extra_fields(
    reserved: set[str], values: st.SearchStrategy[Any] = json_values, max_size: int = 4
) -> st.SearchStrategy[dict[str, Any]]:
    """Fields a future server might add: any name the model does not already use."""
    keys = st.text(min_size=1, max_size=10).filter(lambda key: key not in reserved)
    return st.dictionaries(keys, values, max_size=max_size)


def envelope(payload: Any, event_id: Any = "1695991686152-0") -> str:
    return json.dumps({"eventId": event_id, "data": payload})


def outcome(parse: Any, data: str) -> StreamEvent | type[DustEventDecodeError] | None:
    """What parsing ``data`` gives: the event (or None), or the decode error's type."""
    try:
        result: StreamEvent | None = parse(data)
    except DustEventDecodeError:
        return DustEventDecodeError
    return result


# Built once: constructing strategies inside a draw dominates the cost of generating an example.
_EXTRAS_BY_MODEL = {model: extra_fields(_names_of(model)) for _, model, _ in EVENT_CASES}
_SMALL_EXTRAS_BY_MODEL = {
    model: extra_fields(_names_of(model), small_json_values, 2) for _, model, _ in EVENT_CASES
}
_ENUM_VALUES = st.text(max_size=20)


@st.composite
def known_event_payloads(
    draw: st.DrawFn, small: bool = False
) -> tuple[dict[str, Any], type[BaseModel], dict[str, Any]]:
    """A realistic payload of a known event type, with open enum values varied and extra fields added."""
    base, model, _ = draw(st.sampled_from(EVENT_CASES))
    payload: dict[str, Any] = {"created": CREATED, **copy.deepcopy(base)}
    for name in OPEN_ENUM_FIELDS.get(payload["type"], ()):
        payload[name] = draw(_ENUM_VALUES)
    extras = draw((_SMALL_EXTRAS_BY_MODEL if small else _EXTRAS_BY_MODEL)[model])
    payload = {**extras, **payload}
    return payload, model, extras


def check_known_event(payload: dict[str, Any], model: type[BaseModel], extras: dict[str, Any]) -> None:
    data = envelope(payload)
    parsed = parse_frame(data)
    assert parsed is not None
    event = parsed.event
    assert type(event) is model
    assert isinstance(event, BaseModel)
    assert event.model_extra == extras
    for name in OPEN_ENUM_FIELDS.get(payload["type"], ()):
        assert event.model_dump(by_alias=True)[name] == payload[name]
    assert event.model_dump(mode="json", by_alias=True, exclude_unset=True) == payload
    assert parsed == _parse_frame_slowly(data)


@given(known_event_payloads())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_known_events_keep_extra_fields_and_open_enum_values(
    case: tuple[dict[str, Any], type[BaseModel], dict[str, Any]],
) -> None:
    check_known_event(*case)


unknown_types = st.text(max_size=30).filter(lambda name: name not in _EVENT_MODELS)


@given(event_type=unknown_types, fields=st.dictionaries(st.text(max_size=8), json_values, max_size=5))
@settings(max_examples=300)
def test_unknown_event_types_are_kept_whole(event_type: str, fields: dict[str, Any]) -> None:
    payload = {**fields, "type": event_type}
    data = envelope(payload)
    parsed = parse_frame(data)
    assert parsed is not None
    assert isinstance(parsed.event, UnknownEvent)
    assert parsed.event.type == event_type
    assert parsed.event.raw == payload
    assert parsed == _parse_frame_slowly(data)


@given(event_type=st.text(max_size=30), fields=st.dictionaries(st.text(max_size=8), json_values, max_size=4))
@settings(max_examples=200)
def test_unknown_app_run_event_types_are_kept_whole(event_type: str, fields: dict[str, Any]) -> None:
    payload = {**fields, "type": event_type}
    try:
        event = parse_app_run_event(json.dumps(payload))
    except DustEventDecodeError:
        return  # a known app-run type whose fields do not fit: a typed error is the contract
    assert event is not None
    if isinstance(event, UnknownEvent):
        assert event.raw == payload


# Frames of any shape: valid envelopes of known types with fields replaced by arbitrary values, envelopes
# of the wrong shape, and any JSON value at all.
@st.composite
def arbitrary_frames(draw: st.DrawFn, small: bool = False) -> str:
    values = small_json_values if small else json_values
    kind = draw(st.sampled_from(["mutated", "shape", "any"]))
    if kind == "mutated":
        base, _, _ = draw(st.sampled_from(EVENT_CASES))
        payload: dict[str, Any] = {"created": CREATED, **copy.deepcopy(base)}
        for key in draw(st.lists(st.sampled_from(sorted(payload)), max_size=3)):
            if key != "type":
                payload[key] = draw(values)
        if draw(st.booleans()):
            payload.pop(draw(st.sampled_from(sorted(payload))))
        return envelope(payload, draw(st.one_of(st.just("1-0"), values)))
    if kind == "shape":
        return json.dumps(draw(st.dictionaries(st.sampled_from(["eventId", "data", "x"]), values)))
    return json.dumps(draw(values))


def check_paths_agree(data: str) -> None:
    fast = outcome(parse_frame, data)
    slow = outcome(_parse_frame_slowly, data) if data and data != "done" else None
    assert fast == slow


@given(arbitrary_frames())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_json_frame_parses_the_same_on_both_paths_or_raises_the_typed_error(data: str) -> None:
    check_paths_agree(data)


@pytest.mark.slow
@given(st.one_of(arbitrary_frames(small=True), known_event_payloads(small=True)))
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_event_models_many_examples(case: Any) -> None:
    if isinstance(case, str):
        check_paths_agree(case)
    else:
        check_known_event(*case)


# -- conversations ----------------------------------------------------------------------------------------


def _conversation_doc() -> dict[str, Any]:
    loaded = json.loads((DOCS / "get_conversation_with_retrieval.json").read_text(encoding="utf-8"))
    conversation: dict[str, Any] = loaded["conversation"]
    return conversation


CONVERSATION = _conversation_doc()
KNOWN_MESSAGE_TYPES = {"user_message", "agent_message", "content_fragment"}


@given(
    conversation_extras=extra_fields(_names_of(Conversation)),
    user_extras=extra_fields(_names_of(UserMessage)),
    agent_extras=extra_fields(_names_of(AgentMessage)),
    status=st.text(max_size=15),
    visibility=st.text(max_size=15),
    unknown_type=st.text(max_size=20).filter(lambda name: name not in KNOWN_MESSAGE_TYPES),
    unknown_fields=st.dictionaries(st.text(min_size=1, max_size=8), json_values, max_size=4),
)
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_conversations_keep_new_fields_kinds_and_values(
    conversation_extras: dict[str, Any],
    user_extras: dict[str, Any],
    agent_extras: dict[str, Any],
    status: str,
    visibility: str,
    unknown_type: str,
    unknown_fields: dict[str, Any],
) -> None:
    wire = copy.deepcopy(CONVERSATION)
    wire.update(conversation_extras)
    wire["visibility"] = visibility
    (user,), (agent,) = wire["content"]
    user.update(user_extras)
    agent.update(agent_extras)
    agent["status"] = status
    unknown = {**unknown_fields, "type": unknown_type, "sId": "msg_new_kind"}
    wire["content"].append([unknown])

    conversation = Conversation.model_validate(wire)
    first, second, third = conversation.messages
    assert isinstance(first, UserMessage)
    assert isinstance(second, AgentMessage)
    assert isinstance(third, UnknownMessage)
    assert conversation.visibility == visibility
    assert second.status == status
    assert second.is_done == (status != "created")
    assert conversation.model_extra == conversation_extras
    assert first.model_extra == user_extras
    assert second.model_extra == agent_extras
    assert third.type == unknown_type
    assert conversation.model_dump(mode="json", exclude_unset=True) == wire
