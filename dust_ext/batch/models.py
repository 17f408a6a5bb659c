"""What a batch run produces: one :class:`BatchRecord` per row x agent, progress snapshots and a summary."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CSV_COLUMNS", "BatchProgress", "BatchRecord", "BatchSummary"]


class BatchRecord(BaseModel):
    """One output record: a row's answer from one agent, or why it failed.

    ``time_to_first_token`` is seconds from posting the message (or running it again) to the reply's first
    token, ``duration`` seconds from when this run picked the row up to its end. ``resumed`` is true when an
    earlier run had started the row (it was completed from its conversation). ``attempts`` counts the tries
    of the row across runs (a rate-limit wait is not a try).
    """

    model_config = ConfigDict(frozen=True)

    key: str
    row: int
    agent: str
    status: Literal["ok", "failed"]
    reply: str | None = None
    actions: list[dict[str, Any]] = Field(default_factory=list)
    conversation_id: str | None = None
    conversation_url: str | None = None
    time_to_first_token: float | None = None
    duration: float | None = None
    attempts: int = 1
    error_type: str | None = None
    error_message: str | None = None
    resumed: bool = False
    finished_at: str = ""

    @property
    def ok(self) -> bool:
        """True when the agent answered."""
        return self.status == "ok"

    def csv_row(self) -> dict[str, str]:
        """The record as CSV cells (actions as JSON; missing values empty)."""
        cells = self.model_dump()
        cells["actions"] = json.dumps(self.actions, ensure_ascii=False) if self.actions else None
        return {name: "" if value is None else str(value) for name, value in cells.items()}


CSV_COLUMNS: tuple[str, ...] = tuple(BatchRecord.model_fields)
"""The CSV output's header, in order."""


class BatchProgress(BaseModel):
    """A snapshot of a running batch (given to ``on_progress`` after each record and each slowdown).

    ``done`` counts records written, including those of earlier runs of the same output (``resumed_done``);
    ``rate`` is records per second in this run; ``concurrency`` the number of rows the runner currently
    allows in flight (it halves on a rate limit and grows back), ``in_flight`` how many are.
    """

    model_config = ConfigDict(frozen=True)

    total: int
    done: int
    ok: int
    failed: int
    resumed_done: int = 0
    in_flight: int = 0
    concurrency: int = 0
    rate_limited: int = 0
    elapsed: float = 0.0
    rate: float = 0.0
    eta: float | None = None

    @property
    def remaining(self) -> int:
        """Tasks not yet written."""
        return self.total - self.done


class BatchSummary(BaseModel):
    """The outcome of a ``client.batch.run`` that went to its end: counts, and where the records are.

    A run that stops early returns no summary: it raises (``KeyboardInterrupt`` on Ctrl-C, or the fatal
    :class:`~dust_ext.exceptions.DustError`, such as an invalid key or an exhausted quota); run it again to
    resume. So ``interrupted`` is always false and ``stopped_by`` always ``None``: the runner never sets
    them, they are kept so that code reading them goes on working.
    """

    total: int
    ok: int
    failed: int
    skipped: int
    """Tasks finished by earlier runs of the same output, not run again."""
    output: str
    journal: str
    elapsed: float
    rate_limited: int = 0
    interrupted: bool = False
    stopped_by: str | None = None

    @property
    def done(self) -> int:
        """Tasks with a record (this run's and earlier runs')."""
        return self.ok + self.failed

    @property
    def complete(self) -> bool:
        """Every task has a record and none failed."""
        return not self.interrupted and self.failed == 0 and self.done == self.total
