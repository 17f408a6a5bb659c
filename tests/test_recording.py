"""dust_ext.testing.recording: what a cassette keeps (no secret, stable matching), where a recorded event
stream ends, recording a stream that never closes, and the whole user flow of the docs example (record
against a server once, replay with no key and no network, fail clearly on a request that was not recorded).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpcore
import pytest
import yaml
from vcr.request import Request

from dust_ext import AsyncDustClient, DustClient, DustConfig
from dust_ext._streaming import StreamPolicy
from dust_ext.events import parse_frame
from dust_ext.testing import EmulatorServer, pytest_plugin
from dust_ext.testing.hostile import Exchange, HostileServer, chunk, response_head
from dust_ext.testing.recording import (
    HAND_OFF_FRAME,
    MULTIPART_BOUNDARY,
    PLACEHOLDER_API_KEY,
    PLACEHOLDER_EMAIL,
    PLACEHOLDER_NAME,
    PLACEHOLDER_WORKSPACE_ID,
    VOLATILE_PLACEHOLDER,
    CassetteScrubber,
    EventStreamCut,
    dust_cassette,
    dust_vcr_config,
    frame_data,
    frame_ends_recording,
    missing_replay_environment,
)

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL_POOL_SEND = httpcore.ConnectionPool.handle_request
ORIGINAL_ASYNC_POOL_SEND = httpcore.AsyncConnectionPool.handle_async_request
EXAMPLE = ROOT / "examples" / "offline_testing"
MESSAGE_EVENTS = "/api/v1/w/W/assistant/conversations/c1/messages/m1/events"
CONVERSATION_EVENTS = "/api/v1/w/W/assistant/conversations/c1/events"
MCP_REQUESTS = "/api/v1/w/W/mcp/requests"


def event_frame(event_id: str, event_type: str, **fields: Any) -> bytes:
    payload = {"eventId": event_id, "data": {"type": event_type, **fields}}
    return f"data: {json.dumps(payload)}\n\n".encode()


# --- scrubbing -------------------------------------------------------------------------------------------


def test_requests_lose_credentials_and_workspace_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUST_API_KEY", "sk-live-0123456789")
    monkeypatch.setenv("DUST_WORKSPACE_ID", "w0rkspace42")
    body = json.dumps({"note": "key sk-live-0123456789 of w0rkspace42", "other": "sk-another-secret-key"})
    request = Request(
        "POST",
        "https://dust.tt/api/v1/w/w0rkspace42/assistant/conversations?x=w0rkspace42",
        body.encode(),
        {
            "Authorization": "Bearer sk-live-0123456789",
            "Cookie": "session=abc",
            "X-Forwarded": "Bearer abc",
            "Content-Type": "application/json",
        },
    )
    scrubbed = CassetteScrubber().request(request)
    assert scrubbed.uri == (
        f"https://dust.tt/api/v1/w/{PLACEHOLDER_WORKSPACE_ID}/assistant/conversations?x={PLACEHOLDER_WORKSPACE_ID}"
    )
    assert set(scrubbed.headers) == {"Content-Type"}
    assert json.loads(scrubbed.body) == {
        "note": f"key {PLACEHOLDER_API_KEY} of {PLACEHOLDER_WORKSPACE_ID}",
        "other": PLACEHOLDER_API_KEY,
    }


def test_credentials_given_in_code_are_learnt_from_the_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUST_API_KEY", raising=False)
    monkeypatch.delenv("DUST_WORKSPACE_ID", raising=False)
    scrubber = CassetteScrubber()
    scrubber.request(
        Request(
            "GET", "https://dust.tt/api/v1/w/wksp9876/spaces", b"", {"Authorization": "Bearer tok-abcdef"}
        )
    )
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"content-type": ["application/json"]},
        "body": {
            "string": b'{"owner":{"sId":"wksp9876"},"echo":"tok-abcdef","url":"https://dust.tt/w/wksp9876/x"}'
        },
    }
    assert json.loads(scrubber.response(response)["body"]["string"]) == {
        "owner": {"sId": PLACEHOLDER_WORKSPACE_ID},
        "echo": PLACEHOLDER_API_KEY,
        "url": f"https://dust.tt/w/{PLACEHOLDER_WORKSPACE_ID}/x",
    }


def test_any_workspace_in_a_dust_path_is_replaced_even_unknown() -> None:
    scrubber = CassetteScrubber()
    assert scrubber.text("https://eu.dust.tt/api/sse/v1/w/abc123/assistant/x") == (
        f"https://eu.dust.tt/api/sse/v1/w/{PLACEHOLDER_WORKSPACE_ID}/assistant/x"
    )
    # Words that merely contain "sk-" are not keys.
    assert scrubber.text("disk-usage and task-list") == "disk-usage and task-list"


def test_volatile_fields_and_multipart_boundaries_are_normalised_on_both_sides() -> None:
    scrubber = CassetteScrubber(volatile_body_fields=frozenset({"timezone", "sentAt"}))
    recorded = {"message": {"context": {"username": "ann", "timezone": "Europe/Paris"}, "sentAt": 1}}
    replayed = {"message": {"context": {"username": "ann", "timezone": "UTC"}, "sentAt": 2}}
    bodies = [
        scrubber.request(
            Request("POST", "https://x/api", json.dumps(b).encode(), {"content-type": "application/json"})
        ).body
        for b in (recorded, replayed)
    ]
    assert bodies[0] == bodies[1]
    assert json.loads(bodies[0])["message"]["context"]["timezone"] == VOLATILE_PLACEHOLDER

    def upload(boundary: str) -> Request:
        body = f"--{boundary}\r\nContent-Disposition: form-data; name=file\r\n\r\nhi\r\n--{boundary}--\r\n"
        headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
        return scrubber.request(Request("POST", "https://x/upload", body.encode(), headers))

    first, second = upload("a1b2c3"), upload("z9y8x7")
    assert first.body == second.body
    assert MULTIPART_BOUNDARY in first.headers["content-type"]


def test_masking_users_covers_json_and_event_stream_bodies() -> None:
    scrubber = CassetteScrubber(mask_users=True)
    user = {"fullName": "Ann Lee", "email": "ann@corp.example.com", "username": "ann", "sId": "u1"}
    json_response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"content-type": ["application/json"], "set-cookie": ["a=b"]},
        "body": {"string": json.dumps({"user": user, "note": "write to bob@corp.example.com"}).encode()},
    }
    scrubbed = json.loads(scrubber.response(json_response)["body"]["string"])
    assert scrubbed["user"] == {
        "fullName": PLACEHOLDER_NAME,
        "email": PLACEHOLDER_EMAIL,
        "username": PLACEHOLDER_NAME,
        "sId": "u1",
    }
    assert scrubbed["note"] == f"write to {PLACEHOLDER_EMAIL}"
    assert "set-cookie" not in json_response["headers"]

    stream_response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"content-type": ["text/event-stream"]},
        "body": {"string": event_frame("1", "user_message_new", user=user)},
    }
    text = scrubber.response(stream_response)["body"]["string"].decode()
    assert "Ann Lee" not in text
    assert "ann@corp" not in text
    assert text.endswith("\n\n")
    # Unmasked by default.
    assert (
        "Ann Lee"
        in CassetteScrubber().body(json.dumps(user).encode(), "application/json", volatile=False).decode()
    )


def test_redirect_locations_are_kept_relative() -> None:
    response = {
        "status": {"code": 307, "message": "Temporary Redirect"},
        "headers": {
            "location": ["https://dust.tt/api/sse/v1/w/w0rk/assistant/conversations/c/events?lastEventId=5"]
        },
        "body": {"string": b""},
    }
    assert CassetteScrubber().response(response)["headers"]["location"] == [
        f"/api/sse/v1/w/{PLACEHOLDER_WORKSPACE_ID}/assistant/conversations/c/events?lastEventId=5"
    ]


def test_config_and_replay_environment() -> None:
    config = dust_vcr_config(record_mode="once")
    assert config["match_on"] == ("method", "path", "query", "body")
    assert config["record_mode"] == "once"
    assert config["decode_compressed_response"] is True
    assert missing_replay_environment({"DUST_API_KEY": "sk-x", "DUST_WORKSPACE_ID": " "}) == {
        "DUST_WORKSPACE_ID": PLACEHOLDER_WORKSPACE_ID
    }


# --- where a recorded stream ends --------------------------------------------------------------------------


def test_message_streams_end_at_a_terminal_event_or_a_client_turn() -> None:
    def data(event_type: str) -> str:
        return json.dumps({"eventId": "1", "data": {"type": event_type}})

    assert frame_ends_recording(data("agent_message_success"), MESSAGE_EVENTS)
    assert frame_ends_recording(data("tool_approve_execution"), MESSAGE_EVENTS)
    assert not frame_ends_recording(data("generation_tokens"), MESSAGE_EVENTS)
    # A conversation stream goes on after an agent's terminal event; any stream ends at Dust's hand-off.
    assert not frame_ends_recording(data("agent_message_success"), CONVERSATION_EVENTS)
    assert frame_ends_recording("done", CONVERSATION_EVENTS)
    assert frame_ends_recording('{"eventId":"1","data":{"method":"tools/list"}}', MCP_REQUESTS)
    assert not frame_ends_recording("", MCP_REQUESTS)
    assert not frame_ends_recording("not json", MESSAGE_EVENTS)


def test_the_cut_passes_whole_frames_and_drops_what_follows_the_last_one() -> None:
    body = (
        event_frame("1", "generation_tokens", text="a")
        + event_frame("2", "tool_approve_execution")
        + event_frame("3", "generation_tokens", text="late")
    )
    cut = EventStreamCut(MESSAGE_EVENTS)
    delivered = b"".join(cut.feed(body[i : i + 7]) for i in range(0, len(body), 7))
    kept = event_frame("1", "generation_tokens", text="a") + event_frame("2", "tool_approve_execution")
    assert delivered == kept + HAND_OFF_FRAME  # ended as Dust ends a connection it hands off
    assert cut.finished
    assert cut.end() == b""

    crlf = EventStreamCut(CONVERSATION_EVENTS)
    assert crlf.feed(b"data: 1\r\n\r\ndata: do") == b"data: 1\r\n\r\n"
    assert crlf.feed(b"ne\r\n\r\nextra") == b"data: done\r\n\r\n"  # Dust's own hand-off: nothing added
    assert crlf.finished

    # Dust's greeting is a named event: it carries no request and ends nothing.
    handshake = b"event: dust-handshake\ndata: {}\n\n"
    mcp = EventStreamCut(MCP_REQUESTS)
    assert mcp.feed(handshake) == handshake
    assert not mcp.finished
    request = b'data: {"eventId":"1","data":{"method":"initialize"}}\n\n'
    assert mcp.feed(request) == request + HAND_OFF_FRAME
    assert mcp.finished

    unfinished = EventStreamCut(CONVERSATION_EVENTS)
    assert unfinished.feed(b"data: 1\n\ndata: half") == b"data: 1\n\n"
    assert unfinished.end() == b"data: half"


# --- recording a stream that never closes ----------------------------------------------------------------


def _recorded_stream_body() -> list[bytes]:
    cassette = yaml.safe_load((ROOT / "tests" / "cassettes" / "test_chat_stream.yaml").read_text())
    stream = next(  # the event stream itself, not a redirect to it
        i
        for i in cassette["interactions"]
        if i["response"]["status"]["code"] == 200 and i["request"]["uri"].split("?")[0].endswith("/events")
    )
    text = stream["response"]["body"]["string"]
    frames = [frame.encode() + b"\n\n" for frame in text.split("\n\n") if frame.strip()]
    assert any(b"agent_message_success" in frame for frame in frames)
    return frames


def _never_closing_stream(stop: threading.Event) -> Any:
    frames = _recorded_stream_body()

    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_head(200, {"Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"})
        )
        for frame in frames:
            exchange.send(chunk(frame))
        exchange.send(chunk(b": still here\n\n"))
        exchange.hang(stop, seconds=30)

    return handler


HOSTILE_KEY = "sk-hostile-0123"
FAST = StreamPolicy(reconnect_delay=0.0)


def _check_recording(cassette_path: Path, recorded: list[Any], replayed: list[Any]) -> None:
    # What the server sent, decoded frame by frame: what a client reading it live gets.
    sent = [parse_frame(frame_data(frame)) for frame in _recorded_stream_body()]
    expected = [(e.event_id, e.event) for e in sent if e is not None]
    assert expected[-1][1].type == "agent_message_success"
    assert [(e.event_id, e.event) for e in recorded] == expected
    assert [(e.event_id, e.event) for e in replayed] == expected
    text = cassette_path.read_text()
    assert "still here" not in text
    assert "w0rkspace42" not in text
    assert "sk-hostile" not in text


REPLAY_CONFIG = DustConfig(workspace_id=PLACEHOLDER_WORKSPACE_ID, api_key=PLACEHOLDER_API_KEY)


def test_a_stream_that_never_closes_records_up_to_its_terminal_event(tmp_path: Path) -> None:
    """vcrpy alone would wait forever here: the server keeps the stream open after the terminal event."""
    stop = threading.Event()
    cassette_path = tmp_path / "never_closes.yaml"
    with HostileServer(_never_closing_stream(stop)) as server:
        config = DustConfig(workspace_id="w0rkspace42", api_key=HOSTILE_KEY, base_url=server.url)
        try:
            with (
                DustClient(config, stream_policy=FAST) as client,
                dust_cassette(cassette_path, record_mode="once"),
            ):
                recorded = list(client.conversations.stream_message_events("c1", "m1"))
        finally:
            stop.set()
    with DustClient(REPLAY_CONFIG, stream_policy=FAST) as client, dust_cassette(cassette_path) as cassette:
        replayed = list(client.conversations.stream_message_events("c1", "m1"))
        assert cassette.all_played
    _check_recording(cassette_path, recorded, replayed)


async def test_an_async_stream_that_never_closes_records_up_to_its_terminal_event(tmp_path: Path) -> None:
    stop = threading.Event()
    cassette_path = tmp_path / "never_closes.yaml"
    with HostileServer(_never_closing_stream(stop)) as server:
        config = DustConfig(workspace_id="w0rkspace42", api_key=HOSTILE_KEY, base_url=server.url)
        try:
            async with AsyncDustClient(config, stream_policy=FAST) as client:
                with dust_cassette(cassette_path, record_mode="once"):
                    recorded = [e async for e in client.conversations.stream_message_events("c1", "m1")]
        finally:
            stop.set()
    async with AsyncDustClient(REPLAY_CONFIG, stream_policy=FAST) as client:
        with dust_cassette(cassette_path) as cassette:
            replayed = [e async for e in client.conversations.stream_message_events("c1", "m1")]
            assert cassette.all_played
    _check_recording(cassette_path, recorded, replayed)


# --- the docs example, end to end --------------------------------------------------------------------------


def _pytest(directory: Path, *arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Only the plugin the example needs: the other installed plugins (hypothesis, schemathesis) take
    # seconds to import.
    plugins = ["-p", "no:cacheprovider", "-p", "pytest_recording.plugin"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *plugins, *arguments],
        cwd=directory,
        env={**env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_docs_example_records_once_then_replays_offline(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "cassettes"))
    without_dust = {name: value for name, value in os.environ.items() if not name.startswith("DUST_")}
    with EmulatorServer() as server:
        live = {
            "DUST_WORKSPACE_ID": server.workspace_id,
            "DUST_API_KEY": server.api_key,
            "DUST_BASE_URL": server.base_url,
        }
        # The environment switch, as an IDE or a CI job would set it (pytest --record-mode=once is the same).
        recording = _pytest(project, env={**without_dust, **live, "DUST_RECORD_MODE": "once"})
    assert recording.returncode == 0, recording.stdout + recording.stderr
    (cassette,) = (project / "cassettes").rglob("*.yaml")
    assert cassette.relative_to(project).as_posix() == (
        "cassettes/test_support_bot/test_triage_reads_the_ticket.yaml"
    )
    text = cassette.read_text()
    assert server.api_key not in text
    assert server.workspace_id not in text
    assert "Bearer" not in text

    # CI: no key, no server (it is gone), sockets blocked.
    replay = _pytest(project, "--block-network", env=without_dust)
    assert replay.returncode == 0, replay.stdout + replay.stderr
    assert "1 passed" in replay.stdout

    test_file = project / "test_support_bot.py"
    test_file.write_text(test_file.read_text().replace("since Monday", "since Tuesday"))
    changed = _pytest(project, "--block-network", env=without_dust)
    assert changed.returncode == 1
    assert "CannotOverwriteExistingCassetteException" in changed.stdout
    assert "since Tuesday" in changed.stdout


# --- the pytest plugin ------------------------------------------------------------------------------------


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """This module's own configuration, as a user's conftest would override the plugin's."""
    return dust_vcr_config(mask_users=True)


@pytest.fixture
def vcr_cassette_dir(tmp_path: Path) -> str:
    return str(tmp_path)


@pytest.mark.vcr
def test_a_vcr_test_with_its_own_vcr_config_still_gets_the_replay_environment_and_the_cuts() -> None:
    assert missing_replay_environment(os.environ) == {}
    assert httpcore.ConnectionPool.handle_request is not ORIGINAL_POOL_SEND
    assert httpcore.AsyncConnectionPool.handle_async_request is not ORIGINAL_ASYNC_POOL_SEND


def test_tests_without_the_vcr_marker_are_left_alone() -> None:
    assert httpcore.ConnectionPool.handle_request is ORIGINAL_POOL_SEND


def test_the_record_mode_variable_stands_for_the_option_unless_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def configured(option: str | None) -> Any:
        config = SimpleNamespace(option=SimpleNamespace(record_mode=option))
        pytest_plugin.pytest_configure(config)  # type: ignore[arg-type]
        return config.option.record_mode

    monkeypatch.setenv("DUST_RECORD_MODE", "once")
    assert configured(None) == "once"
    assert configured("rewrite") == "rewrite"
    monkeypatch.setenv("DUST_RECORD_MODE", "sometimes")
    with pytest.raises(pytest.UsageError, match="DUST_RECORD_MODE='sometimes'"):
        configured(None)
    monkeypatch.delenv("DUST_RECORD_MODE")
    assert configured(None) is None
