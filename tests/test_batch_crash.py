"""``dust batch`` exactly once: killed with SIGKILL at many points then resumed, and 1,000 rows under a rate
limit and dropped streams. The batch runs in a subprocess; the emulator's state is the ground truth."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dust_ext import DustClient, DustConfig, StreamPolicy
from dust_ext.batch import _pacing
from dust_ext.testing import EmulatorServer

# Runs `dust batch` with a journal that SIGKILLs its own process right after its N-th line: a deterministic
# crash after each kind of step (before creating a conversation, before posting, mid-stream, before the
# record reaches the output).
KILL_AFTER_JOURNAL_WRITES = """
import os, signal, sys
from dust_ext.batch import _journal
from dust_ext.cli import main

limit = int(os.environ["BATCH_KILL_AFTER_WRITES"])
original = _journal.BatchJournal._write
written = 0

def write_then_maybe_die(self, entry, **options):
    global written
    original(self, entry, **options)
    written += 1
    if written >= limit:
        os.kill(os.getpid(), signal.SIGKILL)

_journal.BatchJournal._write = write_then_maybe_die
sys.argv = ["dust", *sys.argv[1:]]
main()
"""


def _env(server_url: str, workspace_id: str, api_key: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DUST_WORKSPACE_ID": workspace_id,
        "DUST_API_KEY": api_key,
        "DUST_BASE_URL": server_url,
        **extra,
    }


_GATE_DIRECTIVE = re.compile(r" gate=\S+$")


def _write_tickets(path: Path, count: int, gated_from: int | None = None, gate: str = "") -> None:
    """Write ``count`` tickets; those from index ``gated_from`` on make the agent wait on emulator gate ``gate``."""
    lines = ["id,body"] + [
        f"T{i},ticket number {i}" + (f" gate={gate}" if gated_from is not None and i >= gated_from else "")
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _assert_exactly_once(output: Path, conversations: list[dict[str, Any]], count: int) -> None:
    """Each row once in the output, answered; one conversation per row, holding one message and one reply."""
    records = _records(output)
    assert sorted(r["key"] for r in records) == sorted(f"T{i}" for i in range(count))
    assert {r["status"] for r in records} == {"ok"}
    # The echo agent repeats the prompt, including a gated ticket's "gate=<name>" directive.
    assert all(
        _GATE_DIRECTIVE.sub("", r["reply"]) == f"Triage: ticket number {r['key'][1:]}" for r in records
    )
    assert len(conversations) == count
    by_id = {c["sId"]: c for c in conversations}
    assert set(by_id) == {r["conversation_id"] for r in records}
    for conversation in conversations:
        kinds = [[message["type"] for message in versions] for versions in conversation["content"]]
        assert kinds == [["user_message"], ["agent_message"]], conversation["sId"]


def _emulator_conversations(server: EmulatorServer) -> list[dict[str, Any]]:
    workspace = server.state.workspaces[server.workspace_id]
    return [
        conversation.to_json(app_url=server.base_url) for conversation in workspace.conversations.values()
    ]


def test_killed_at_every_kind_of_step_then_resumed_posts_each_row_once(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    source, output = tmp_path / "tickets.csv", tmp_path / "out.jsonl"
    _write_tickets(source, 6)
    command = ["batch", str(source), "-a", "echo", "-p", "Triage: {body}", "--key", "id", "-o", str(output)]
    # One row at a time, so the N-th journal line is a known step: the header, then per row "start" (the
    # kill lands before the conversation is created), "conversation" (before the message is posted) and
    # "done" (before the record reaches the output). These kill points hit each kind of step.
    kill_points = (2, 1, 1, 2, 3, 1, 2)
    killed_after: set[str] = set()
    for kill_after in kill_points:
        env = _env(
            server.base_url, server.workspace_id, server.api_key, BATCH_KILL_AFTER_WRITES=str(kill_after)
        )
        completed = subprocess.run(
            [sys.executable, "-c", KILL_AFTER_JOURNAL_WRITES, *command, "-c", "1", "-q"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert completed.returncode == -signal.SIGKILL, completed.stderr
        journal = (tmp_path / "out.jsonl.journal").read_text(encoding="utf-8").splitlines()
        killed_after.add(json.loads(journal[-1])["type"])
    assert killed_after == {"start", "conversation", "done"}
    assert len(_records(output)) < 6
    final = subprocess.run(
        [sys.executable, "-m", "dust_ext.cli", *command, "--json"],
        env=_env(server.base_url, server.workspace_id, server.api_key),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert final.returncode == 0, final.stderr
    summary = json.loads(final.stdout)
    assert (summary["ok"], summary["failed"]) == (6, 0)
    assert summary["skipped"] > 0
    _assert_exactly_once(output, _emulator_conversations(server), 6)
    assert any(r["resumed"] for r in _records(output))


def test_killed_while_rows_are_in_flight_then_resumed(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    """SIGKILL from outside at moments set by the output's progress, with several rows mid-stream."""
    server = fresh_dust_emulator
    server.set_token_delay(0.03)
    source, output = tmp_path / "tickets.csv", tmp_path / "out.jsonl"
    _write_tickets(source, 16)
    command = [sys.executable, "-m", "dust_ext.cli", "batch", str(source), "-a", "echo"]
    command += ["-p", "Triage: {body}", "--key", "id", "-o", str(output), "-c", "4", "-q"]
    env = _env(server.base_url, server.workspace_id, server.api_key)
    for lines_before_kill in (2, 6, 11):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if output.exists() and len(output.read_text(encoding="utf-8").splitlines()) >= lines_before_kill:
                break
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert final.returncode == 0, final.stderr
    _assert_exactly_once(output, _emulator_conversations(server), 16)


# --- 1,000 rows under faults, with the emulator in its own process (so the runner is not sharing a GIL) ---


@pytest.fixture
def emulator_process() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "dust_ext.testing", "serve", "--port", "0", "--token-delay", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = re.search(r"(http://\S+)", process.stdout.readline())
        assert match, "the emulator did not start"
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow
def test_a_thousand_rows_under_rate_limits_and_dropped_streams(
    emulator_process: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url, workspace_id, api_key = emulator_process, "demo-workspace", "sk-emulator"
    # What is proven here is exactly-once under 429s and cut streams, not the length of the pauses (those are
    # tests/test_batch_limits.py's): the batch's least pause after a 429 is shortened from 1 s so that a
    # thousand refused rows take seconds, not minutes.
    monkeypatch.setattr(_pacing, "DEFAULT_RATE_LIMIT_WAIT", 0.01)
    # Every stream is cut after 2 frames; each message path and stream path is refused once with 429;
    # and a token bucket holds the whole client to 400 requests a second.
    faults = "drop-after=2, rate-limit=1;retry-after=0;path=/messages, requests-per-second=400;burst=40"
    httpx.put(f"{base_url}/_emulator/faults", json={"faults": faults}).raise_for_status()
    rows = [{"id": f"T{i}", "body": f"ticket number {i}"} for i in range(1000)]
    config = DustConfig(workspace_id=workspace_id, api_key=api_key, base_url=base_url)
    output = tmp_path / "out.jsonl"
    with DustClient(config, stream_policy=StreamPolicy(reconnect_delay=0.005, max_delay=0.05)) as client:
        summary = client.batch.run(
            rows, agents="echo", output=output, prompt="Triage: {body}", key_column="id", concurrency=32
        )
        assert (summary.total, summary.ok, summary.failed) == (1000, 1000, 0)
        assert summary.rate_limited >= 1000
        httpx.put(f"{base_url}/_emulator/faults", json={"faults": ""}).raise_for_status()
        summaries = client.conversations.list()
        conversations = [
            client.workspace_request("GET", f"assistant/conversations/{s.sId}")["conversation"]
            for s in summaries
        ]
    _assert_exactly_once(output, conversations, 1000)


def test_ctrl_c_stops_cleanly_and_the_next_run_resumes(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    source, output = tmp_path / "tickets.csv", tmp_path / "out.jsonl"
    # Tickets from the fourth on wait on a gate: the run is always mid-row when Ctrl-C arrives, however
    # fast the machine (no race against the agent finishing every row first).
    _write_tickets(source, 12, gated_from=3, gate="ctrl-c")
    command = [sys.executable, "-m", "dust_ext.cli", "batch", str(source), "-a", "echo"]
    command += ["-p", "Triage: {body}", "--key", "id", "-o", str(output), "-c", "3"]
    env = _env(server.base_url, server.workspace_id, server.api_key)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and len(output.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert "interrupted;" in stderr
    assert "Run the same command again to resume" in stderr
    assert "Traceback" not in stderr
    assert len(_records(output)) == 3  # the three ungated tickets; the gated ones were in flight
    server.open_gate("ctrl-c")
    final = subprocess.run(
        [*command, "-q"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert final.returncode == 0, final.stderr
    _assert_exactly_once(output, _emulator_conversations(server), 12)
