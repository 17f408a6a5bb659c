"""The three routes added by the spec-driven recipe (spec + oracle row, emulator route, this test), on the
emulator, sync and async (``dust``): ``triggers.list``, ``workspace.validate_member``,
``data_sources.folders.list``. Their methods, blocking twins, raw twins and models come from
``make generate``."""

from __future__ import annotations

from typing import Any

import pytest
from knowledge_support import SOURCE, SPACE

from dust_ext.exceptions import DustBadRequestError, DustInvalidArgumentError, DustInvalidIdError
from dust_ext.types.data_sources import Folder
from dust_ext.types.folders import FolderPage
from dust_ext.types.triggers import Trigger, TriggerWebhookSource


def test_triggers_list_defaults_to_enabled_ones_of_every_kind(dust: Any) -> None:
    triggers = dust.triggers.list()
    assert all(isinstance(trigger, Trigger) for trigger in triggers)
    assert [(t.sId, t.kind, t.status) for t in triggers] == [
        ("trg_weekly", "schedule", "enabled"),
        ("trg_hook", "webhook", "enabled"),
    ]
    weekly, hook = triggers
    assert weekly.configuration == {"cron": "0 9 * * 1", "timezone": "UTC"}
    assert weekly.webhookSource is None
    assert hook.webhookSource == TriggerWebhookSource(name="whs_emulator", provider="custom")
    assert (hook.agentConfigurationId, hook.customPrompt, hook.executionMode) == ("echo", None, None)


def test_triggers_list_filters_and_pages(dust: Any) -> None:
    assert [t.sId for t in dust.triggers.list(kind="webhook")] == ["trg_hook"]
    assert [t.sId for t in dust.triggers.list(status="disabled")] == ["trg_paused"]
    assert [t.sId for t in dust.triggers.list(status="disabled", agent_configuration_id="echo")] == []
    assert [t.sId for t in dust.triggers.list(limit=1, offset=1)] == ["trg_hook"]
    with pytest.raises(DustInvalidArgumentError) as raised:
        dust.triggers.list(kind="cron")
    assert "'schedule', 'webhook'" in str(raised.value)
    with pytest.raises(DustBadRequestError):
        dust.triggers.list(limit=101)


def test_triggers_list_has_its_raw_twin(dust: Any) -> None:
    raw = dust.triggers.with_raw_response.list(kind="schedule")
    assert raw.status_code == 200
    assert raw.http_response.request.url.params["kind"] == "schedule"
    assert [t.sId for t in raw.parse()] == ["trg_weekly"]


def test_validate_member_answers_for_active_members_only(dust: Any) -> None:
    assert dust.workspace.validate_member("peter@emulator.dust.tt") is True
    assert dust.workspace.validate_member(email="ada@emulator.dust.tt") is True
    assert dust.workspace.validate_member("grace@emulator.dust.tt") is False  # revoked
    assert dust.workspace.validate_member("nobody@example.com") is False
    raw = dust.workspace.with_raw_response.validate_member("ada@emulator.dust.tt")
    assert raw.http_response.request.method == "POST"
    assert raw.http_response.json() == {"valid": True}


def test_folders_list_pages_the_data_sources_folders(dust: Any) -> None:
    empty = dust.data_sources.folders.list(SPACE, SOURCE)
    assert empty == FolderPage(folders=[], total=0)
    for folder_id in ("fld_b", "fld_a", "fld_c"):
        dust.data_sources.folders.upsert(SPACE, SOURCE, folder_id, title=folder_id.upper())
    page = dust.data_sources.folders.list(SPACE, SOURCE, limit=2)
    assert page.total == 3
    assert all(isinstance(folder, Folder) for folder in page.folders)
    assert [(f.folder_id, f.title, f.parents) for f in page.folders] == [
        ("fld_a", "FLD_A", ["fld_a"]),
        ("fld_b", "FLD_B", ["fld_b"]),
    ]
    rest = dust.data_sources.folders.list(SPACE, SOURCE, limit=2, offset=2)
    assert [f.folder_id for f in rest.folders] == ["fld_c"]
    with pytest.raises(DustInvalidIdError) as raised:
        dust.data_sources.folders.list(SPACE, "..")
    assert raised.value.name == "data_source_id"
