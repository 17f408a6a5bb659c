"""``dust sync`` killed with SIGKILL at several points then run again ends where a clean run ends, with
nothing that had landed sent twice; two processes syncing the same folder at once agree. The syncs run in
subprocesses against the session emulator, whose state and write counts are the ground truth."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sdk_support import emulator_config

from dust_ext import DustClient
from dust_ext.sync import sync_folder
from dust_ext.testing import EmulatorServer

SPACE = "vlt_global"
DS = "dts_sync"
CLEAN = "dts_clean"
FAST = {"upserts_per_minute": 1_000_000.0, "concurrency": 4}

# Runs `dust sync` with one step wrapped to SIGKILL the process at its N-th call: `read` (a file being
# read: the scan), `folder` / `upsert` / `delete` (after the N-th such write was answered), `before-upsert`
# (the N-th upsert not sent yet).
KILLING_SYNC = """
import os, signal, sys
from dust_ext.resources import data_sources
from dust_ext.sync import _source
from dust_ext.cli import main

point, limit = os.environ["SYNC_KILL_AT"].split(":")
limit = int(limit)
kill_signal = getattr(signal, os.environ.get("SYNC_KILL_SIGNAL", "SIGKILL"))
calls = 0

def count() -> None:
    global calls
    calls += 1
    if calls == limit:
        os.kill(os.getpid(), kill_signal)

def after(original):
    async def wrapped(*args, **kwargs):
        result = await original(*args, **kwargs)
        count()
        return result
    return wrapped

def before(original):
    async def wrapped(*args, **kwargs):
        count()
        return await original(*args, **kwargs)
    return wrapped

if point == "read":
    original_read = _source._read_regular_file
    def read(path, limit_bytes):
        count()
        return original_read(path, limit_bytes)
    _source._read_regular_file = read
elif point == "folder":
    data_sources.AsyncFolders.upsert = after(data_sources.AsyncFolders.upsert)
elif point == "upsert":
    data_sources.AsyncDocuments.upsert = after(data_sources.AsyncDocuments.upsert)
elif point == "before-upsert":
    data_sources.AsyncDocuments.upsert = before(data_sources.AsyncDocuments.upsert)
elif point == "delete":
    data_sources.AsyncDocuments.delete = after(data_sources.AsyncDocuments.delete)
sys.argv = ["dust", *sys.argv[1:]]
main()
"""


@pytest.fixture
def emulator(fresh_dust_emulator: EmulatorServer) -> EmulatorServer:
    fresh_dust_emulator.add_data_source(DS, "sync")
    fresh_dust_emulator.add_data_source(CLEAN, "clean")
    return fresh_dust_emulator


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(emulator)) as dust:
        yield dust


def _env(server: EmulatorServer) -> dict[str, str]:
    return {
        **os.environ,
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_API_KEY": server.api_key,
        "DUST_BASE_URL": server.base_url,
    }


def _sync_args(folder: Path, *extra: str) -> list[str]:
    return ["sync", str(folder), "--space", SPACE, "--data-source", DS, "--rpm", "1000000", "--quiet", *extra]


def run_sync(
    server: EmulatorServer,
    folder: Path,
    *extra: str,
    kill_at: str | None = None,
    kill_signal: str = "SIGKILL",
) -> int:
    env = {**_env(server), "SYNC_KILL_SIGNAL": kill_signal}
    if kill_at is None:
        command = [sys.executable, "-m", "dust_ext.cli", *_sync_args(folder, *extra)]
    else:
        command = [sys.executable, "-c", KILLING_SYNC, *_sync_args(folder, *extra)]
        env["SYNC_KILL_AT"] = kill_at
    return subprocess.run(command, env=env, capture_output=True, timeout=60, check=False).returncode


def state_of(client: DustClient, data_source_id: str) -> dict[str, dict[str, Any]]:
    page = client.data_sources.documents.list(SPACE, data_source_id, limit=500)
    return {
        doc.document_id: {
            "text": doc.text,
            "title": doc.title,
            "tags": sorted(doc.tags),
            "parents": doc.parents,
        }
        for doc in page
    }


def write_tree(root: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = root / f"part{index % 3}" / f"chapter{index % 2}" / f"page{index:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Page {index}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_killed_at_several_points_then_rerun_equals_a_clean_run(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    paths = write_tree(tmp_path, 40)
    for kill_at in ("read:10", "folder:2", "before-upsert:1", "upsert:7", "upsert:15"):
        assert run_sync(emulator, tmp_path, "--hierarchy", kill_at=kill_at) == -signal.SIGKILL, kill_at
    assert run_sync(emulator, tmp_path, "--hierarchy") == 0

    sync_folder(client, tmp_path, space_id=SPACE, data_source_id=CLEAN, hierarchy=True, **FAST)
    assert state_of(client, DS) == state_of(client, CLEAN)
    counts = emulator.write_counts(DS)
    assert counts["document.upsert"] == 40  # every document sent once: none that had landed was sent again
    # Folders (9) are known through their documents' parents (the public API lists no folders): a folder
    # written by a run killed before any of its documents landed is written again by the next run (each is
    # written just before its first document, so at most one per document in flight at the kill).
    assert 9 <= counts["folder.upsert"] <= 9 * 6

    for path in paths[:5]:
        path.unlink()
    for path in paths[5:8]:
        path.write_text("changed\n")
    assert run_sync(emulator, tmp_path, "--hierarchy", "--delete", kill_at="delete:2") == -signal.SIGKILL
    assert run_sync(emulator, tmp_path, "--hierarchy", "--delete") == 0
    sync_folder(client, tmp_path, space_id=SPACE, data_source_id=CLEAN, hierarchy=True, delete=True, **FAST)
    assert state_of(client, DS) == state_of(client, CLEAN)
    counts = emulator.write_counts(DS)
    assert (counts["document.upsert"], counts["document.delete"]) == (43, 5)


def test_ctrl_c_stops_with_130_and_the_next_run_finishes(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 12)
    assert run_sync(emulator, tmp_path, kill_at="upsert:3", kill_signal="SIGINT") == 130
    assert emulator.write_counts(DS)["document.upsert"] < 12
    assert run_sync(emulator, tmp_path) == 0
    assert emulator.write_counts(DS) == {"document.upsert": 12}


def test_two_processes_syncing_at_once_end_in_the_same_state(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 60)
    env = _env(emulator)
    command = [sys.executable, "-m", "dust_ext.cli", *_sync_args(tmp_path, "--hierarchy")]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert (first.wait(timeout=60), second.wait(timeout=60)) == (0, 0)

    sync_folder(client, tmp_path, space_id=SPACE, data_source_id=CLEAN, hierarchy=True, **FAST)
    state = state_of(client, DS)
    assert state == state_of(client, CLEAN)
    assert len(state) == 60
    assert (
        sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, hierarchy=True, **FAST).writes == 0
    )
