"""``client.skills``: the custom skills of the workspace. The resource is written once (``_async.py``); the
blocking ``Skills`` is generated from it; the pure call builders are in ``calls.py``."""

from dust_ext.resources.skills._async import (
    AsyncSkills,
    AsyncSkillsWithRawResponse,
    AsyncSkillsWithStreamingResponse,
)
from dust_ext.resources.skills._sync import Skills, SkillsWithRawResponse, SkillsWithStreamingResponse
from dust_ext.resources.skills.calls import SkillList, archive_call, list_call
from dust_ext.types.skills import Skill

__all__ = [
    "AsyncSkills",
    "AsyncSkillsWithRawResponse",
    "AsyncSkillsWithStreamingResponse",
    "Skill",
    "SkillList",
    "Skills",
    "SkillsWithRawResponse",
    "SkillsWithStreamingResponse",
    "archive_call",
    "list_call",
]
