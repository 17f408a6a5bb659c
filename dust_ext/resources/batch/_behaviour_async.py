"""``client.batch.run``, inherited by the generated ``AsyncBatch`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from pathlib import Path

from dust_ext.batch._journal import OutputFormat
from dust_ext.batch._plan import Shard, Source
from dust_ext.batch._runner import BatchJob, ProgressCallback, async_run_batch
from dust_ext.batch.models import BatchSummary
from dust_ext.resources._base._async import AsyncResource


class AsyncBatchBehaviour(AsyncResource):
    """``client.batch``'s method: a :class:`BatchJob` built from the arguments, run by the batch runner."""

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
        return await async_run_batch(self._client, job)
