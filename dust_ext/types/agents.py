"""Agent models.

An *agent* (formerly "assistant") is configured in a Dust workspace with instructions, a model and tools.
Its ``sId`` is what a message mentions (``configurationId``) to make it answer. Global agents such as
``dust`` and ``helper`` exist in every workspace.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dust_ext.types._base import DustModel


class AgentModel(DustModel):
    """The language model an agent runs on."""

    providerId: str | None = None
    modelId: str | None = None
    temperature: float | None = None


class AgentConfiguration(DustModel):
    """An agent configuration (``GET .../assistant/agent_configurations``).

    ``status`` and ``scope`` are open strings: known statuses are active, archived, draft,
    disabled_by_admin, …; known scopes are global, workspace, published, private, hidden, visible.
    """

    sId: str
    name: str
    description: str = ""
    id: int | None = None
    version: int | None = None
    instructions: str | None = None
    pictureUrl: str | None = None
    status: str | None = None
    scope: str | None = None
    userFavorite: bool | None = None
    model: AgentModel | None = None
    actions: list[dict[str, Any]] = Field(default_factory=list)
    maxStepsPerRun: int | None = None
    templateId: str | None = None
    lastAuthors: list[str] | None = None


class ListAgentsResponse(DustModel):
    """The envelope of the agents list: ``{"agentConfigurations": [...]}``."""

    agentConfigurations: list[AgentConfiguration]


class SkippedAction(DustModel):
    """A toolset entry Dust could not attach to an agent (e.g. no MCP server of that name), and why."""

    name: str | None = None
    reason: str | None = None


class CreatedAgent(AgentConfiguration):
    """An agent created by ``agents.create``: the configuration, plus ``skippedActions``, the toolset entries
    Dust could not attach (the agent exists without them)."""

    skippedActions: list[SkippedAction] = Field(default_factory=list)
