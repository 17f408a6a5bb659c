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

from dust_ext.sync._source import DesiredDocument, DesiredFolder, SkippedInput

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
    "tags_for",
]

MANAGED_TAG = "dust-sync:managed"
SCOPE_TAG_PREFIX = "dust-sync:scope:"
DIGEST_TAG_PREFIX = "dust-sync:sha256:"
#: Part of every digest: a change in what the sync sends (or how) makes every document differ once.
DIGEST_VERSION = "1"

ActionKind = Literal["create", "update", "delete", "skip", "create_folder", "delete_folder"]


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


def tags_for(document: DesiredDocument, scope: str) -> list[str]:
    """The tags sent with a document: the user's, then the sync's marker, scope and digest."""
    user_tags = [tag for tag in dict.fromkeys(document.tags) if not tag.startswith("dust-sync:")]
    return [*user_tags, MANAGED_TAG, SCOPE_TAG_PREFIX + scope, DIGEST_TAG_PREFIX + digest_of(document)]


def plan_sync(
    documents: Sequence[DesiredDocument],
    folders: Sequence[DesiredFolder],
    skipped: Sequence[SkippedInput],
    remote: Iterable[RemoteDocument],
    *,
    scope: str,
    delete: bool = False,
    adopt: bool = False,
) -> SyncPlan:
    """Compare the source with the data source's documents and decide, for each, what to send."""
    remote_by_id = {document.document_id: document for document in remote}
    ours = {
        document_id: document
        for document_id, document in remote_by_id.items()
        if document.managed and document.scope() == scope
    }
    wanted_ids = {document.document_id for document in documents}
    kept_ids = {item.document_id for item in skipped if item.document_id is not None}

    folder_actions: list[PlannedAction] = []
    # Folders are not listed by the public API: one the data source holds shows in its documents' parents.
    known_folders = {parent for document in remote_by_id.values() for parent in document.parents[1:]}
    wanted_folders = {folder.folder_id for folder in folders}
    for folder in folders:
        if folder.folder_id not in known_folders:
            folder_actions.append(
                PlannedAction("create_folder", folder.folder_id, "new folder", folder.origin, folder=folder)
            )

    document_actions: list[PlannedAction] = []
    skip_actions: list[PlannedAction] = []
    for document in documents:
        existing = remote_by_id.get(document.document_id)
        if existing is None:
            document_actions.append(
                PlannedAction("create", document.document_id, "new", document.origin, document=document)
            )
        elif existing.managed and existing.scope() == scope:
            if existing.digest() == digest_of(document):
                skip_actions.append(PlannedAction("skip", document.document_id, "unchanged", document.origin))
            else:
                document_actions.append(
                    PlannedAction(
                        "update", document.document_id, "changed", document.origin, document=document
                    )
                )
        elif adopt:
            document_actions.append(
                PlannedAction(
                    "update",
                    document.document_id,
                    "adopted (was not written by this sync)",
                    document.origin,
                    document=document,
                )
            )
        else:
            owner = f"sync scope {existing.scope()!r}" if existing.managed else "not written by dust sync"
            skip_actions.append(
                PlannedAction(
                    "skip",
                    document.document_id,
                    f"conflict: a document with this id exists ({owner}); left as it is (--adopt takes it over)",
                    document.origin,
                )
            )

    delete_actions: list[PlannedAction] = []
    stale_folders: set[str] = set()
    for document_id, existing in sorted(ours.items()):
        if document_id in wanted_ids:
            continue
        if document_id in kept_ids:
            skip_actions.append(PlannedAction("skip", document_id, "kept: its source cannot be read now"))
            continue
        if delete:
            delete_actions.append(PlannedAction("delete", document_id, "gone from the source"))
            stale_folders.update(
                parent for parent in existing.parents[1:] if parent.startswith("dust-sync-folder-")
            )
        else:
            skip_actions.append(
                PlannedAction("skip", document_id, "gone from the source (kept: no --delete)")
            )
    deleted_ids = {action.target_id for action in delete_actions}
    still_used = {
        parent
        for document in remote_by_id.values()
        if document.document_id not in deleted_ids
        for parent in document.parents[1:]
    }
    folder_deletes = [
        PlannedAction("delete_folder", folder_id, "no document left in it")
        for folder_id in sorted(stale_folders - wanted_folders - still_used)
    ]

    for item in skipped:
        skip_actions.append(PlannedAction("skip", item.document_id or item.origin, item.reason, item.origin))

    return SyncPlan([*folder_actions, *document_actions, *folder_deletes, *delete_actions, *skip_actions])
