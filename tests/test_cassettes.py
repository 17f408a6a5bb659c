"""Recorded Dust traffic replayed through the SDK with no server and no key: one cassette (or more) per API
area, made with ``dust_ext.testing.recording`` through pytest-recording, as a user of the SDK would.

``make test`` replays (pytest-recording's default record mode, ``none``): a request that was not recorded
fails the test. ``make record`` re-records every cassette (``--record-mode=rewrite``) from a local emulator,
or from real Dust when ``DUST_API_KEY`` and ``DUST_WORKSPACE_ID`` are set (then only the tests that do not
rely on the emulator's scripted agents and seeded data). The assertions hold both while recording and while
replaying, so a replay yields what the live run yielded. After each test, every recorded interaction of its
cassette must have been played, and ``test_every_cassette_is_clean_and_used`` checks every file.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import vcr
import yaml
from sdk_support import NO_WAIT

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustNotFoundError
from dust_ext._streaming import StreamPolicy
from dust_ext.events import (
    AgentActionSuccessEvent,
    AgentMessageSuccessEvent,
    GenerationTokensEvent,
    ToolApproveExecutionEvent,
)
from dust_ext.mcp import ToolCall, ToolServerProtocol
from dust_ext.resources.mcp import as_tools
from dust_ext.resources.tools import PendingToolAction
from dust_ext.testing import DEFAULT_API_KEY, DEFAULT_WORKSPACE_ID, EmulatorServer
from dust_ext.testing._data_state import ECHO_APP_HASH
from dust_ext.testing.pytest_plugin import DustRecording
from dust_ext.testing.recording import PLACEHOLDER_WORKSPACE_ID, REPLAY_ENVIRONMENT, dust_cassette

CASSETTES = Path(__file__).parent / "cassettes"
SPACE, SOURCE = "vlt_global", "dts_knowledge"
APP_CONFIG = {"MODEL": {"provider_id": "openai", "model_id": "gpt-4o", "use_cache": True}}
FAST = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0)

pytestmark = [pytest.mark.cassette, pytest.mark.block_network]
recorded = pytest.mark.vcr
# Needs the emulator's scripted agents or seeded data: not re-recorded from real Dust.
scripted = pytest.mark.emulator_scripted


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(autouse=True)
def _every_interaction_replays(
    request: pytest.FixtureRequest, dust_recording: DustRecording
) -> Iterator[None]:
    if request.node.get_closest_marker("vcr") is None:
        yield
        return
    cassette = request.getfixturevalue("vcr")
    yield
    if dust_recording.replaying:
        assert cassette.all_played, f"{cassette._path}: {cassette.play_count}/{len(cassette)} played"


@pytest.fixture
def dust_config(dust_recording: DustRecording, monkeypatch: pytest.MonkeyPatch) -> Iterator[DustConfig]:
    """Replaying: the placeholder environment. Recording: real Dust if configured, else an emulator (whose
    workspace id and key the cassette must not keep either)."""
    people = {"default_username": "recorder", "default_timezone": "Europe/Paris", "timeout": 30.0}
    if dust_recording.replaying or os.environ.get("DUST_API_KEY"):
        yield DustConfig.from_env(**people)
        return
    with EmulatorServer() as server:
        monkeypatch.setenv("DUST_WORKSPACE_ID", server.workspace_id)
        monkeypatch.setenv("DUST_API_KEY", server.api_key)
        yield DustConfig(
            workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url, **people
        )


@pytest.fixture
def dust(dust_config: DustConfig) -> Iterator[DustClient]:
    with DustClient(dust_config, retry_policy=NO_WAIT, stream_policy=FAST, sleep=lambda _: None) as client:
        yield client


@pytest.fixture
async def adust(dust_config: DustConfig) -> AsyncIterator[AsyncDustClient]:
    async def no_wait(_: float) -> None:
        return None

    async with AsyncDustClient(
        dust_config, retry_policy=NO_WAIT, stream_policy=FAST, sleep=no_wait
    ) as client:
        yield client


# --- agents and conversations ----------------------------------------------------------------------------


@recorded
def test_agents(dust: DustClient) -> None:
    agents = dust.agents.list(view="global")
    assert "dust" in {agent.sId for agent in agents}
    agent = dust.agents.get("dust")
    assert (agent.sId, bool(agent.name)) == ("dust", True)


@recorded
@scripted
def test_conversations(dust: DustClient) -> None:
    conversation = dust.conversations.create(title="Recorded conversation")
    result = dust.conversations.create_message(
        conversation.sId, "Hello from a cassette", mentions=["dust"], blocking=True
    )
    (reply,) = result.agent_messages
    assert reply.status == "succeeded"
    assert 'You wrote: "Hello from a cassette"' in reply.content
    dust.conversations.create_content_fragment(conversation.sId, title="notes.txt", content="remember")
    fetched = dust.conversations.get(conversation.sId)
    assert [m.type for m in fetched.messages] == ["user_message", "agent_message", "content_fragment"]
    with pytest.raises(DustNotFoundError) as info:
        dust.conversations.get("conversation-that-does-not-exist")
    assert info.value.error_type == "conversation_not_found"


# --- chat streams ----------------------------------------------------------------------------------------


@recorded
@scripted
def test_chat_stream(dust: DustClient) -> None:
    with dust.chat.stream(agent="streamer", text="tokens=6") as stream:
        pieces = list(stream.text_stream)
        response = stream.until_done()
    assert "".join(pieces) == " ".join(f"token-{n}" for n in range(1, 7))
    assert response.text == "".join(pieces)
    assert response.assistant_message is not None
    assert response.assistant_message.status == "succeeded"


@recorded
@scripted
def test_chat_stream_with_tool_approval(dust: DustClient) -> None:
    """The agent waits for an approval mid-stream: the recording ends the stream there, the SDK resumes after
    the approval with ``lastEventId``, and the replay yields the same typed events in the same order."""
    types: list[str] = []
    with dust.chat.stream(agent="approver", text="drop the cache") as stream:
        for event in stream:
            types.append(event.type if not isinstance(event, PendingToolAction) else "pending")
            if isinstance(event, PendingToolAction):
                assert isinstance(event.event, ToolApproveExecutionEvent)
                assert event.inputs == {"target": "drop the cache"}
                assert event.approve() is True
        response = stream.until_done()
    assert "approved and ran successfully" in response.text
    # The stream before the approval, then its continuation after lastEventId: nothing lost or repeated.
    assert types[:4] == ["tool_params", "pending", "tool_call_started", "agent_action_success"]
    assert set(types[4:-1]) == {"generation_tokens"}
    assert types[-1] == "agent_message_success"
    assert any(isinstance(action, PendingToolAction) for action in stream.tool_actions)


@recorded
@scripted
async def test_async_chat_stream_with_a_tool_call(adust: AsyncDustClient) -> None:
    events: list[Any] = []
    async with adust.chat.stream(agent="researcher", text="roadmap") as stream:
        async for event in stream:
            events.append(event)
    response = await stream.until_done()
    assert any(isinstance(event, AgentActionSuccessEvent) for event in events)
    tokens = "".join(
        e.text for e in events if isinstance(e, GenerationTokensEvent) and e.classification == "tokens"
    )
    assert tokens == response.text
    assert response.text


# --- knowledge: data sources, documents, tables, search, files --------------------------------------------


@recorded
@scripted
def test_data_sources_documents_tables(dust: DustClient) -> None:
    assert SOURCE in {source.sId for source in dust.data_sources.list(SPACE)}
    documents = dust.data_sources.documents
    stored = documents.upsert(
        SPACE, SOURCE, "handbook", text="Vacation policy: 25 days a year.", title="Handbook"
    )
    assert stored.document_id == "handbook"
    assert documents.get(SPACE, SOURCE, "handbook").title == "Handbook"
    tables = dust.data_sources.tables
    table = tables.upsert(SPACE, SOURCE, name="employees", description="Who works here", table_id="tbl_emp")
    assert table.table_id == "tbl_emp"
    assert "tbl_emp" in {t.table_id for t in tables.list(SPACE, SOURCE)}
    assert documents.delete(SPACE, SOURCE, "handbook") is True
    with pytest.raises(DustNotFoundError):
        documents.get(SPACE, SOURCE, "handbook")


@recorded
@scripted
def test_search(dust: DustClient) -> None:
    for index in range(3):
        dust.data_sources.documents.upsert(
            SPACE, SOURCE, f"plan-{index}", text="...", title=f"Roadmap plan {index}"
        )
    page = dust.search.nodes("roadmap plan", limit=2)
    assert [node.internalId for node in page.nodes] == ["plan-0", "plan-1"]
    events = list(dust.search.stream_nodes("roadmap plan"))
    assert [event.type for event in events] == ["knowledge_results"]
    assert [node.internalId for event in events for node in event.nodes] == ["plan-0", "plan-1", "plan-2"]


@recorded
@scripted
def test_files(dust: DustClient, tmp_path: Path) -> None:
    """A multipart upload: its random boundary is normalised, so the replay matches the recording."""
    path = tmp_path / "notes.md"
    path.write_text("# Notes\nRemember the milk.\n")
    uploaded = dust.files.upload(path)
    assert (uploaded.fileName, uploaded.status) == ("notes.md", "ready")
    assert dust.files.download(uploaded.sId) == path.read_bytes()
    assert dust.files.delete(uploaded.sId) is True


# --- apps and MCP ----------------------------------------------------------------------------------------


@recorded
@scripted
def test_apps(dust: DustClient) -> None:
    assert [app.sId for app in dust.apps.list(SPACE)] == ["app_echo"]
    inputs = [{"question": "one"}]
    run = dust.apps.run(SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=APP_CONFIG, inputs=inputs)
    assert run.finished
    events = list(
        dust.apps.stream_run(
            SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=APP_CONFIG, inputs=inputs
        )
    )
    assert (events[0].type, events[-1].type) == ("run_status", "final")


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


@recorded
@scripted
def test_mcp_requests_answered_by_hand(dust: DustClient) -> None:
    """Each MCP request waits for its answer: the recording ends each request stream after one request."""
    server_id = dust.mcp.register("hand-made").serverId
    assert dust.mcp.heartbeat(server_id).success is True
    conversation = dust.conversations.create(
        message="please add a=20 b=22",
        mentions=["toolcaller"],
        context={"username": "recorder", "timezone": "Europe/Paris", "clientSideMCPServerIds": [server_id]},
    )
    protocol = ToolServerProtocol(as_tools([add]), server_name="hand-made")
    methods: list[str] = []
    for incoming in dust.mcp.stream_requests(server_id):
        methods.append(incoming.method)
        outcome = protocol.handle(incoming)
        if isinstance(outcome, ToolCall):
            outcome = protocol.result(outcome, outcome.tool.function(**outcome.kwargs))
        if outcome is not None:
            assert dust.mcp.post_result(server_id, outcome) is True
        if incoming.method == "tools/call":
            break
    assert methods == ["initialize", "notifications/initialized", "tools/list", "tools/call"]
    message = conversation.agent_messages[0]
    final = list(dust.conversations.stream_message_events(conversation.sId, message.sId))[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert final.message.content == "The add tool returned 42."


# --- replay failures are clear and final -----------------------------------------------------------------


def test_a_request_that_was_not_recorded_fails_clearly(
    dust_recording: DustRecording, dust: DustClient
) -> None:
    if not dust_recording.replaying:
        pytest.skip("replay only")
    with (
        dust_cassette(CASSETTES / "test_agents.yaml"),
        pytest.raises(
            vcr.errors.CannotOverwriteExistingCassetteException, match="agent_configurations/search"
        ),
    ):
        dust.agents.search(q="never recorded")


def _approve_every_tool_call(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="drop the cache") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                event.approve()


def test_a_stream_cut_short_in_a_cassette_raises_instead_of_reconnecting(
    dust_recording: DustRecording, tmp_path: Path
) -> None:
    """Replaying a stream whose continuation is missing: the resume logic must not loop (nor sleep) on it."""
    if not dust_recording.replaying:
        pytest.skip("replay only")
    source = CASSETTES / "test_chat_stream_with_tool_approval.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    uris = [interaction["request"]["uri"] for interaction in data["interactions"]]
    approval = next(index for index, uri in enumerate(uris) if uri.endswith("/validate-action"))
    assert any("lastEventId=" in uri for uri in uris[approval:]), "the stream resumed after the approval"
    data["interactions"] = data["interactions"][: approval + 1]  # the stream's continuation is missing
    cut = tmp_path / "cut.yaml"
    cut.write_text(yaml.safe_dump(data), encoding="utf-8")
    sleeps: list[float] = []
    config = DustConfig.from_env(default_username="recorder", default_timezone="Europe/Paris")
    with (
        DustClient(config, retry_policy=NO_WAIT, sleep=sleeps.append) as client,
        dust_cassette(cut) as cassette,
        pytest.raises(vcr.errors.CannotOverwriteExistingCassetteException, match="lastEventId"),
    ):
        _approve_every_tool_call(client)
    assert cassette.all_played
    assert len(sleeps) <= 1


# --- every cassette ----------------------------------------------------------------------------------------


def _recorded_tests() -> set[str]:
    return {
        name
        for name, value in globals().items()
        if name.startswith("test_") and any(m.name == "vcr" for m in getattr(value, "pytestmark", []))
    }


def test_every_cassette_is_clean_and_used() -> None:
    files = {path.stem: path for path in CASSETTES.glob("*.yaml")}
    assert set(files) == _recorded_tests(), "run `make record` (a cassette per recorded test, and no other)"
    forbidden = {DEFAULT_API_KEY, "Bearer", DEFAULT_WORKSPACE_ID, "sk-"}
    for variable in ("DUST_API_KEY", "DUST_WORKSPACE_ID"):
        if os.environ.get(variable, PLACEHOLDER_WORKSPACE_ID) not in REPLAY_ENVIRONMENT.values():
            forbidden.add(os.environ[variable])
    for name, path in files.items():
        text = path.read_text(encoding="utf-8")
        for secret in forbidden:
            assert secret not in text, f"{path.name} holds {secret!r}"
        interactions = yaml.safe_load(text)["interactions"]
        assert interactions, name
        for interaction in interactions:
            request = interaction["request"]
            assert {h.lower() for h in request["headers"]}.isdisjoint({"authorization", "cookie"}), name
            assert "set-cookie" not in {h.lower() for h in interaction["response"]["headers"]}, name
            assert f"/w/{PLACEHOLDER_WORKSPACE_ID}/" in request["uri"], request["uri"]
