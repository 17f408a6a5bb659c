"""Batch runs: a dataset through one or more agents, bounded, rate-aware and resumable exactly once.

Start from ``client.batch.run(...)`` (:class:`dust_ext.resources.batch.Batch`) or ``dust batch``. This
package holds what they produce: a :class:`BatchRecord` per row x agent (written as JSON lines or CSV),
:class:`BatchProgress` snapshots and the :class:`BatchSummary`; :class:`Shard` splits one input across
processes.
"""

from dust_ext.batch._plan import Shard
from dust_ext.batch.models import BatchProgress, BatchRecord, BatchSummary

__all__ = ["BatchProgress", "BatchRecord", "BatchSummary", "Shard"]
