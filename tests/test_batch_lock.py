"""One ``dust batch`` run per output: the journal's lock (``<output>.journal.lock``) refuses a second run while
the first lives, names the process holding it, and is freed by the OS when that process dies (``kill -9``).
A journal line that is not UTF-8 is a clean DustBatchError, not a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dust_ext.batch._journal import BatchJournal, JournalLock, journal_path_for
from dust_ext.exceptions import DustBatchError
from dust_ext.testing.hostile import Exchange, HostileServer

KEY = "sk-batch-lock-0123456789"


def _env(server: HostileServer) -> dict[str, str]:
    return {**os.environ, "DUST_WORKSPACE_ID": "W", "DUST_API_KEY": KEY, "DUST_BASE_URL": server.url}


def _wait_for(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_a_second_run_on_the_same_output_refuses_while_the_first_lives(tmp_path: Path) -> None:
    # The hostile server holds the first run mid-flight: every request hangs until the test is over.
    release = threading.Event()

    def hang(exchange: Exchange) -> None:
        exchange.hang(release, seconds=120)

    source, output = tmp_path / "rows.csv", tmp_path / "out.jsonl"
    source.write_text("id,body\n" + "".join(f"T{i},ticket {i}\n" for i in range(200)), encoding="utf-8")
    command = [sys.executable, "-m", "dust_ext.cli", "batch", str(source), "-a", "echo"]
    command += ["-p", "Triage: {body}", "--key", "id", "-o", str(output), "-q"]
    with HostileServer(hang) as server:
        # one row in flight: the first run sends one request, which hangs
        first = subprocess.Popen(
            [*command, "-c", "1"], env=_env(server), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            _wait_for(lambda: len(server.requests) > 0)  # the first run has the lock and is calling Dust
            time.sleep(0.2)
            sent_by_first = len(server.requests)
            assert sent_by_first == 1
            second = subprocess.run(
                command, env=_env(server), capture_output=True, text=True, timeout=120, check=False
            )
            # before: the second run posted the same rows again (200 rows -> 392 conversations, both exit 0)
            assert second.returncode == 2, second.stderr
            assert f"pid {first.pid}" in second.stderr
            assert "out.jsonl.journal" in second.stderr
            assert len(server.requests) == sent_by_first  # the second run sent nothing
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=60)
            release.set()
    # The OS freed the dead run's lock: the output can be resumed.
    JournalLock.acquire(journal_path_for(output)).release()


def test_lock_names_its_holder_and_is_released_on_close(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl.journal"
    journal = BatchJournal.open(path, prompt="p", key_column=None)
    with pytest.raises(DustBatchError, match=f"pid {os.getpid()} on "):
        BatchJournal.open(path, prompt="p", key_column=None)
    note = json.loads((tmp_path / "out.jsonl.journal.lock").read_text(encoding="utf-8"))
    assert note["pid"] == os.getpid()
    journal.close()
    BatchJournal.open(path, prompt="p", key_column=None).close()


def test_a_refused_open_leaves_the_lock_free_for_later(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl.journal"
    BatchJournal.open(path, prompt="p", key_column=None).close()
    with pytest.raises(DustBatchError, match="belongs to a run with prompt"):
        BatchJournal.open(path, prompt="another prompt", key_column=None)
    lock = JournalLock.acquire(path)  # the refused open released what it took
    lock.release()
    lock.release()  # idempotent


def test_lock_of_a_process_killed_with_sigkill_is_freed(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl.journal"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from dust_ext.batch._journal import JournalLock; "
            "JournalLock.acquire(Path(sys.argv[1])); print('locked', flush=True); time.sleep(120)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DustBatchError, match=f"pid {holder.pid} "):
            JournalLock.acquire(path)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=60)
    JournalLock.acquire(path).release()


def test_a_journal_line_that_is_not_utf8_is_a_batch_error(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl.journal"
    BatchJournal.open(path, prompt="p", key_column=None).close()
    with path.open("ab") as file:
        file.write(b'{"type": "start", "key": "\xff\xfe", "agent": "a"}\n')
    with pytest.raises(DustBatchError, match=r"out.jsonl.journal:2 is not valid UTF-8 JSON"):
        BatchJournal.open(path, prompt="p", key_column=None)
