"""What a sync reports: every decision with its outcome, the counts, and progress snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["SyncActionResult", "SyncProgress", "SyncReport"]

ActionStatus = Literal["planned", "done", "failed", "skipped"]


class SyncActionResult(BaseModel):
    """One decision of the plan and what became of it.

    ``kind``: ``create``, ``update``, ``delete``, ``create_folder``, ``delete_folder`` or ``skip``;
    ``target_id``: the document or folder id (or the input's path for an input that names none);
    ``origin``: the file's relative path or ``<dataset>:<row>``; ``status``: ``planned`` (dry run),
    ``done``, ``failed`` (``error`` says why) or ``skipped``.
    """

    model_config = ConfigDict(frozen=True)

    kind: str
    target_id: str
    reason: str
    origin: str | None = None
    status: ActionStatus
    error: str | None = None


class SyncReport(BaseModel):
    """The outcome of one sync run (``dry_run``: the plan, nothing sent)."""

    dry_run: bool
    scope: str
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0
    """Inputs and documents left as they are for another reason than being unchanged (see ``actions``)."""
    failed: int = 0
    folders_created: int = 0
    folders_deleted: int = 0
    ignored: int = 0
    """Paths left out on purpose (hidden, ``.gitignore``d, excluded)."""
    remote_documents: int = 0
    """How many documents the data source held when the run started."""
    writes: int = 0
    """Write requests that succeeded."""
    rate_limited: int = 0
    """429 answers received (each waited out and tried again)."""
    elapsed: float = 0.0
    actions: list[SyncActionResult] = []

    @property
    def ok(self) -> bool:
        """Whether every planned write succeeded."""
        return self.failed == 0


@dataclass(frozen=True)
class SyncProgress:
    """A snapshot for ``on_progress``: ``done`` of ``total`` writes finished (``failed`` among them)."""

    done: int
    total: int
    failed: int
    rate_limited: int
    per_minute: float
    """The write rate the sync is pacing itself to now."""
