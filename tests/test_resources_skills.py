"""``client.skills`` on the emulator, sync and async (``dust``): list with Dust's filters, archive."""

from __future__ import annotations

from typing import Any

import pytest

from dust_ext.exceptions import DustBadRequestError, DustNotFoundError
from dust_ext.resources.skills import Skill


def test_list_skills_defaults_to_active_published_ones(dust: Any) -> None:
    skills = dust.skills.list()
    assert all(isinstance(skill, Skill) for skill in skills)
    assert [(s.sId, s.status, s.availability) for s in skills] == [
        ("skl_summarize", "active", "workspace_users"),
        ("skl_translate", "active", "users_and_agents"),
    ]
    # Fields the model does not name are kept as Dust sent them.
    assert skills[0].model_extra is not None
    assert skills[0].model_extra["reinforcement"] == "auto"


def test_list_skills_filters(dust: Any) -> None:
    assert [s.sId for s in dust.skills.list(status="archived")] == ["skl_legacy"]
    assert [s.sId for s in dust.skills.list(availability=["users_and_agents"])] == ["skl_translate"]
    unpublished = dust.skills.list(availability=["editors"], bypass_editor_visibility=True)
    assert [s.sId for s in unpublished] == ["skl_draft"]
    assert dust.skills.list(availability=["editors"]) == []
    with pytest.raises(DustBadRequestError):
        dust.skills.list(status="deleted")
    with pytest.raises(DustBadRequestError):
        dust.skills.list(availability=["everyone"])
    with pytest.raises(TypeError):
        dust.skills.list(availability="editors")


def test_archive_skill(dust: Any) -> None:
    assert dust.skills.archive("skl_summarize") is True
    assert [s.sId for s in dust.skills.list()] == ["skl_translate"]
    assert [s.sId for s in dust.skills.list(status="archived")] == ["skl_summarize", "skl_legacy"]
    with pytest.raises(DustNotFoundError) as info:
        dust.skills.archive("skl_unknown")
    assert info.value.error_type == "skill_not_found"
