"""Events answer to Dust's names on their identity fields, as the models of Dust objects do."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dust_ext.events import parse_frame

WIRE_IDENTITY = {
    "messageId": "message_id",
    "configurationId": "configuration_id",
    "conversationId": "conversation_id",
    "actionId": "action_id",
}

EVENTS: list[dict[str, Any]] = [
    {
        "type": "generation_tokens",
        "created": 1,
        "configurationId": "dust",
        "messageId": "m1",
        "text": "hi",
        "classification": "tokens",
    },
    {
        "type": "user_message_new",
        "created": 1,
        "messageId": "u1",
        "message": {
            "sId": "u1",
            "type": "user_message",
            "content": "hi",
            "visibility": "visible",
            "version": 0,
            "created": 1,
            "user": None,
            "mentions": [],
            "context": {"username": "a", "timezone": "UTC"},
        },
    },
    {
        "type": "agent_message_done",
        "created": 1,
        "configurationId": "dust",
        "messageId": "m1",
        "conversationId": "c1",
        "status": "success",
    },
    {
        "type": "tool_approve_execution",
        "created": 1,
        "configurationId": "dust",
        "messageId": "m1",
        "conversationId": "c1",
        "actionId": "a1",
        "inputs": {},
        "stake": "low",
    },
    {
        "type": "tool_error",
        "created": 1,
        "configurationId": "dust",
        "messageId": "m1",
        "conversationId": "c1",
        "error": {"code": "tool_error", "message": "boom"},
    },
]


@pytest.mark.parametrize("data", EVENTS, ids=[event["type"] for event in EVENTS])
def test_identity_fields_read_by_dusts_names(data: dict[str, Any]) -> None:
    event = parse_frame(json.dumps({"eventId": "1-0", "data": data})).event
    checked = 0
    for wire, attribute in WIRE_IDENTITY.items():
        if wire in data:
            assert getattr(event, wire) == getattr(event, attribute) == data[wire]
            checked += 1
    assert checked >= 1
