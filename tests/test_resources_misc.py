"""Mentions, webhook triggers and the workspace resource on the emulator, sync and async (``dust``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

import httpx
import pytest

from dust_ext.exceptions import DustBadRequestError, DustNotFoundError, DustUnauthorizedError
from dust_ext.resources.mentions import MentionSuggestion
from dust_ext.resources.workspace import VerifiedDomain
from dust_ext.testing import EmulatorServer


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
    # Dust's path ends with the source's URL secret: .../triggers/hooks/{webhookSourceId}/{secret}.
    assert (
        dust.triggers.send_webhook("whs_emulator", "whsec_emulator", {"event": "deploy", "ok": True}) is True
    )
    with pytest.raises(DustUnauthorizedError) as info:
        dust.triggers.send_webhook("whs_emulator", "whsec_wrong", {"event": "deploy"})
    assert info.value.error_type == "webhook_source_auth_error"
    with pytest.raises(DustNotFoundError):
        dust.triggers.send_webhook("whs_unknown", "whsec_emulator", {})
    with pytest.raises(TypeError, match="JSON object"):
        dust.triggers.send_webhook("whs_emulator", "whsec_emulator", [("event", "deploy")])


def test_a_webhook_payload_is_sent_as_given_nulls_included(dust: Any) -> None:
    raw = dust.triggers.with_raw_response.send_webhook(
        "whs_emulator", "whsec_emulator", {"a": None, "b": [None]}
    )
    assert json.loads(raw.http_response.request.content) == {"a": None, "b": [None]}


def test_a_webhook_needs_no_api_key(fresh_dust_emulator: EmulatorServer) -> None:
    # Outside systems (GitHub, Zapier…) post to the URL without a Dust key; the secret authenticates them.
    server = fresh_dust_emulator
    url = f"{server.base_url}/api/v1/w/{server.workspace_id}/triggers/hooks/whs_emulator/whsec_emulator"
    assert httpx.post(url, json={"event": "push"}).json() == {"success": True}
    assert httpx.post(url, content=b"{}").status_code == 400  # Dust requires application/json
    old_path = f"{server.base_url}/api/v1/w/{server.workspace_id}/triggers/hooks/whs_emulator"
    assert httpx.post(old_path, json={}).status_code == 404


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
