"""The journal that makes a batch resumable exactly once, and the output file derived from it.

The journal (``<output>.journal``) is an append-only JSON-lines file. A line is written *before* each step
that cannot be repeated, so a run killed at any point leaves enough to finish each row without posting
anything twice:

``{"type": "batch", ...}``
    The header: run id (used in conversation titles), prompt and key column, to refuse resuming an output
    with a different prompt.
``{"type": "start", "key", "agent", "attempt"}``
    Before creating the row's conversation. A start without a conversation id means the conversation may
    exist (the process died before learning its id); the runner looks it up by its title before creating
    another.
``{"type": "conversation", "key", "agent", "attempt", "conversation_id", "url"}``
    The conversation exists. From here the runner reads the conversation to see what is missing (the user
    message, the agent's reply) and only does that.
``{"type": "retry", "key", "agent", "attempt", "message_id"}``
    Before asking Dust to run a failed agent message again.
``{"type": "done", "record": {...}}``
    The row's final record (answered or failed). The latest record of a task wins.

One run at a time (:class:`JournalLock`). The output file (:class:`OutputFile`) is rebuilt from the journal
when a run starts, so it never holds a task twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import socket
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from dust_ext.batch._plan import json_lines
from dust_ext.batch.models import CSV_COLUMNS, BatchRecord
from dust_ext.exceptions import DustBatchError

__all__ = ["BatchJournal", "JournalLock", "JournalState", "OutputFile", "TaskJournal", "journal_path_for"]

JOURNAL_VERSION = 1
TaskId = tuple[str, str]
OutputFormat = Literal["jsonl", "csv"]


def journal_path_for(output: Path) -> Path:
    """Where the journal of an output file lives: beside it, with ``.journal`` appended."""
    return output.with_name(output.name + ".journal")


if sys.platform == "win32":
    import msvcrt

    # msvcrt locks bytes from the current position; one byte far past the holder's note leaves the note
    # readable by the run that is refused.
    _LOCKED_OFFSET = 1 << 30

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class JournalLock:
    """The one-run-at-a-time lock of a journal: an exclusive OS lock on ``<journal>.lock`` (``flock`` on
    POSIX, ``msvcrt.locking`` on Windows), held until :meth:`release` or the process ends; the OS frees it
    when the process dies, so a crashed run never blocks the next. The file holds the holder's pid and host,
    for the message of a run that is refused."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, journal: Path) -> JournalLock:
        """Take the lock of ``journal``, or raise :class:`DustBatchError` naming the process that holds it."""
        path = journal.with_name(journal.name + ".lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _try_lock(fd):
                holder = _read_holder(fd)
                raise DustBatchError(
                    f"another dust batch run ({holder}) is writing {journal.name}: two runs on one output "
                    "would post its rows twice. Wait for it to finish (or stop it), then run again to resume"
                )
            note = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": _now()})
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, note.encode() + b"\n")
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    def release(self) -> None:
        """Free the lock (idempotent); the lock file stays, for the next run to lock."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)


def _read_holder(fd: int) -> str:
    """Who holds the lock, from the note it wrote ("pid 123 on host h since ..."), or a fallback."""
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        note = json.loads(os.read(fd, 4096).decode("utf-8").splitlines()[0])
        return f"pid {int(note['pid'])} on {note['host']}, since {note['since']}"
    except (OSError, ValueError, IndexError, KeyError, TypeError):
        return "a process that has not written its pid yet"


@dataclass
class TaskJournal:
    """What the journal knows about one (row, agent) task."""

    attempts: int = 0
    started: bool = False
    conversation_id: str | None = None
    conversation_url: str | None = None
    record: BatchRecord | None = None


class JournalState:
    """The journal's lines folded into per-task state (pure: no file access)."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.tasks: dict[TaskId, TaskJournal] = {}
        self._finished: dict[TaskId, BatchRecord] = {}

    def task(self, task_id: TaskId) -> TaskJournal:
        return self.tasks.setdefault(task_id, TaskJournal())

    def apply(self, entry: dict[str, Any]) -> None:
        kind = entry.get("type")
        if kind == "done":
            record = BatchRecord.model_validate(entry["record"])
            task_id: TaskId = (record.key, record.agent)
        else:
            task_id = (str(entry["key"]), str(entry["agent"]))
        task = self.task(task_id)
        if kind in {"start", "conversation", "retry", "done"}:
            # A new record replaces the old one; work started again on a finished task (a retry of a
            # failed row) puts it in flight once more.
            task.record = None
            self._finished.pop(task_id, None)
        if kind == "done":
            task.record = self._finished[task_id] = record
            task.attempts = max(task.attempts, record.attempts)
            return
        task.attempts = max(task.attempts, int(entry.get("attempt", 0)))
        if kind == "start":
            task.started = True
            task.conversation_id = None
            task.conversation_url = None
        elif kind == "conversation":
            task.conversation_id = str(entry["conversation_id"])
            task.conversation_url = entry.get("url")

    def records(self) -> list[BatchRecord]:
        """The current record of every finished task, in the order they were written (a replaced record
        moves to the end)."""
        return list(self._finished.values())


class BatchJournal:
    """The journal file of one output: read on open, then appended one flushed line per step."""

    def __init__(self, path: Path, state: JournalState, file: IO[str], lock: JournalLock) -> None:
        self.path = path
        self.state = state
        self._file = file
        self._lock = lock

    @classmethod
    def open(cls, path: Path, *, prompt: str, key_column: str | None) -> BatchJournal:
        """Open (or create) the journal, locked for this process (:class:`JournalLock`); refuse one written
        for a different prompt or key column, or that another run holds."""
        lock = JournalLock.acquire(path)
        try:
            entries = _read_entries(path) if path.exists() else []
            header = entries[0] if entries else _new_header(prompt=prompt, key_column=key_column)
            if header.get("type") != "batch" or header.get("version") != JOURNAL_VERSION:
                raise DustBatchError(f"{path} is not a dust batch journal (version {JOURNAL_VERSION})")
            for name, wanted in (("prompt", prompt), ("key_column", key_column)):
                if header.get(name) != wanted:
                    raise DustBatchError(
                        f"{path} belongs to a run with {name} {header.get(name)!r}, not {wanted!r}: "
                        "resume with the same options, or write to another output"
                    )
            try:
                state = JournalState(str(header["run_id"]))
                for entry in entries[1:]:
                    state.apply(entry)
            except (KeyError, TypeError, ValueError, ValidationError) as exc:
                raise DustBatchError(f"{path} has an invalid entry: {exc}") from None
            journal = cls(path, state, path.open("a", encoding="utf-8"), lock)
            if not entries:
                journal._write(header)
            return journal
        except BaseException:
            lock.release()
            raise

    def _write(self, entry: dict[str, Any], *, durable: bool = False) -> None:
        # One write call per line, then flush: a killed process leaves whole lines (a torn last line is
        # dropped when the journal is read again). A line that precedes a step which must not be repeated
        # (creating a conversation, posting, running an agent again) is also fsynced, so even a power cut
        # cannot make the next run forget that the step may have happened.
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        if durable:
            os.fsync(self._file.fileno())

    def _step(self, kind: str, task_id: TaskId, attempt: int, **details: Any) -> None:
        entry = {"type": kind, "key": task_id[0], "agent": task_id[1], "attempt": attempt, **details}
        self._write(entry, durable=True)
        self.state.apply(entry)

    def started(self, task_id: TaskId, attempt: int) -> None:
        """About to create the task's conversation."""
        self._step("start", task_id, attempt)

    def conversation(self, task_id: TaskId, attempt: int, conversation_id: str, url: str | None) -> None:
        """The task's conversation exists."""
        self._step("conversation", task_id, attempt, conversation_id=conversation_id, url=url)

    def retrying(self, task_id: TaskId, attempt: int, message_id: str) -> None:
        """About to run a failed agent message again."""
        self._step("retry", task_id, attempt, message_id=message_id)

    def finished(self, record: BatchRecord) -> None:
        """The task's final record."""
        entry = {"type": "done", "record": record.model_dump(mode="json")}
        self._write(entry)
        self.state.apply(entry)

    def close(self) -> None:
        try:
            self._file.close()
        finally:
            self._lock.release()


def _new_header(*, prompt: str, key_column: str | None) -> dict[str, Any]:
    return {
        "type": "batch",
        "version": JOURNAL_VERSION,
        "run_id": secrets.token_hex(4),
        "prompt": prompt,
        "key_column": key_column,
        "created": _now(),
    }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _read_entries(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    complete, _, torn = data.rpartition(b"\n")
    if torn:
        # The process died in the middle of a line: drop the fragment (its step is redone from the state).
        with path.open("r+b") as file:
            file.truncate(len(complete) + 1 if complete else 0)
    return json_lines(complete, path)


class OutputFile:
    """The records file (JSONL, or CSV with a header row): rewritten whole at start, then appended."""

    def __init__(self, path: Path, output_format: OutputFormat | None = None) -> None:
        self.path = path
        self.format: OutputFormat = output_format or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
        self._file: IO[str] | None = None

    def _serialize(self, records: Iterable[BatchRecord], header: bool) -> str:
        if self.format == "jsonl":
            return "".join(record.model_dump_json() + "\n" for record in records)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        if header:
            writer.writeheader()
        for record in records:
            writer.writerow(record.csv_row())
        return buffer.getvalue()

    def rewrite(self, records: Iterable[BatchRecord]) -> None:
        """Replace the file with exactly these records (atomically), and open it for appending."""
        self.close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(self._serialize(records, header=True), encoding="utf-8", newline="")
        os.replace(temporary, self.path)
        self._file = self.path.open("a", encoding="utf-8", newline="")

    def append(self, record: BatchRecord) -> None:
        """Add one record and flush it."""
        if self._file is None:
            raise RuntimeError("OutputFile.rewrite() opens the file; call it first")
        self._file.write(self._serialize([record], header=False))
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
