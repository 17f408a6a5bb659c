"""Agent models.

An *agent* (formerly "assistant") is configured in a Dust workspace with instructions, a model and tools.
Its ``sId`` is what a message mentions (``configurationId``) to make it answer. Global agents such as
``dust`` and ``helper`` exist in every workspace.

The fields follow Dust's ``LightAgentConfigurationType`` (``front/types/assistant/agent.ts``), what every
agent of ``GET .../assistant/agent_configurations`` carries. Fields an older Dust did not send parse as
``None`` (or an empty list); fields a newer one adds stay in ``model_extra``.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import Field

from dust_ext.types._base import DustModel

AgentView = Literal["all", "list", "workspace", "published", "global", "favorites"]
"""Which agents ``agents.list(view=...)`` returns."""
AGENT_VIEWS: tuple[str, ...] = get_args(AgentView)


class AgentModel(DustModel):
    """The language model an agent runs on. ``reasoningEffort`` (an open string such as ``medium``) and
    ``responseFormat`` (a structured-output format, as a JSON string) are sent only when the agent sets them."""

    providerId: str | None = None
    modelId: str | None = None
    temperature: float | None = None
    reasoningEffort: str | None = None
    responseFormat: str | None = None


class AgentTag(DustModel):
    """A tag on an agent (Dust's ``TagType``), which Dust's agent gallery groups and filters by.

    ``kind`` is an open string: ``standard``, or ``protected`` (only admins may add or remove it).
    """

    sId: str
    name: str
    kind: str | None = None


class AgentUsage(DustModel):
    """How much an agent was used over the last ``timePeriodSec`` seconds."""

    messageCount: int | None = None
    conversationCount: int | None = None
    userCount: int | None = None
    timePeriodSec: int | None = None


class AgentFeedbacks(DustModel):
    """The thumbs up and thumbs down an agent's messages received."""

    up: int = 0
    down: int = 0


class AgentConfiguration(DustModel):
    """An agent configuration (``GET .../assistant/agent_configurations``).

    ``status`` and ``scope`` are open strings: known statuses are active, archived, draft, pending,
    disabled_by_admin, disabled_missing_datasource, disabled_free_workspace; known scopes are global,
    visible, hidden (and, from older Dust, workspace, published, private).

    Versions: every edit of an agent is a new ``version`` (``id`` is that version's row; global agents have
    ``id`` -1). ``versionCreatedAt`` is when it was saved, an ISO 8601 string (``2026-11-30T10:00:00.000Z``),
    and ``versionAuthorId`` the model id (an integer) of the user who saved it; both are ``None`` on global
    agents.

    Permissions: ``canRead`` and ``canEdit`` are what the caller may do with the agent (with an API key,
    ``canEdit`` follows Dust's edit rules for keys: a builder key, an active non-global agent, its spaces
    readable). ``requestedSpaceIds`` are the spaces whose data the agent's tools use (a caller must be able to
    read them all to use the agent); ``requestedGroupIds`` is the older, group-based form of the same
    requirement (Dust keeps sending it, deprecated: each inner list is an "any of these groups" condition,
    all of which must hold). ``groupIds`` is older still. ``None`` means this Dust did not send the field.

    Optional extras, sent by some views or Dust versions only: ``lastAuthors`` (``withAuthors=true``: the
    names of the last editors), ``usage``, ``feedbacks``, ``visualizationEnabled`` (deprecated, Dust sends
    false), ``reinforcement`` (auto, on or off: whether Dust analyses feedback to suggest instruction changes)
    with ``lastReinforcementAnalysisAt``, and ``omittedThinking``. ``editors`` (Dust's internal routes only)
    stays in ``model_extra``.
    """

    sId: str
    name: str
    description: str = ""
    id: int | None = None
    version: int | None = None
    versionCreatedAt: str | None = None
    versionAuthorId: int | None = None
    instructions: str | None = None
    pictureUrl: str | None = None
    status: str | None = None
    scope: str | None = None
    userFavorite: bool | None = None
    model: AgentModel | None = None
    actions: list[dict[str, Any]] = Field(default_factory=list)
    maxStepsPerRun: int | None = None
    templateId: str | None = None
    tags: list[AgentTag] = Field(default_factory=list)
    canRead: bool | None = None
    canEdit: bool | None = None
    requestedSpaceIds: list[str] | None = None
    requestedGroupIds: list[list[str]] | None = None
    groupIds: list[str] | None = None
    lastAuthors: list[str] | None = None
    usage: AgentUsage | None = None
    feedbacks: AgentFeedbacks | None = None
    visualizationEnabled: bool | None = None
    reinforcement: str | None = None
    lastReinforcementAnalysisAt: str | None = None
    omittedThinking: bool | None = None


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
