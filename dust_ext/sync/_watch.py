"""``dust sync --watch``: sync again whenever the folder changes (needs the ``watch`` extra: watchfiles).

Each change set (watchfiles debounces bursts of writes into one) starts an ordinary sync, which lists the
data source and sends only what changed, so a missed or duplicated file event costs nothing but a listing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dust_ext.exceptions import DustConfigError
from dust_ext.sync.models import SyncReport

__all__ = ["watch_and_sync"]


def watch_and_sync(
    folder: Path,
    run_once: Callable[[], SyncReport],
    *,
    on_report: Callable[[SyncReport], Any] | None = None,
    stop_event: threading.Event | None = None,
    debounce_ms: int = 1600,
) -> None:
    """Run ``run_once`` now, then after each batch of changes under ``folder``, until ``stop_event`` is set
    (or Ctrl-C). ``on_report`` receives each run's report."""
    try:
        import watchfiles
    except ImportError:
        raise DustConfigError(
            "--watch needs the watchfiles package: pip install 'dust-python[watch]'"
        ) from None
    report = run_once()
    if on_report is not None:
        on_report(report)
    for _changes in watchfiles.watch(
        folder, stop_event=stop_event, debounce=debounce_ms, raise_interrupt=True
    ):
        report = run_once()
        if on_report is not None:
            on_report(report)
