"""What a batch run has to do, decided before any request: the rows, their keys, the prompt each row sends,
the shard this process owns, and the (row, agent) tasks. Pure functions over data; no I/O except reading
the input file.

A row's *key* names it in the output and in the journal: the value of ``key_column`` when given, else the
row's 1-based position in the input. Keys must be unique, because resuming skips a finished key.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dust_ext.exceptions import DustBatchError

__all__ = ["BatchRow", "BatchTask", "PromptSpec", "Shard", "json_lines", "plan_tasks", "read_rows"]


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based, like ``--shard 2/4``): the rows whose key hashes to it."""

    index: int
    count: int

    @classmethod
    def parse(cls, value: str | tuple[int, int] | Shard | None) -> Shard | None:
        """``"2/4"``, ``(2, 4)`` or a Shard; None means the whole input."""
        if value is None or isinstance(value, Shard):
            return value
        if isinstance(value, str):
            try:
                index, count = map(int, value.split("/"))
            except ValueError:
                raise DustBatchError(f"shard {value!r} must look like i/n, e.g. 1/4") from None
        else:
            index, count = value
        if count < 1 or not 1 <= index <= count:
            raise DustBatchError(f"shard {index}/{count}: need 1 <= i <= n")
        return cls(index, count)

    def owns(self, key: str) -> bool:
        """Whether this shard runs the row with this key (a stable hash, the same on every machine)."""
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


@dataclass(frozen=True)
class BatchRow:
    """One input row: its 1-based position, its key and its fields."""

    position: int
    key: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class BatchTask:
    """One unit of work: a row sent to one agent, with the prompt and attachment rendered."""

    row: BatchRow
    agent: str
    prompt: str
    attachment: str | None
    attachment_title: str | None

    @property
    def id(self) -> tuple[str, str]:
        """(row key, agent): what the journal and the output identify a task by."""
        return (self.row.key, self.agent)


@dataclass(frozen=True)
class PromptSpec:
    """Where a row's prompt comes from: a template over its fields (``"Classify: {body}"``) or a column."""

    template: str | None = None
    column: str | None = None

    def __post_init__(self) -> None:
        if (self.template is None) == (self.column is None):
            raise DustBatchError("give a prompt template (prompt=...) or a prompt column (prompt_column=...)")

    @property
    def description(self) -> str:
        """A stable text recorded in the journal, to refuse resuming with a different prompt."""
        return f"template:{self.template}" if self.template is not None else f"column:{self.column}"

    def render(self, row: BatchRow) -> str:
        if self.column is not None:
            value = _cell(row.fields, self.column)
            if value is None:
                raise DustBatchError(
                    f"row {row.position} (key {row.key!r}) has no {self.column!r} value to send as the prompt"
                    f"; its fields: {', '.join(map(str, row.fields)) or 'none'}"
                )
            return value
        assert self.template is not None
        try:
            text = self.template.format_map(row.fields)
        except (KeyError, IndexError, AttributeError) as exc:
            raise DustBatchError(
                f"row {row.position} (key {row.key!r}): the prompt template needs {exc} but the row has "
                f"only {', '.join(map(str, row.fields)) or 'no fields'}"
            ) from None
        except ValueError as exc:
            raise DustBatchError(f"the prompt template {self.template!r} is not valid: {exc}") from None
        if not text.strip():
            raise DustBatchError(f"row {row.position} (key {row.key!r}) renders an empty prompt")
        return text


Source = str | Path | Iterable[Mapping[str, Any]]
"""A ``.csv`` or ``.jsonl`` path, or rows as mappings."""


def read_rows(source: Source) -> list[dict[str, Any]]:
    """The input rows: a ``.csv`` file (header row), a ``.jsonl``/``.ndjson`` file (one object a line), or
    any iterable of mappings (rows built in Python)."""
    if not isinstance(source, str | Path):
        rows = []
        for position, item in enumerate(source, start=1):
            if not isinstance(item, Mapping):
                raise DustBatchError(f"row {position} is a {type(item).__name__}, not a mapping of fields")
            rows.append(dict(item))
        return rows
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".jsonl", ".ndjson", ".json"}:
        raise DustBatchError(f"the input {str(path)!r} must be a .csv or .jsonl file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DustBatchError(f"cannot read the input {str(path)!r}: {exc.strerror or exc}") from None
    if suffix != ".csv":
        return json_lines(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DustBatchError(f"the input {str(path)!r} is not UTF-8 text: {exc}") from None
    # Line endings untranslated (newline="", as the csv module asks): the reader itself finds the records'
    # ends outside quotes, so a quoted field keeps its "\r\n" (str.splitlines would also cut at U+2028...).
    return [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""))]


def json_lines(data: bytes, path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file (an input, a journal), split at line feeds only: a carriage return
    before one is JSON whitespace, and a JSON string may hold U+2028 or U+0085 unescaped."""
    objects = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8-sig"))
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError too
            raise DustBatchError(f"{path}:{number} is not valid UTF-8 JSON: {exc}") from None
        if not isinstance(value, dict):
            raise DustBatchError(f"{path}:{number} is a JSON {type(value).__name__}, not an object")
        objects.append(value)
    return objects


def _cell(fields: Mapping[str, Any], column: str) -> str | None:
    """A row's value in ``column`` as text, or None when it has none (missing or empty)."""
    value = fields.get(column)
    return None if value is None or value == "" else str(value)


def _keyed_rows(rows: Sequence[Mapping[str, Any]], key_column: str | None) -> list[BatchRow]:
    keyed: list[BatchRow] = []
    seen: dict[str, int] = {}
    for position, fields in enumerate(rows, start=1):
        key = str(position) if key_column is None else _cell(fields, key_column)
        if key is None:
            raise DustBatchError(f"row {position} has no {key_column!r} value to use as its key")
        if key in seen:
            raise DustBatchError(
                f"rows {seen[key]} and {position} have the same key {key!r}: keys must be unique, "
                "because a resumed run skips finished keys"
            )
        seen[key] = position
        keyed.append(BatchRow(position, key, fields))
    return keyed


def plan_tasks(
    rows: Sequence[Mapping[str, Any]],
    agents: Sequence[str],
    prompt: PromptSpec,
    *,
    key_column: str | None = None,
    attach_column: str | None = None,
    attach_title: str | None = None,
    shard: Shard | None = None,
) -> list[BatchTask]:
    """Every (row, agent) task of this shard, in input order (each row through each agent in turn).

    Every prompt is rendered here, so a template naming a missing field fails before anything is sent."""
    if not agents or any(not agent for agent in agents):
        raise DustBatchError("name at least one agent (its sId, e.g. 'dust')")
    if len(set(agents)) != len(agents):
        raise DustBatchError(f"agents are listed twice: {', '.join(agents)}")
    tasks: list[BatchTask] = []
    for row in _keyed_rows(rows, key_column):
        if shard is not None and not shard.owns(row.key):
            continue
        text = prompt.render(row)
        attachment = None if attach_column is None else _cell(row.fields, attach_column)
        title = attach_title or attach_column
        tasks.extend(BatchTask(row, agent, text, attachment, title) for agent in agents)
    return tasks
