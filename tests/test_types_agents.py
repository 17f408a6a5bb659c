"""dust_ext.types.agents: Dust's light agent configuration parses into typed fields, from today's Dust
(nulls where it sends them) and from an older Dust that did not send them yet."""

from __future__ import annotations

from typing import Any

from dust_ext.types.agents import AgentConfiguration, AgentTag, CreatedAgent, ListAgentsResponse

# An agent as a Dust of early 2024 sent it: no version date or author, no tags, no permissions.
OLDER_DUST: dict[str, Any] = {
    "id": 5,
    "sId": "agt_old",
    "version": 1,
    "name": "old",
    "description": "From before tags and spaces",
    "instructions": None,
    "pictureUrl": "https://dust.tt/static/systemavatar/test_avatar_2.png",
    "status": "active",
    "scope": "workspace",
    "userFavorite": False,
    "model": {"providerId": "openai", "modelId": "gpt-4", "temperature": 0.7},
    "maxStepsPerRun": 3,
    "templateId": None,
}


def test_an_agent_from_an_older_dust_parses_with_the_new_fields_unset() -> None:
    agent = AgentConfiguration.model_validate(OLDER_DUST)
    assert (agent.versionCreatedAt, agent.versionAuthorId) == (None, None)
    assert (agent.canRead, agent.canEdit) == (None, None)  # not known, rather than a guessed False
    assert agent.tags == []
    assert (agent.requestedSpaceIds, agent.requestedGroupIds, agent.groupIds) == (None, None, None)
    assert (agent.usage, agent.feedbacks, agent.reinforcement, agent.omittedThinking) == (
        None,
        None,
        None,
        None,
    )
    assert agent.model_extra == {}


def test_the_fields_dust_may_send_as_null_parse_as_none() -> None:
    agent = AgentConfiguration.model_validate(
        {
            **OLDER_DUST,
            "versionCreatedAt": None,
            "versionAuthorId": None,
            "tags": [],
            "canRead": True,
            "canEdit": False,
            "requestedGroupIds": [],
            "requestedSpaceIds": [],
            "lastReinforcementAnalysisAt": None,
        }
    )
    assert (agent.versionCreatedAt, agent.versionAuthorId, agent.lastReinforcementAnalysisAt) == (
        None,
        None,
        None,
    )
    assert (agent.canRead, agent.canEdit, agent.requestedSpaceIds, agent.requestedGroupIds) == (
        True,
        False,
        [],
        [],
    )
    assert agent.model_extra == {}


def test_the_optional_extras_of_some_views_are_typed() -> None:
    agent = AgentConfiguration.model_validate(
        {
            **OLDER_DUST,
            "usage": {"messageCount": 12, "conversationCount": 4, "userCount": 2, "timePeriodSec": 2592000},
            "feedbacks": {"up": 3, "down": 1},
            "visualizationEnabled": False,
            "groupIds": ["grp_1"],
            "omittedThinking": True,
        }
    )
    assert agent.usage is not None
    assert (agent.usage.messageCount, agent.usage.timePeriodSec) == (12, 2592000)
    assert agent.feedbacks is not None
    assert (agent.feedbacks.up, agent.feedbacks.down) == (3, 1)
    assert (agent.visualizationEnabled, agent.groupIds, agent.omittedThinking) == (False, ["grp_1"], True)
    assert agent.model_extra == {}


def test_a_tag_is_a_typed_object_and_tolerates_a_kind_or_field_added_later() -> None:
    tag = AgentTag.model_validate({"sId": "tag_1", "name": "Sales", "kind": "curated", "color": "blue"})
    assert (tag.sId, tag.name, tag.kind) == ("tag_1", "Sales", "curated")
    assert tag.model_extra == {"color": "blue"}
    older = AgentTag.model_validate({"sId": "tag_2", "name": "Ops", "reserved": False})  # before `kind`
    assert (older.kind, older.model_extra) == (None, {"reserved": False})


def test_unknown_agent_fields_are_still_kept() -> None:
    body = {"agentConfigurations": [{**OLDER_DUST, "addedNextYear": {"x": 1}}]}
    [agent] = ListAgentsResponse.model_validate(body).agentConfigurations
    assert agent.model_extra == {"addedNextYear": {"x": 1}}


def test_a_created_agent_carries_the_same_typed_fields() -> None:
    created = CreatedAgent.model_validate(
        {
            **OLDER_DUST,
            "versionCreatedAt": "2026-11-30T10:00:00.000Z",
            "versionAuthorId": 17,
            "tags": [{"sId": "tag_1", "name": "Sales", "kind": "standard"}],
            "canRead": True,
            "canEdit": True,
            "reinforcement": "auto",
            "skippedActions": [{"name": "Notion", "reason": "not found"}],
        }
    )
    assert (created.versionCreatedAt, created.versionAuthorId, created.canEdit) == (
        "2026-11-30T10:00:00.000Z",
        17,
        True,
    )
    assert [tag.name for tag in created.tags] == ["Sales"]
    assert [action.name for action in created.skippedActions] == ["Notion"]
    assert created.model_extra == {}
