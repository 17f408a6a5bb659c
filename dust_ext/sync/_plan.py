"""The sync's decisions, without I/O: what the source wants and what the data source holds -> a plan of
creates, updates, deletes and skips, each with its reason.

The remote side is the truth: every document the sync writes carries three tags, ``dust-sync:managed``,
``dust-sync:scope:<scope>`` and ``dust-sync:sha256:<digest>`` where the digest covers everything the sync
sends that defines the document (text, title, MIME type, source URL, the user's tags, parents). A
document whose remote digest tag equals the source's is unchanged and nothing is sent, whichever machine
wrote it. Dust's own ``hash`` is not used: core (``core/src/data_sources/data_source.rs``, ``upsert``)
computes it with blake3 over the id, the text, the *timestamp*, the tags — including the ``title:`` tag the
front end adds and Dust's system tags — and the parents, but not the title, MIME type or source URL; it
cannot be predicted from the source and misses changes the sync must send.

Only documents that carry the marker and the same scope are ever deleted, and only when asked; a
document made by hand, by a connector or by another scope is never touched — not even when its id is
one the source wants (reported as a conflict, unless ``adopt`` is set).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from dust_ext.sync._source import DesiredDocument, DesiredFolder, DesiredTable, SkippedInput

__all__ = [
    "DIGEST_TAG_PREFIX",
    "MANAGED_TAG",
    "SCOPE_TAG_PREFIX",
    "ActionKind",
    "PlannedAction",
    "RemoteDocument",
    "SyncPlan",
    "digest_of",
    "plan_sync",
    "table_digest_of",
    "table_tags_for",
    "tags_for",
]

MANAGED_TAG = "dust-sync:managed"
#: Every folder id the sync makes starts with this (see ``folder_id_for_path``): the only folders it deletes.
FOLDER_ID_PREFIX = "dust-sync-folder-"
SCOPE_TAG_PREFIX = "dust-sync:scope:"
DIGEST_TAG_PREFIX = "dust-sync:sha256:"
#: Part of every digest: a change in what the sync sends (or how) makes every document differ once.
DIGEST_VERSION = "1"

ActionKind = Literal[
    "create",
    "update",
    "delete",
    "skip",
    "create_folder",
    "delete_folder",
    "create_table",
    "update_table",
    "delete_table",
]


@dataclass(frozen=True)
class RemoteDocument:
    """What the sync needs to know of a document the data source holds."""

    document_id: str
    tags: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()

    @property
    def managed(self) -> bool:
        """Whether a sync wrote it (it carries :data:`MANAGED_TAG`)."""
        return MANAGED_TAG in self.tags

    def scope(self) -> str | None:
        """The scope of the sync that wrote it, if any."""
        return next((t[len(SCOPE_TAG_PREFIX) :] for t in self.tags if t.startswith(SCOPE_TAG_PREFIX)), None)

    def digest(self) -> str | None:
        """The content digest the sync wrote with it, if any."""
        return next((t[len(DIGEST_TAG_PREFIX) :] for t in self.tags if t.startswith(DIGEST_TAG_PREFIX)), None)


@dataclass(frozen=True)
class PlannedAction:
    """One decision: ``kind`` on ``target_id`` (a document or folder id), because ``reason``.
    ``document`` / ``folder`` is what to write for a create or update."""

    kind: ActionKind
    target_id: str
    reason: str
    origin: str | None = None
    document: DesiredDocument | None = None
    folder: DesiredFolder | None = None
    table: DesiredTable | None = None

    @property
    def is_write(self) -> bool:
        """Whether running it sends a write (every kind but ``skip``)."""
        return self.kind != "skip"


@dataclass
class SyncPlan:
    """The actions in the order they run: folders first (parents before children), then documents,
    then folder deletions (before the documents they hold: a run killed in between still finds the
    folder through those documents' parents next time), then document deletions; skips last."""

    actions: list[PlannedAction] = field(default_factory=list)

    def of_kind(self, *kinds: ActionKind) -> list[PlannedAction]:
        """The actions of these kinds, in order."""
        return [action for action in self.actions if action.kind in kinds]

    def counts(self) -> dict[str, int]:
        """How many actions of each kind."""
        counts: dict[str, int] = {}
        for action in self.actions:
            counts[action.kind] = counts.get(action.kind, 0) + 1
        return counts


def digest_of(document: DesiredDocument) -> str:
    """The sha256 of everything that defines the document as sent (its timestamp excluded: touching a
    file does not make it change)."""
    canonical = json.dumps(
        [
            DIGEST_VERSION,
            document.text,
            document.title,
            document.mime_type,
            document.source_url,
            sorted(document.tags),
            list(document.parents),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def table_digest_of(table: DesiredTable) -> str:
    """The sha256 of everything that defines a table as sent (the CSV's bytes, names, tags, parents)."""
    canonical = json.dumps(
        [
            DIGEST_VERSION,
            "table",
            hashlib.sha256(table.data).hexdigest(),
            table.name,
            table.title,
            table.description,
            table.source_url,
            sorted(table.tags),
            list(table.parents),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _tags(user_tags: Iterable[str], scope: str, digest: str) -> list[str]:
    mine = [tag for tag in dict.fromkeys(user_tags) if not tag.startswith("dust-sync:")]
    return [*mine, MANAGED_TAG, SCOPE_TAG_PREFIX + scope, DIGEST_TAG_PREFIX + digest]


def tags_for(document: DesiredDocument, scope: str) -> list[str]:
    """The tags sent with a document: the user's, then the sync's marker, scope and digest."""
    return _tags(document.tags, scope, digest_of(document))


def table_tags_for(table: DesiredTable, scope: str) -> list[str]:
    """The tags sent with a table, as :func:`tags_for`."""
    return _tags(table.tags, scope, table_digest_of(table))


@dataclass(frozen=True)
class _Wanted:
    node_id: str
    digest: str
    origin: str
    document: DesiredDocument | None = None
    table: DesiredTable | None = None

    def write(self, kind: ActionKind, reason: str) -> PlannedAction:
        return PlannedAction(
            kind, self.node_id, reason, self.origin, document=self.document, table=self.table
        )


def _plan_nodes(
    wanted: Sequence[_Wanted],
    remote_by_id: dict[str, RemoteDocument],
    kept_ids: set[str],
    kinds: tuple[ActionKind, ActionKind, ActionKind],
    noun: str,
    *,
    scope: str,
    delete: bool,
    adopt: bool,
) -> tuple[list[PlannedAction], list[PlannedAction], list[PlannedAction]]:
    """(writes, deletes, skips) for documents or tables: ``kinds`` names their create, update, delete."""
    create, update, remove = kinds
    writes: list[PlannedAction] = []
    skips: list[PlannedAction] = []
    for item in wanted:
        existing = remote_by_id.get(item.node_id)
        if existing is None:
            writes.append(item.write(create, "new"))
        elif existing.managed and existing.scope() == scope:
            if existing.digest() == item.digest:
                skips.append(PlannedAction("skip", item.node_id, "unchanged", item.origin))
            else:
                writes.append(item.write(update, "changed"))
        elif adopt:
            writes.append(item.write(update, "adopted (was not written by this sync)"))
        else:
            owner = f"sync scope {existing.scope()!r}" if existing.managed else "not written by dust sync"
            reason = (
                f"conflict: a {noun} with this id exists ({owner}); left as it is (--adopt takes it over)"
            )
            skips.append(PlannedAction("skip", item.node_id, reason, item.origin))

    wanted_ids = {item.node_id for item in wanted}
    deletes: list[PlannedAction] = []
    for node_id, existing in sorted(remote_by_id.items()):
        if not (existing.managed and existing.scope() == scope) or node_id in wanted_ids:
            continue
        if node_id in kept_ids:
            skips.append(PlannedAction("skip", node_id, "kept: its source cannot be read now"))
        elif delete:
            deletes.append(PlannedAction(remove, node_id, "gone from the source"))
        else:
            skips.append(PlannedAction("skip", node_id, "gone from the source (kept: no --delete)"))
    return writes, deletes, skips


def plan_sync(
    documents: Sequence[DesiredDocument],
    folders: Sequence[DesiredFolder],
    skipped: Sequence[SkippedInput],
    remote: Iterable[RemoteDocument],
    *,
    scope: str,
    delete: bool = False,
    adopt: bool = False,
    tables: Sequence[DesiredTable] = (),
    remote_tables: Iterable[RemoteDocument] = (),
) -> SyncPlan:
    """Compare the source with the data source's documents (and tables) and decide, for each, what to send."""
    remote_by_id = {document.document_id: document for document in remote}
    tables_by_id = {table.document_id: table for table in remote_tables}
    kept_ids = {item.document_id for item in skipped if item.document_id is not None}

    document_writes, document_deletes, skips = _plan_nodes(
        [_Wanted(d.document_id, digest_of(d), d.origin, document=d) for d in documents],
        remote_by_id,
        kept_ids,
        ("create", "update", "delete"),
        "document",
        scope=scope,
        delete=delete,
        adopt=adopt,
    )
    table_writes, table_deletes, table_skips = _plan_nodes(
        [_Wanted(t.table_id, table_digest_of(t), t.origin, table=t) for t in tables],
        tables_by_id,
        kept_ids,
        ("create_table", "update_table", "delete_table"),
        "table",
        scope=scope,
        delete=delete,
        adopt=adopt,
    )

    # Folders are not listed by the public API: one the data source holds shows in its nodes' parents.
    nodes = [*remote_by_id.values(), *tables_by_id.values()]
    known_folders = {parent for node in nodes for parent in node.parents[1:]}
    wanted_folders = {folder.folder_id for folder in folders}
    folder_writes = [
        PlannedAction("create_folder", folder.folder_id, "new folder", folder.origin, folder=folder)
        for folder in folders
        if folder.folder_id not in known_folders
    ]
    deleted_ids = {action.target_id for action in (*document_deletes, *table_deletes)}
    by_id = {**remote_by_id, **tables_by_id}
    stale_folders = {
        parent
        for node_id in deleted_ids
        for parent in by_id[node_id].parents[1:]
        if parent.startswith(FOLDER_ID_PREFIX)
    }
    still_used = {
        parent for node in nodes if node.document_id not in deleted_ids for parent in node.parents[1:]
    }
    folder_deletes = [
        PlannedAction("delete_folder", folder_id, "no document left in it")
        for folder_id in sorted(stale_folders - wanted_folders - still_used)
    ]

    input_skips = [
        PlannedAction("skip", item.document_id or item.origin, item.reason, item.origin) for item in skipped
    ]
    return SyncPlan(
        [
            *folder_writes,
            *document_writes,
            *table_writes,
            *folder_deletes,
            *document_deletes,
            *table_deletes,
            *skips,
            *table_skips,
            *input_skips,
        ]
    )
