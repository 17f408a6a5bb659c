"""The calls of ``client.skills``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Sequence

from dust_api.api.skills import archive_skill, list_skills

from dust_ext._core.call import Call, generated_call, list_of, success_flag
from dust_ext._core.params import given
from dust_ext.types.skills import Skill

# An alias: inside the resource classes `list` names the method, not the builtin.
SkillList = list[Skill]


def list_call(
    workspace_id: str,
    status: str | None,
    availability: Sequence[str] | None,
    bypass_editor_visibility: bool | None,
) -> Call[SkillList]:
    """``GET skills``: the custom skills, filtered by status and availability."""
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
    """``DELETE skills/{skill_id}``: archive the skill."""
    return generated_call(archive_skill, success_flag, w_id=workspace_id, skill_id=skill_id)
