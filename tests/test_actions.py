"""Typed tool actions (dust_ext.actions): Dust's AgentActionPublicType and what a waiting tool asks."""

from __future__ import annotations

from typing import Any

from dust_ext.chat import ChatResponse
from dust_ext.events import AgentActionSuccessEvent, ToolAskUserQuestionEvent, parse_event
from dust_ext.types.actions import AgentAction, ToolQuestion

# The shape of the JS SDK's AgentActionTypeSchema (@dust-tt/client 1.2.8), plus a field it does not know.
ACTION: dict[str, Any] = {
    "id": 42,
    "sId": "act_1",
    "createdAt": 1_700_000_000_000,
    "updatedAt": 1_700_000_000_500,
    "mcpServerId": "msv_search",
    "internalMCPServerName": "search",
    "toolName": "semantic_search",
    "agentMessageId": 7,
    "functionCallName": "search__semantic_search",
    "functionCallId": "call_1",
    "status": "succeeded",
    "params": {"query": "q3 goals"},
    "step": 0,
    "executionDurationMs": 812,
    "citationsAllocated": 3,
    "output": [
        {"type": "text", "text": "first"},
        {"type": "resource", "resource": {}},
        {"type": "text", "text": "second"},
    ],
    "generatedFiles": [
        {"title": "chart", "contentType": "image/png", "fileId": "fil_1", "snippet": "a bar chart"}
    ],
    "displayLabels": {"running": "Searching", "done": "Searched"},
    "brandNewField": {"kept": True},
}


def test_agent_action_success_event_carries_a_typed_action() -> None:
    event = parse_event(
        {
            "type": "agent_action_success",
            "created": 1,
            "configurationId": "dust",
            "messageId": "m1",
            "action": ACTION,
        }
    )
    assert isinstance(event, AgentActionSuccessEvent)
    action = event.action
    assert isinstance(action, AgentAction)
    assert (action.toolName, action.functionCallName, action.functionCallId) == (
        "semantic_search",
        "search__semantic_search",
        "call_1",
    )
    assert action.params == {"query": "q3 goals"}
    assert action.output_text == "first\nsecond"
    assert action.generatedFiles is not None
    assert action.generatedFiles[0].fileId == "fil_1"
    assert action.displayLabels is not None
    assert action.displayLabels.done == "Searched"
    assert action.model_extra == {"brandNewField": {"kept": True}}
    assert action.model_dump(exclude_none=True) == ACTION


def test_an_action_from_an_older_server_with_few_fields_still_parses() -> None:
    action = AgentAction.model_validate({"type": "retrieval_action", "id": 3})
    assert action.toolName is None
    assert action.output_text == ""
    assert action.model_extra == {"type": "retrieval_action"}


def test_tool_question_options_as_objects_or_bare_labels() -> None:
    event = parse_event(
        {
            "type": "tool_ask_user_question",
            "created": 1,
            "configurationId": "dust",
            "messageId": "m1",
            "conversationId": "c1",
            "actionId": "act_2",
            "metadata": {"toolName": "deploy", "mcpServerName": "tools", "pubsubMessageId": "p1"},
            "question": {
                "question": "Where?",
                "options": [{"label": "EU", "description": None}, "US"],
                "multiSelect": True,
            },
        }
    )
    assert isinstance(event, ToolAskUserQuestionEvent)
    assert isinstance(event.question, ToolQuestion)
    assert event.question.labels == ["EU", "US"]
    assert event.question.multiSelect is True
    assert event.metadata is not None
    assert event.metadata.toolName == "deploy"
    assert event.metadata.model_extra == {"pubsubMessageId": "p1"}


def test_chat_response_actions_are_models_and_serialise_back() -> None:
    response = ChatResponse.model_validate(
        {
            "conversation_id": "c1",
            "user_message": {"sId": "u1", "content": "hi"},
            "assistant_message": None,
            "text": "",
            "actions": [ACTION],
        }
    )
    assert isinstance(response.actions[0], AgentAction)
    assert response.model_dump(mode="json", exclude_none=True)["actions"] == [ACTION]
