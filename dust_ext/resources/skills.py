"""``client.skills``: the custom skills of the workspace.

A *skill* is a reusable set of instructions (and tools) that agents can load. :meth:`Skills.list` reads
the workspace's custom skills (Dust's ``GET /skills``); :meth:`Skills.archive` soft-archives one.
Unpublished skills (availability ``"editors"``) are only listed with ``bypass_editor_visibility=True``,
which Dust allows for admin keys only.
"""

from __future__ import annotations

from collections.abc import Sequence

from dust_api.api.skills import archive_skill, list_skills
from pydantic import BaseModel, ConfigDict

from dust_ext._core.params import given
from dust_ext._http import RequestOptions
from dust_ext.resources._base import AsyncResource, Call, Resource, generated_call, list_of, success_flag


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


SkillList = list[Skill]


def list_call(
    workspace_id: str,
    status: str | None,
    availability: Sequence[str] | None,
    bypass_editor_visibility: bool | None,
) -> Call[SkillList]:
    if isinstance(availability, str):
        raise TypeError("availability is a sequence of values, e.g. ['workspace_users']")
    return generated_call(
        list_skills,
        list_of(Skill, "skills"),
        w_id=workspace_id,
        status=given(status),
        availability=given(list(availability) if availability else None),
        bypass_editor_visibility=given(bypass_editor_visibility),
    )


def archive_call(workspace_id: str, skill_id: str) -> Call[bool]:
    return generated_call(archive_skill, success_flag, w_id=workspace_id, skill_id=skill_id)


class Skills(Resource):
    """Custom skills (sync)."""

    def list(
        self,
        *,
        status: str | None = None,
        availability: Sequence[str] | None = None,
        bypass_editor_visibility: bool | None = None,
        options: RequestOptions | None = None,
    ) -> SkillList:
        """The custom skills: active ones unless ``status`` (``"archived"``, ``"suggested"``) says
        otherwise; ``availability`` keeps only those values."""
        call = list_call(self._workspace_id, status, availability, bypass_editor_visibility)
        return self._run(call.with_options(options))

    def archive(self, skill_id: str, *, options: RequestOptions | None = None) -> bool:
        """Archive the skill ``skill_id`` (its sId); True when Dust confirms."""
        return self._run(archive_call(self._workspace_id, skill_id).with_options(options))


class AsyncSkills(AsyncResource):
    """Custom skills (asyncio); see :class:`Skills`."""

    async def list(
        self,
        *,
        status: str | None = None,
        availability: Sequence[str] | None = None,
        bypass_editor_visibility: bool | None = None,
        options: RequestOptions | None = None,
    ) -> SkillList:
        """See :meth:`Skills.list`."""
        call = list_call(self._workspace_id, status, availability, bypass_editor_visibility)
        return await self._run(call.with_options(options))

    async def archive(self, skill_id: str, *, options: RequestOptions | None = None) -> bool:
        """See :meth:`Skills.archive`."""
        return await self._run(archive_call(self._workspace_id, skill_id).with_options(options))
