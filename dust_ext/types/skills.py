"""The objects ``client.skills`` returns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Skill(BaseModel):
    """A custom skill, with Dust's field names; fields Dust adds later are kept (``model_extra``).

    ``status`` is ``"active"``, ``"archived"`` or ``"suggested"`` and ``availability`` is ``"editors"``
    (unpublished), ``"workspace_users"`` or ``"users_and_agents"``; both stay plain strings so that
    values Dust adds still parse."""

    model_config = ConfigDict(extra="allow")

    sId: str
    name: str
    status: str
    id: int | None = None
    availability: str | None = None
    agentFacingDescription: str | None = None
    userFacingDescription: str | None = None
    icon: str | None = None
    instructions: str | None = None
    createdAt: float | None = None
    updatedAt: float | None = None
    requestedSpaceIds: list[str] | None = None
    canWrite: bool | None = None
