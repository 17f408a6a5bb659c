"""``client.skills``: the custom skills of the workspace. ``_async.py`` is generated from openapi/ (make
generate), its blocking twin ``_sync.py`` by make unasync."""

from dust_ext.resources.skills._async import (
    AsyncSkills,
    AsyncSkillsWithRawResponse,
    AsyncSkillsWithStreamingResponse,
)
from dust_ext.resources.skills._sync import Skills, SkillsWithRawResponse, SkillsWithStreamingResponse
from dust_ext.types.skills import Skill

# An alias: inside the resource classes `list` names the method, not the builtin.
SkillList = list[Skill]

__all__ = [
    "AsyncSkills",
    "AsyncSkillsWithRawResponse",
    "AsyncSkillsWithStreamingResponse",
    "Skill",
    "SkillList",
    "Skills",
    "SkillsWithRawResponse",
    "SkillsWithStreamingResponse",
]
