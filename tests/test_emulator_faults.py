"""Fault injection in the emulator: the spec language, request faults and stream faults."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from conftest import EmulatorApi

from dust_ext.testing import EmulatorServer, FaultSpecError, parse_faults

FAULT = "X-Dust-Emulator-Fault"
AGENTS = "/assistant/agent_configurations"


def test_parse_faults_canonical_text() -> None:
    faults = parse_faults(" rate-limit=2;retry-after=1 , drop-after=3;times=1;mode=clean,slow-chunks=0.01")
    assert [fault.text for fault in faults] == [
        "rate-limit=2;retry-after=1",
        "drop-after=3;times=1;mode=clean",
        "slow-chunks=0.01",
    ]
    assert parse_faults("") == []
    assert [f.text for f in parse_faults("done-after=1;times=2, drop-after=2;mode=mid-frame")] == [
        "done-after=1;times=2",
        "drop-after=2;mode=mid-frame",
    ]


@pytest.mark.parametrize(
    "spec",
    [
        "explode=1",
        "rate-limit",
        "rate-limit=two",
        "server-error=1;status=404",
        "drop-after=1;mode=gentle",
        "slow-chunks=1;x=2",
        "drop-after=-1",
        "done-after=1;mode=clean",
    ],
)
def test_parse_faults_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(FaultSpecError):
        parse_faults(spec)


def test_bad_fault_header_is_400(emulator_api: EmulatorApi) -> None:
    response = emulator_api.client.get(AGENTS, headers={FAULT: "explode=1"})
    assert response.status_code == 400
    assert "explode" in response.json()["error"]["message"]


def test_rate_limit_k_times_then_success(emulator_api: EmulatorApi) -> None:
    headers = {FAULT: "rate-limit=2;retry-after=3"}
    statuses = []
    for _ in range(3):
        response = emulator_api.client.get(AGENTS, headers=headers)
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert response.headers["retry-after"] == "3"
            assert response.json()["error"]["type"] == "rate_limit_error"
    assert statuses == [429, 429, 200]
    # Counters are per path: another path starts its own count.
    assert emulator_api.client.get("/spaces", headers=headers).status_code == 429


def test_server_error_with_status(emulator_api: EmulatorApi) -> None:
    headers = {FAULT: "server-error=1;status=503"}
    first = emulator_api.client.get(AGENTS, headers=headers)
    assert first.status_code == 503
    assert first.json()["error"]["type"] == "internal_server_error"
    assert emulator_api.client.get(AGENTS, headers=headers).status_code == 200


def test_run_wide_faults_apply_without_headers_and_filter_by_path(emulator_api: EmulatorApi) -> None:
    emulator_api.server.set_faults("server-error=1;path=/spaces")
    assert emulator_api.client.get(AGENTS).status_code == 200
    assert emulator_api.client.get("/spaces").status_code == 500
    assert emulator_api.client.get("/spaces").status_code == 200


def test_faults_control_endpoint(emulator_api: EmulatorApi) -> None:
    control = f"{emulator_api.server.base_url}/_emulator/faults"
    assert httpx.put(control, json={"faults": "rate-limit=1"}).json() == {"faults": ["rate-limit=1"]}
    assert emulator_api.client.get(AGENTS).status_code == 429
    assert httpx.put(control, json={"faults": "nonsense"}).status_code == 400
    assert httpx.put(control, json={"faults": ""}).status_code == 200
    assert emulator_api.client.get(AGENTS).status_code == 200


def _finished_message_path(api: EmulatorApi) -> str:
    conversation_id, message_id = api.ask("faulty stream", "streamer", blocking=True)
    return api.message_events_path(conversation_id, message_id)


def test_drop_after_abort_cuts_the_connection(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    read = emulator_api.read_stream(path, headers={FAULT: "drop-after=2"})
    assert len(read.events) == 2
    assert isinstance(read.error, httpx.RemoteProtocolError)


def test_drop_after_clean_ends_before_the_terminal_event(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    read = emulator_api.read_stream(path, headers={FAULT: "drop-after=2;mode=clean"})
    assert read.error is None
    assert read.types == ["generation_tokens", "generation_tokens"]


def test_drop_after_times_drops_only_the_first_streams(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    emulator_api.server.set_faults("drop-after=1;times=1;path=/events")
    first = emulator_api.read_stream(path)
    assert len(first.events) == 1
    assert first.error is not None
    second = emulator_api.read_stream(path, last_event_id=first.events[0]["eventId"])
    assert second.error is None
    assert first.events + second.events == emulator_api.read_stream(path).events


@pytest.mark.parametrize("spec", ["slow-chunks=0.001", "split-frames=7"])
def test_pacing_faults_keep_the_events(emulator_api: EmulatorApi, spec: str) -> None:
    path = _finished_message_path(emulator_api)
    assert (
        emulator_api.read_stream(path, headers={FAULT: spec}).frames == emulator_api.read_stream(path).frames
    )


def test_malformed_frame_is_inserted_without_losing_events(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    clean = emulator_api.read_stream(path).frames
    faulty = emulator_api.read_stream(path, headers={FAULT: "malformed-frame-at=2"}).frames
    assert isinstance(faulty[1], str)
    assert faulty[1].startswith('{"eventId"')
    assert faulty[:1] + faulty[2:] == clean


def test_unknown_event_gets_an_id_that_resumes_exactly(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    clean = emulator_api.read_stream(path).events
    faulty = emulator_api.read_stream(path, headers={FAULT: "unknown-event-at=3"}).events
    unknown = faulty[2]
    assert unknown["data"]["type"] == "emulator_unknown_event"
    assert faulty[:2] + faulty[3:] == clean
    # Its id sorts between its neighbours, so resuming from it continues with real frame 3.
    resumed = emulator_api.read_stream(path, last_event_id=unknown["eventId"]).events
    assert resumed == clean[2:]


def test_oversized_event_has_the_requested_size(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    with emulator_api.client.stream(
        "GET", path, headers={FAULT: "oversized-event-bytes=200000;at=2"}
    ) as response:
        body = response.read()
    frames = body.split(b"\n\n")
    assert frames[0] == b"event: dust-handshake\ndata: {}"
    assert len(frames[2]) + 2 == 200000
    assert b"emulator_oversized_event" in frames[2]


def test_cli_serves_and_refuses_non_loopback() -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "dust_ext.testing", "serve", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 2
    assert "loopback" in refused.stderr
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dust_ext.testing",
            "serve",
            "--port",
            "0",
            "--workspace-id",
            "w1",
            "--api-key",
            "k1",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Dust emulator listening on http://127.0.0.1:")
        base_url = line.rsplit(" ", 1)[1].strip()
        response = httpx.get(
            f"{base_url}/api/v1/w/w1/assistant/agent_configurations", headers={"Authorization": "Bearer k1"}
        )
        assert response.status_code == 200
        assert "k1" not in process.stdout.readline()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_emulator_server_takes_run_wide_faults_at_construction() -> None:
    with EmulatorServer(workspace_id="faulty", api_key="sk-faulty", faults="rate-limit=1") as server:
        url = f"{server.base_url}/api/v1/w/faulty{AGENTS}"
        headers = {"Authorization": "Bearer sk-faulty"}
        assert httpx.get(url, headers=headers).status_code == 429
        assert httpx.get(url, headers=headers).status_code == 200


# -- Dust's stream framing, and the faults that play with it --------------------------------------------------


def test_a_stream_url_redirects_to_api_sse_after_authentication(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    client = emulator_api.client
    redirect = client.get(path, params={"lastEventId": "1-0"}, follow_redirects=False)
    assert redirect.status_code == 307
    root = emulator_api.root.replace("/api/v1/", "/api/sse/v1/")
    assert redirect.headers["location"] == f"{root}{path}?lastEventId=1-0"
    anonymous = httpx.get(emulator_api.root + path, follow_redirects=False)
    assert anonymous.status_code == 401


def test_a_stream_body_is_a_handshake_events_and_done(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    body = emulator_api.client.get(path).content
    frames = body.split(b"\n\n")
    assert frames[0] == b"event: dust-handshake\ndata: {}"
    assert frames[-2:] == [b"data: done", b""]
    assert b'"type":"agent_message_success"' in frames[-3]


def test_an_empty_last_event_id_means_none(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    assert (
        emulator_api.client.get(path, params={"lastEventId": ""}).content
        == emulator_api.client.get(path).content
    )


def test_done_after_hands_off_after_n_events(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    everything = emulator_api.read_stream(path).events
    body = emulator_api.client.get(path, headers={FAULT: "done-after=2"}).content
    assert body.endswith(b"data: done\n\n")
    first = emulator_api.read_stream(path, headers={FAULT: "done-after=2"})
    assert first.events == everything[:2]
    assert first.error is None
    rest = emulator_api.read_stream(
        path, headers={FAULT: "done-after=2"}, last_event_id=everything[1]["eventId"]
    )
    assert rest.events == everything[2:4]


def test_drop_after_mid_frame_ends_cleanly_inside_a_frame(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    body = emulator_api.client.get(path, headers={FAULT: "drop-after=2;mode=mid-frame"}).content
    frames = body.split(b"\n\n")
    assert frames[0].startswith(b"event: dust-handshake")
    assert len(frames) == 4  # handshake, two events, then half of the third frame (no blank line)
    assert frames[3].startswith(b'data: {"eventId"')
    assert not frames[3].endswith(b"}")


def test_request_faults_answer_on_the_api_v1_url_only(emulator_api: EmulatorApi) -> None:
    path = _finished_message_path(emulator_api)
    failed = emulator_api.client.get(path, headers={FAULT: "server-error=1;path=/events"})
    assert failed.status_code == 500
    # The counter is shared across requests of this path: the next one goes through, redirect included.
    emulator_api.server.set_faults("server-error=1;path=/events")
    assert emulator_api.client.get(path).status_code == 500
    assert emulator_api.client.get(path).status_code == 200
