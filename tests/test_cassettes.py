"""Recorded HTTP exchanges (vcrpy cassettes) replayed through DustClient, with no server at all.

CI replays only: ``record_mode="none"`` makes any request without a recording fail the test. ``make record``
re-records (``DUST_RECORD=1``): against real Dust when ``DUST_API_KEY`` and ``DUST_WORKSPACE_ID`` are set,
else against a local emulator. Recordings never hold a secret: the Authorization header is filtered, and the
workspace id in paths is replaced by ``recorded-workspace`` both when recording and when matching.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import vcr
from sdk_support import NO_WAIT

from dust_ext import DustClient, DustConfig
from dust_ext.testing import EmulatorServer

CASSETTES = Path(__file__).parent / "cassettes"
RECORDED_WORKSPACE = "recorded-workspace"
RECORDING = os.environ.get("DUST_RECORD") == "1"
REPLAY_BASE_URL = "http://127.0.0.1:9"  # never contacted: vcrpy answers every request

pytestmark = pytest.mark.cassette


def _anonymise(request: Any) -> Any:
    request.uri = re.sub(r"/api/v1/w/[^/]+/", f"/api/v1/w/{RECORDED_WORKSPACE}/", request.uri)
    return request


def _drop_response_cookies(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() != "set-cookie"}
    return response


recorder = vcr.VCR(
    cassette_library_dir=str(CASSETTES),
    record_mode="all" if RECORDING else "none",
    match_on=["method", "path", "query", "body"],
    filter_headers=["authorization", "cookie"],
    before_record_request=_anonymise,
    before_record_response=_drop_response_cookies,
    decode_compressed_response=True,
)


@pytest.fixture
def recorded_client() -> Iterator[DustClient]:
    """Replay: a client on a dead address (vcrpy answers). Record: real Dust if configured, else an emulator."""
    if not RECORDING:
        config = DustConfig(
            workspace_id=RECORDED_WORKSPACE, api_key="sk-replay-only", base_url=REPLAY_BASE_URL
        )
        with DustClient(config, retry_policy=NO_WAIT) as client:
            yield client
        return
    if os.environ.get("DUST_API_KEY"):
        with DustClient(DustConfig.from_env()) as client:
            yield client
        return
    with EmulatorServer() as server:
        config = DustConfig(
            workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url
        )
        with DustClient(config, retry_policy=NO_WAIT) as client:
            yield client


def test_agents_replay(recorded_client: DustClient) -> None:
    with recorder.use_cassette("agents.yaml"):
        agents = recorded_client.agents.list(view="global")
        dust_agent = recorded_client.agents.get("dust")
    assert "dust" in {agent.sId for agent in agents}
    assert dust_agent.sId == "dust"
    assert dust_agent.name


def test_blocking_conversation_replay(recorded_client: DustClient) -> None:
    with recorder.use_cassette("blocking_conversation.yaml"):
        conversation = recorded_client.conversations.create(title="Recorded conversation")
        result = recorded_client.conversations.create_message(
            conversation.sId,
            "Hello from a cassette",
            mentions=["dust"],
            context={"username": "recorder", "timezone": "Europe/Paris"},
            blocking=True,
        )
        fetched = recorded_client.conversations.get(conversation.sId)
    assert result.content == "Hello from a cassette"
    (reply,) = result.agent_messages
    assert reply.status == "succeeded"
    assert reply.content
    assert [m.type for m in fetched.messages] == ["user_message", "agent_message"]


def test_not_found_replay(recorded_client: DustClient) -> None:
    from dust_ext import DustNotFoundError

    with recorder.use_cassette("not_found.yaml"), pytest.raises(DustNotFoundError) as info:
        recorded_client.conversations.get("conversation-that-does-not-exist")
    assert info.value.error_type == "conversation_not_found"


def test_a_request_without_recording_fails_in_replay(recorded_client: DustClient) -> None:
    if RECORDING:
        pytest.skip("only meaningful when replaying")
    with (
        recorder.use_cassette("agents.yaml"),
        pytest.raises(vcr.errors.CannotOverwriteExistingCassetteException),
    ):
        recorded_client.agents.search(q="never recorded")


def test_cassettes_hold_no_credentials() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert files, "cassettes are missing: run `make record`"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "sk-" not in text, path
        assert "Bearer" not in text, path
        assert "authorization" not in text.lower(), path
