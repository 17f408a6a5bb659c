"""``client.batch``: run every row of a dataset through one or more agents, resumably.

``client.batch.run("tickets.csv", agents="helper", prompt="Classify: {body}", output="out.jsonl")`` sends
each row's prompt to each agent in its own conversation, with at most ``concurrency`` rows in flight (fewer
while Dust answers 429), and appends one record per row x agent to the output as it finishes. Running the
same call again resumes: finished rows are skipped and a row that was in flight is completed from its
conversation, never posted twice. See :mod:`dust_ext.batch` for the record format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dust_ext.batch._journal import OutputFormat
from dust_ext.batch._plan import Shard
from dust_ext.batch._runner import BatchJob, ProgressCallback, run_batch, run_blocking
from dust_ext.batch.models import BatchSummary
from dust_ext.resources._base import AsyncResource, Resource

Source = str | Path | Iterable[Mapping[str, Any]]
"""A ``.csv`` or ``.jsonl`` path, or rows as mappings."""


class Batch(Resource):
    """Datasets through agents (blocking; drives the asyncio runner of :class:`AsyncBatch`)."""

    def run(
        self,
        source: Source,
        *,
        agents: str | list[str] | tuple[str, ...],
        output: str | Path,
        prompt: str | None = None,
        prompt_column: str | None = None,
        key_column: str | None = None,
        attach_column: str | None = None,
        attach_title: str | None = None,
        concurrency: int = 8,
        requests_per_minute: float | None = None,
        shard: str | tuple[int, int] | Shard | None = None,
        retry_failed: bool = False,
        max_attempts: int = 3,
        approve_tools: bool = False,
        output_format: OutputFormat | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> BatchSummary:
        """Send each row of ``source`` to each of ``agents`` and write one record per row x agent.

        :param source: a ``.csv`` (header row) or ``.jsonl`` file, or an iterable of mappings.
        :param agents: an agent sId, or several to compare them (each row goes to each agent).
        :param output: where the records go: JSON lines, or CSV if it ends in ``.csv`` (or
            ``output_format="csv"``). Its journal is kept beside it (``<output>.journal``); running again
            with the same output resumes.
        :param prompt: a template over the row's fields, e.g. ``"Classify this ticket: {body}"``.
        :param prompt_column: or the column holding each row's prompt as is.
        :param key_column: the column naming each row (unique); default: the row's position (1, 2, …).
        :param attach_column: a column whose text is attached to the conversation as a content fragment
            titled ``attach_title`` (default: the column name).
        :param concurrency: the most rows in flight; halved on each rate limit, grown back on success.
        :param requests_per_minute: an optional cap on calls per minute, evenly spaced.
        :param shard: ``"i/n"`` (1-based): only the rows whose key hashes to shard i of n, so n processes
            or machines split one input without overlap.
        :param retry_failed: run again the rows whose earlier record is a failure.
        :param max_attempts: tries per row for transient failures (server errors, dropped streams, agent
            errors) before its record says failed; rate-limit waits do not count.
        :param approve_tools: let the agents' tools run without approval (``skipToolsValidation``); without
            it a row whose agent waits for an approval fails.
        :param on_progress: called with a :class:`~dust_ext.batch.BatchProgress` after each record.
        :returns: the counts; raises the error that stopped the run if one did (an invalid key, an
            exhausted quota), after which running again resumes. Bad input raises
            :class:`~dust_ext.exceptions.DustBatchError` before anything is sent.
        """
        job = BatchJob.build(
            source,
            agents,
            output,
            shard,
            prompt=prompt,
            prompt_column=prompt_column,
            key_column=key_column,
            attach_column=attach_column,
            attach_title=attach_title,
            concurrency=concurrency,
            requests_per_minute=requests_per_minute,
            retry_failed=retry_failed,
            max_attempts=max_attempts,
            approve_tools=approve_tools,
            output_format=output_format,
            on_progress=on_progress,
        )
        from dust_ext._client import AsyncDustClient

        config, stream_policy = self._client.config, self._client.stream_policy

        async def run() -> BatchSummary:
            async with AsyncDustClient(config, stream_policy=stream_policy) as client:
                return await run_batch(client, job)

        return run_blocking(run)


class AsyncBatch(AsyncResource):
    """Datasets through agents (asyncio); see :meth:`Batch.run`."""

    async def run(
        self,
        source: Source,
        *,
        agents: str | list[str] | tuple[str, ...],
        output: str | Path,
        prompt: str | None = None,
        prompt_column: str | None = None,
        key_column: str | None = None,
        attach_column: str | None = None,
        attach_title: str | None = None,
        concurrency: int = 8,
        requests_per_minute: float | None = None,
        shard: str | tuple[int, int] | Shard | None = None,
        retry_failed: bool = False,
        max_attempts: int = 3,
        approve_tools: bool = False,
        output_format: OutputFormat | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> BatchSummary:
        """See :meth:`Batch.run`."""
        job = BatchJob.build(
            source,
            agents,
            output,
            shard,
            prompt=prompt,
            prompt_column=prompt_column,
            key_column=key_column,
            attach_column=attach_column,
            attach_title=attach_title,
            concurrency=concurrency,
            requests_per_minute=requests_per_minute,
            retry_failed=retry_failed,
            max_attempts=max_attempts,
            approve_tools=approve_tools,
            output_format=output_format,
            on_progress=on_progress,
        )
        return await run_batch(self._client, job)
