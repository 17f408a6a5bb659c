"""parse_frame's one-pass validator (frame text -> StreamEvent) against the paths it replaces.

parse_frame validates a frame's JSON text straight into a StreamEvent with one pydantic-core validator.
These tests prove the events it builds are the objects the per-model validation builds, down to what a
user can observe: field values, which fields were set (``model_dump(exclude_unset=True)``), extra fields
(``model_extra``), repr, nested models; and that whatever it rejects falls back to the explicit slow path
and raises the same typed error. Payloads: the recorded streams in tests/data/events, the hand-written
event cases, Dust-shaped variations, and the payloads the JS SDK's schemas allow (the oracle's).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from pydantic import BaseModel
from test_events import AGENT, CREATED, EVENT_CASES
from test_oracle_models import STREAM_EVENTS, VARIANTS, payload

from dust_ext._core.sse import SSEDecoder
from dust_ext.events import (
    _EVENT_MODELS,
    DustEvent,
    DustEventDecodeError,
    GenerationTokensEvent,
    StreamEvent,
    UnknownEvent,
    _parse_frame_slowly,
    parse_frame,
)

DATA = Path(__file__).parent / "data" / "events"


def observable(value: Any) -> Any:
    """Everything a user can observe of a parsed value, as plain data (models compared field by field)."""
    if isinstance(value, BaseModel):
        return (
            type(value),
            repr(value),
            {name: observable(item) for name, item in value.__dict__.items()},
            sorted(value.model_fields_set),
            observable(value.model_extra),
            value.__pydantic_private__,
            value.model_dump(by_alias=True, exclude_unset=True),
        )
    if isinstance(value, StreamEvent):
        return (StreamEvent, value.event_id, observable(value.event))
    if isinstance(value, dict):
        return (dict, [(key, observable(item)) for key, item in value.items()])
    if isinstance(value, list):
        return (list, [observable(item) for item in value])
    return (type(value), value)


def per_model_reference(data: str) -> StreamEvent:
    """What the validation of the frame's event by its own model gives (JSON mode, as parse_frame)."""
    envelope = json.loads(data)
    event_data = envelope["data"]
    model = _EVENT_MODELS[event_data["type"]]
    event = cast("DustEvent", model.model_validate_json(json.dumps(event_data)))
    return StreamEvent(envelope["eventId"], event)


def assert_same_event(data: str) -> StreamEvent:
    parsed = parse_frame(data)
    assert parsed is not None
    assert type(parsed) is StreamEvent
    assert observable(parsed) == observable(_parse_frame_slowly(data))
    if not isinstance(parsed.event, UnknownEvent):
        assert observable(parsed) == observable(per_model_reference(data))
    return parsed


def recorded_frames() -> list[str]:
    frames: list[str] = []
    for path in sorted(DATA.glob("*.sse")):
        decoder = SSEDecoder()
        events = decoder.feed(path.read_bytes()) + decoder.flush()
        frames.extend(sse.data for sse in events if sse.event == "message" and sse.data != "done")
    return frames


@pytest.mark.parametrize("data", recorded_frames())
def test_recorded_stream_frames_parse_to_the_same_objects(data: str) -> None:
    assert_same_event(data)


@pytest.mark.parametrize(("event_payload", "model", "expected"), EVENT_CASES, ids=lambda v: "")
def test_event_cases_parse_to_the_same_objects(
    event_payload: dict[str, Any], model: type, expected: dict[str, Any]
) -> None:
    parsed = assert_same_event(json.dumps({"eventId": "1-0", "data": {"created": CREATED, **event_payload}}))
    assert type(parsed.event) is model


@pytest.mark.parametrize("name", sorted(STREAM_EVENTS))
@pytest.mark.parametrize("variant", VARIANTS)
def test_js_schema_payloads_parse_to_the_same_objects(name: str, variant: str) -> None:
    data = payload(STREAM_EVENTS[name], variant)
    assert_same_event(json.dumps({"eventId": "1700000000000-0", "data": data}))


TOKENS = {"type": "generation_tokens", "created": CREATED, **AGENT, "text": "Hi"}


@pytest.mark.parametrize(
    "event_payload",
    [
        TOKENS,
        {**TOKENS, "classification": "chain_of_thought", "step": 2},
        {**TOKENS, "classification": "opening_delimiter", "delimiterClassification": "chain_of_thought"},
        {**TOKENS, "delimiterClassification": None, "step": None},
        # Extra fields land in model_extra, in their order, with their JSON types.
        {**TOKENS, "zeta": [1, {"a": None}], "alpha": 1.5, "big": 2**70, "flag": True},
        {"extraFirst": "x", **TOKENS},
        # populate_by_name: snake_case names are the fields too, alone or next to the camelCase alias.
        {**{k: v for k, v in TOKENS.items() if k != "messageId"}, "message_id": "m-snake"},
        {**TOKENS, "message_id": "m-both"},
        {**TOKENS, "delimiter_classification": "x"},
        # Lax JSON values the model accepts: an integral float for an int, a numeric string.
        {**TOKENS, "created": 1695991686151.0},
        {**TOKENS, "created": "1695991686151"},
        {**TOKENS, "step": 3.0},
        # Non-ASCII text and escapes.
        {**TOKENS, "text": 'héllo \u2028 "quoted" \\ \n 🎉'},
    ],
    ids=lambda v: "",
)
def test_generation_tokens_variations_parse_to_the_same_objects(event_payload: dict[str, Any]) -> None:
    parsed = assert_same_event(json.dumps({"eventId": "1695991686152-0", "data": event_payload}))
    assert isinstance(parsed.event, GenerationTokensEvent)


def test_extra_fields_are_in_model_extra_and_in_the_set_fields() -> None:
    data = json.dumps({"eventId": "1-0", "data": {**TOKENS, "zeta": [1], "newField": {"a": 1}}})
    parsed = assert_same_event(data)
    assert parsed.event.model_extra == {"zeta": [1], "newField": {"a": 1}}
    assert {"zeta", "newField"} <= parsed.event.model_fields_set


def test_other_envelope_keys_are_ignored_on_both_paths() -> None:
    data = json.dumps({"eventId": "1-0", "data": TOKENS, "extra": 1, "event_id": "other"})
    assert assert_same_event(data).event_id == "1-0"


@pytest.mark.parametrize(
    "data",
    [
        "{not json",
        "[]",
        '"text"',
        json.dumps({"data": TOKENS}),
        json.dumps({"eventId": 5, "data": TOKENS}),
        json.dumps({"eventId": "1-0", "data": []}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "text": 5}}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "created": "yesterday"}}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "created": 1.5}}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "step": "two"}}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "classification": None}}),
        json.dumps({"eventId": "1-0", "data": {k: v for k, v in TOKENS.items() if k != "messageId"}}),
        json.dumps({"eventId": "1-0", "data": {**TOKENS, "type": 7}}),
        json.dumps({"eventId": "1-0", "data": {k: v for k, v in TOKENS.items() if k != "type"}}),
    ],
    ids=lambda v: "",
)
def test_frames_the_validator_rejects_raise_the_slow_paths_typed_error(data: str) -> None:
    with pytest.raises(DustEventDecodeError) as fast:
        parse_frame(data)
    with pytest.raises(DustEventDecodeError) as slow:
        _parse_frame_slowly(data)
    assert str(fast.value) == str(slow.value)
    assert fast.value.raw == data


def test_unknown_event_types_fall_back_to_unknown_event() -> None:
    data = json.dumps({"eventId": "1-0", "data": {"type": "generation_tokens_v2", "text": "x"}})
    parsed = assert_same_event(data)
    assert parsed.event == UnknownEvent(
        type="generation_tokens_v2", raw={"type": "generation_tokens_v2", "text": "x"}
    )


def test_stream_event_built_by_the_validator_is_a_plain_frozen_stream_event() -> None:
    parsed = parse_frame(json.dumps({"eventId": "1-0", "data": TOKENS}))
    assert parsed is not None
    assert parsed == StreamEvent("1-0", GenerationTokensEvent.model_validate(TOKENS))
    assert hash(parsed.event_id) == hash("1-0")
    with pytest.raises(AttributeError):
        parsed.event_id = "2-0"  # type: ignore[misc]  # frozen: the assignment is what is tested


def test_frame_values_stay_out_of_pydantics_process_wide_string_cache() -> None:
    # pydantic-core caches short JSON strings process-wide (16,384 of them) and hands the cached object back
    # on a repeat. Event ids and token texts are unique per frame, so caching them would only keep dead
    # strings alive after a long reply; parse_frame caches keys only. Two frames with the same values must
    # therefore give equal but distinct strings.
    tokens = {
        "type": "generation_tokens",
        "created": CREATED,
        **AGENT,
        "text": "hi",
        "classification": "tokens",
    }
    frame = json.dumps({"eventId": "1712-0", "data": tokens})
    first, second = parse_frame(frame), parse_frame(frame)
    assert first is not None
    assert second is not None
    assert isinstance(first.event, GenerationTokensEvent)
    assert isinstance(second.event, GenerationTokensEvent)
    assert first.event_id == second.event_id
    assert first.event_id is not second.event_id
    assert first.event.text == second.event.text
    assert first.event.text is not second.event.text
