"""The emulator's knowledge state beyond documents: tables and rows, folders, data source views, apps, runs.

It hangs off each :class:`~dust_ext.testing._state.Workspace` (``knowledge_of(workspace)``) without changing
that class: the emulator's reset replaces workspaces, and their knowledge goes with them. Like the rest of
the state it is only touched from the server's event loop.

Seeds: every data source gets a *default view* in its space (``dsv_<name>``), and the global space holds
one Dust app, ``app_echo``, whose runs echo their inputs (see :class:`StoredRun`).
"""

from __future__ import annotations

import hashlib
import json
import re
import weakref
from dataclasses import dataclass, field
from typing import Any

from dust_ext.testing._state import DataSource, Workspace, now_ms

JSONObject = dict[str, Any]

ECHO_APP_ID = "app_echo"
ECHO_APP_SPECIFICATION = (
    'input INPUT {}\n\ncode ECHO {\n  code: "_fun = (env) => ({ echo: env.state.INPUT });"\n}\n'
)
ECHO_APP_HASH = hashlib.sha256(ECHO_APP_SPECIFICATION.encode()).hexdigest()
ECHO_APP_CONFIG = {"INPUT": {"dataset": "inputs"}}


def _value_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, dict):
        return "datetime"
    return "text"


@dataclass
class StoredTable:
    """A table of a data source and its rows (``row_id`` → value object), in upsert order."""

    table_id: str
    data_source_id: str
    name: str
    description: str
    title: str
    timestamp: int
    tags: list[str]
    parents: list[str]
    parent_id: str | None
    mime_type: str
    source_url: str | None
    rows: dict[str, JSONObject] = field(default_factory=dict)
    created: int = field(default_factory=now_ms)

    def schema(self) -> list[JSONObject] | None:
        """Columns inferred from the rows, in first-seen order; ``text`` wins when types disagree."""
        if not self.rows:
            return None
        kinds: dict[str, str] = {}
        for value in self.rows.values():
            for column, cell in value.items():
                if cell is None:
                    kinds.setdefault(column, "text")
                    continue
                kind = _value_type(cell)
                previous = kinds.get(column)
                if previous is None:
                    kinds[column] = kind
                elif previous != kind:
                    kinds[column] = "float" if {previous, kind} == {"int", "float"} else "text"
        return [{"name": name, "value_type": kind, "possible_values": None} for name, kind in kinds.items()]

    def to_json(self) -> JSONObject:
        return {
            "table_id": self.table_id,
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "schema": self.schema(),
            "timestamp": self.timestamp,
            "tags": list(self.tags),
            "parents": list(self.parents),
            "parent_id": self.parent_id,
            "mime_type": self.mime_type,
            "data_source_id": self.data_source_id,
            "created": self.created,
            "source_url": self.source_url,
        }


@dataclass
class StoredFolder:
    """A folder node of a data source."""

    folder_id: str
    data_source_id: str
    title: str
    parents: list[str]
    parent_id: str | None
    mime_type: str
    source_url: str | None
    timestamp: int
    provider_visibility: str | None

    def to_json(self) -> JSONObject:
        return {
            "folder_id": self.folder_id,
            "data_source_id": self.data_source_id,
            "title": self.title,
            "parents": list(self.parents),
            "parent_id": self.parent_id,
            "mime_type": self.mime_type,
            "source_url": self.source_url,
            "timestamp": self.timestamp,
            "provider_visibility": self.provider_visibility,
        }


@dataclass
class StoredView:
    """A data source view: a data source exposed in a space, restricted to ``parents_in`` if set."""

    id: int
    sId: str
    space_id: str
    data_source_id: str
    kind: str
    parents_in: list[str] | None = None
    created: int = field(default_factory=now_ms)
    updated: int = field(default_factory=now_ms)

    def exposes(self, parents: list[str]) -> bool:
        """Whether a node with these parents (itself first) is inside the view."""
        return self.parents_in is None or bool(set(self.parents_in) & set(parents))

    def to_json(self, data_source: DataSource) -> JSONObject:
        return {
            "category": "folder",
            "createdAt": self.created,
            "dataSource": data_source.to_json(),
            "editedByUser": None,
            "id": self.id,
            "kind": self.kind,
            "parentsIn": list(self.parents_in) if self.parents_in is not None else None,
            "sId": self.sId,
            "updatedAt": self.updated,
            "spaceId": self.space_id,
        }


@dataclass
class StoredApp:
    """A Dust app; the emulator knows one specification per app; its runs are :class:`StoredRun`."""

    id: int
    sId: str
    name: str
    description: str
    space_id: str
    specification: str
    specification_hash: str
    config: JSONObject

    def to_json(self, space: JSONObject) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "name": self.name,
            "description": self.description,
            "savedSpecification": self.specification,
            "savedConfig": json.dumps(self.config),
            "savedRun": None,
            "dustAPIProjectId": f"emulator-app-project-{self.id}",
            "space": space,
        }


@dataclass
class StoredRun:
    """An app run; a non-blocking run reports ``running`` until it is read once (then ``succeeded``)."""

    run_id: str
    app_id: str
    config: JSONObject
    specification_hash: str
    inputs: list[JSONObject]
    status: str
    block_filter: list[str] | None
    created: int = field(default_factory=now_ms)

    def block_outputs(self) -> list[tuple[str, str, list[Any]]]:
        """``(block_type, name, output per input)`` of the echo app's blocks, in execution order."""
        return [
            ("input", "INPUT", list(self.inputs)),
            ("code", "ECHO", [{"echo": item} for item in self.inputs]),
        ]

    def to_json(self) -> JSONObject:
        done = self.status == "succeeded"
        outputs = [[{"value": {"echo": item}, "error": None}] for item in self.inputs]
        # One trace per block, as Dust's core answers: [[block_type, name], per input [{value, error}]].
        traces: list[Any] = [
            [[kind, name], [[{"value": value, "error": None}] for value in values]]
            for kind, name, values in self.block_outputs()
            if self.block_filter is None or name in self.block_filter
        ]
        blocks = [
            _block_status(kind, name, self.status, len(self.inputs) if done else 0)
            for kind, name, _ in self.block_outputs()
        ]
        return {
            "run_id": self.run_id,
            "app_id": self.app_id,
            "created": self.created,
            "run_type": "deploy",
            "config": {"blocks": self.config},
            "status": {"run": self.status, "build": "succeeded", "blocks": blocks},
            "traces": traces if done else [],
            "specification_hash": self.specification_hash,
            "results": outputs if done else None,
        }

    def stream_events(self) -> list[JSONObject]:
        """The events of this run streamed (``stream: true``), as Dust's core emits them: ``run_status``
        running (with the run id), then per block ``block_status`` running, its ``block_execution`` (per
        input, per map iteration: ``{"value", "error", "meta"}``) and ``block_status`` succeeded, then
        ``run_status`` succeeded and ``final``.

        The ECHO block also streams its output's JSON text as one ``tokens`` event per input before its
        execution — the way an LLM block streams — so clients exercise token events without an LLM."""
        count = len(self.inputs)
        events: list[JSONObject] = [_event("run_status", {"status": "running", "run_id": self.run_id})]
        for kind, name, values in self.block_outputs():
            events.append(_event("block_status", _block_status(kind, name, "running", 0)))
            if name == "ECHO":
                events.extend(
                    _event(
                        "tokens",
                        {
                            "block_type": kind,
                            "block_name": name,
                            "input_index": index,
                            "map": None,
                            "tokens": {"text": json.dumps(value, separators=(",", ":"))},
                        },
                    )
                    for index, value in enumerate(values)
                )
            execution = [[{"value": value, "error": None, "meta": None}] for value in values]
            events.append(
                _event("block_execution", {"block_type": kind, "block_name": name, "execution": execution})
            )
            events.append(_event("block_status", _block_status(kind, name, "succeeded", count)))
        events.append(_event("run_status", {"status": "succeeded", "run_id": self.run_id}))
        events.append({"type": "final"})
        return events


def _event(event_type: str, content: JSONObject) -> JSONObject:
    return {"type": event_type, "content": content}


def _block_status(kind: str, name: str, status: str, successes: int) -> JSONObject:
    return {
        "block_type": kind,
        "name": name,
        "status": status,
        "success_count": successes,
        "error_count": 0,
    }


@dataclass
class Knowledge:
    """One workspace's tables, folders, views, apps and runs."""

    tables: dict[str, dict[str, StoredTable]] = field(default_factory=dict)
    folders: dict[str, dict[str, StoredFolder]] = field(default_factory=dict)
    views: dict[str, StoredView] = field(default_factory=dict)
    apps: dict[str, StoredApp] = field(default_factory=dict)
    runs: dict[str, StoredRun] = field(default_factory=dict)
    writes: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per data source, how many writes it received by kind (``document.upsert``, ``document.delete``,
    ``folder.upsert``, ``folder.delete``, ``table.upsert``...): what a test asserts "nothing sent" on."""

    def count_write(self, data_source_id: str, kind: str) -> None:
        counts = self.writes.setdefault(data_source_id, {})
        counts[kind] = counts.get(kind, 0) + 1

    def tables_of(self, data_source_id: str) -> dict[str, StoredTable]:
        return self.tables.setdefault(data_source_id, {})

    def folders_of(self, data_source_id: str) -> dict[str, StoredFolder]:
        return self.folders.setdefault(data_source_id, {})


_KNOWLEDGE: dict[int, Knowledge] = {}


def knowledge_of(workspace: Workspace) -> Knowledge:
    """The workspace's knowledge state, created (with its seeds) on first use; default views are added for
    data sources created since, so a data source added by a test has its view too."""
    key = id(workspace)
    knowledge = _KNOWLEDGE.get(key)
    if knowledge is None:
        knowledge = Knowledge()
        _KNOWLEDGE[key] = knowledge
        # Dropped with the workspace, so a later workspace reusing the id() starts afresh.
        weakref.finalize(workspace, _KNOWLEDGE.pop, key, None)
        _seed_apps(workspace, knowledge)
    _add_default_views(workspace, knowledge)
    return knowledge


def default_view_id(data_source_id: str) -> str:
    return "dsv_" + re.sub(r"^dts_", "", data_source_id)


def _add_default_views(workspace: Workspace, knowledge: Knowledge) -> None:
    for data_source in workspace.data_sources.values():
        view_id = default_view_id(data_source.sId)
        if view_id in knowledge.views:
            continue
        knowledge.views[view_id] = StoredView(
            id=data_source.id,
            sId=view_id,
            space_id=data_source.space_id,
            data_source_id=data_source.sId,
            kind="default",
        )


def _seed_apps(workspace: Workspace, knowledge: Knowledge) -> None:
    space_id = next((space.sId for space in workspace.spaces.values() if space.kind == "global"), None)
    if space_id is None:
        return
    knowledge.apps[ECHO_APP_ID] = StoredApp(
        id=workspace.ids.next_int(),
        sId=ECHO_APP_ID,
        name="echo",
        description="Echoes each input back (an emulated Dust app).",
        space_id=space_id,
        specification=ECHO_APP_SPECIFICATION,
        specification_hash=ECHO_APP_HASH,
        config=ECHO_APP_CONFIG,
    )


_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])", re.UNICODE)


def tokenize(text: str) -> list[list[Any]]:
    """Deterministic tokens ``[id, text]``: words and punctuation, each with its leading spaces."""
    tokens: list[list[Any]] = []
    for match in _TOKEN.finditer(text):
        piece = match.group(0)
        token_id = int(hashlib.sha256(piece.encode()).hexdigest()[:8], 16) % 100_000
        tokens.append([token_id, piece])
    return tokens
