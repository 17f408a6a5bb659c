"""Mentions, webhook triggers and the workspace resource on the emulator, sync and async (``dust``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any

import pytest

from dust_ext.exceptions import DustBadRequestError, DustNotFoundError
from dust_ext.resources.mentions import MentionSuggestion
from dust_ext.resources.workspace import VerifiedDomain


def test_parse_mentions(dust: Any) -> None:
    parsed = dust.mentions.parse("Hi @echo and @ada, not @nobody or mail@example.com")
    assert parsed == (
        "Hi :mention[echo]{sId=echo} and :mention_user[Ada Lovelace]{sId=usr_ada}, "
        "not @nobody or mail@example.com"
    )
    assert dust.mentions.parse("") == ""


def test_mention_suggestions(dust: Any) -> None:
    everyone = dust.mentions.suggestions("e")
    assert all(isinstance(s, MentionSuggestion) for s in everyone)
    assert {"agent", "user"} == {s.type for s in everyone}
    agents = dust.mentions.suggestions("ech", select=["agents"])
    assert [(s.id, s.type, s.label) for s in agents] == [("echo", "agent", "echo")]
    people = dust.mentions.suggestions("ada", select=["users"])
    assert [(s.id, s.label) for s in people] == [("usr_ada", "Ada Lovelace")]
    conversation_id = dust.chat.send(agent="echo", text="hi").conversation_id
    in_conversation = dust.mentions.suggestions("ech", conversation_id=conversation_id, select=["agents"])
    assert [s.id for s in in_conversation] == ["echo"]
    with pytest.raises(DustNotFoundError):
        dust.mentions.suggestions("e", conversation_id="nope")


def test_send_webhook(dust: Any) -> None:
    assert dust.triggers.send_webhook("whs_emulator", {"event": "deploy", "ok": True}) is True
    with pytest.raises(DustNotFoundError):
        dust.triggers.send_webhook("whs_unknown", {})


def test_workspace_facts(dust: Any) -> None:
    assert dust.workspace.exists() is True
    assert dust.workspace.verified_domains() == [
        VerifiedDomain(domain="emulator.dust.tt", domainAutoJoinEnabled=False)
    ]
    everyone = dust.workspace.member_emails()
    active = dust.workspace.member_emails(active_only=True)
    assert set(active) < set(everyone)
    assert "grace@emulator.dust.tt" in set(everyone) - set(active)
    assert "emulated_workspace" in dust.workspace.feature_flags()


def test_usage_as_csv_json_and_zip(dust: Any) -> None:
    dust.chat.send(agent="echo", text="count me")
    text = dust.workspace.usage("2025-01", table="assistant_messages", format="csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["assistantId"] for row in rows] == ["echo"]
    data = dust.workspace.usage(dt.date(2025, 1, 1), end=dt.date(2025, 1, 31), mode="range", format="json")
    assert set(data) == {"users", "assistant_messages", "builders", "assistants", "feedback"}
    assert data["assistant_messages"][0]["status"] == "succeeded"
    archive = dust.workspace.usage("2025-01")
    assert isinstance(archive, bytes)
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        assert "users.csv" in bundle.namelist()
    with pytest.raises(DustBadRequestError):
        dust.workspace.usage("January", mode="month")
    with pytest.raises(DustBadRequestError):
        dust.workspace.usage("2025-02-01", end="2025-01-01", mode="range")


def test_project_space_helpers(dust: Any) -> None:
    assert dust.workspace.space_conversations("vlt_global", updated_since=0) == []
    assert dust.workspace.space_conversation_ids("vlt_global") == []
    assert dust.workspace.project_metadata("vlt_global") is None
    assert dust.workspace.project_files("vlt_global") == []
    with pytest.raises(DustNotFoundError):
        dust.workspace.project_files("vlt_nope")
