"""Agent models.

An *agent* (formerly "assistant") is configured in a Dust workspace with instructions, a model and tools.
Its ``sId`` is what a message mentions (``configurationId``) to make it answer. Global agents such as
``dust`` and ``helper`` exist in every workspace.

The fields follow Dust's ``LightAgentConfigurationType`` (``front/types/assistant/agent.ts``), what every
agent of ``GET .../assistant/agent_configurations`` carries.
"""

from __future__ import annotations

from typing import get_args

from pydantic import Field

from dust_ext.types._spec_agents import (
    AgentConfiguration,
    AgentFeedbacks,
    AgentModel,
    AgentTag,
    AgentUsage,
    AgentView,
    ListAgentsResponse,
    SkippedAction,
)

__all__ = [
    "AGENT_VIEWS",
    "AgentConfiguration",
    "AgentFeedbacks",
    "AgentModel",
    "AgentTag",
    "AgentUsage",
    "AgentView",
    "CreatedAgent",
    "ListAgentsResponse",
    "SkippedAction",
]

AGENT_VIEWS: tuple[str, ...] = get_args(AgentView)


class CreatedAgent(AgentConfiguration):
    """An agent created by ``agents.create``: the configuration, plus ``skippedActions``, the toolset entries
    Dust could not attach (the agent exists without them)."""

    skippedActions: list[SkippedAction] = Field(default_factory=list)
