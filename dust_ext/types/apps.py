"""Dust apps (programmable workflows of blocks) and their runs."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dust_ext.types._base import DustModel, EpochMs
from dust_ext.types.spaces import Space


class App(DustModel):
    """A Dust app: a programmable workflow of blocks (LLM calls, code, data source searches…).
    ``savedSpecification`` is the app's current specification; running it needs its hash."""

    sId: str
    id: int | None = None
    name: str | None = None
    description: str | None = None
    savedSpecification: str | None = None
    savedConfig: str | None = None
    savedRun: str | None = None
    dustAPIProjectId: str | None = None
    space: Space | None = None


class RunStatus(DustModel):
    """Where a run is: ``run`` is ``running``, ``succeeded`` or ``errored``; ``blocks`` per block."""

    run: str | None = None
    build: str | None = None
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class Run(DustModel):
    """An app run. ``results`` holds, per input, the output of the app's last block
    (``[{"value": ..., "error": ...}]``); ``traces`` the outputs of every block, each
    ``[[block_type, block_name], [outputs of input 0, outputs of input 1, ...]]``."""

    run_id: str
    app_id: str | None = None
    created: EpochMs | None = None
    run_type: str | None = None
    config: dict[str, Any] | None = None
    status: RunStatus | None = None
    traces: list[Any] = Field(default_factory=list)
    specification_hash: str | None = None
    results: list[list[dict[str, Any]]] | None = None

    @property
    def finished(self) -> bool:
        """Whether the run has stopped (succeeded or errored)."""
        return self.status is not None and self.status.run in {"succeeded", "errored"}

    @property
    def succeeded(self) -> bool:
        """Whether the run completed without error."""
        return self.status is not None and self.status.run == "succeeded"
