"""The asyncio driver of a sync: read the source, list the data source, plan, then write under the rate.

Every write is idempotent (an upsert replaces the document with the same content, deleting a document
already gone is success), so a write that failed or whose answer was lost is simply sent again, and a run
killed at any point and run again finishes the job: the documents written before the kill carry their
digest and are skipped, the rest are written. The blocking :func:`sync` drives the same coroutine on an
``AsyncDustClient`` of the same configuration (:func:`dust_ext.batch._runner.run_blocking`), as
``client.batch.run`` does.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack, cast

from dust_ext._http import RequestOptions
from dust_ext.batch._runner import classify_failure, run_blocking
from dust_ext.exceptions import DustAPIError, DustConfigError, DustError, DustNotFoundError
from dust_ext.sync._pacing import DUST_UPSERTS_PER_MINUTE, AdaptiveRate
from dust_ext.sync._plan import PlannedAction, RemoteDocument, SyncPlan, plan_sync, table_tags_for, tags_for
from dust_ext.sync._source import (
    DatasetSource,
    DesiredTable,
    FolderSource,
    read_source,
)
from dust_ext.sync.models import SyncActionResult, SyncProgress, SyncReport

if TYPE_CHECKING:
    from dust_ext._client import AsyncDustClient, DustClient

__all__ = ["async_sync", "async_sync_folder", "sync", "sync_folder"]

# The sync decides about every failure itself, so the SDK must not retry behind its back: a hidden 429
# retry would blind the pacing.
_NO_SDK_RETRY = RequestOptions(max_retries=0)
FOLDER_MIME_TYPE = "application/vnd.dust.folder"
#: Deletes and folder writes are not counted by Dust's document upsert limit; they are still paced, more
#: loosely.
OTHER_WRITES_PER_MINUTE = 600.0
#: How many 429s in a row one write waits out before it is reported failed.
MAX_RATE_LIMITED_TRIES = 30
UPSERT_KINDS = ("create", "update", "create_table", "update_table")

ProgressCallback = Callable[[SyncProgress], Any]
Source = FolderSource | DatasetSource | str | Path


def as_source(source: Source) -> FolderSource | DatasetSource:
    """A path names a folder, or a dataset when it is a ``.csv`` / ``.jsonl`` file."""
    if isinstance(source, FolderSource | DatasetSource):
        return source
    path = Path(source)
    if path.suffix.lower() in (".csv", ".jsonl") and not path.is_dir():
        return DatasetSource(path)
    return FolderSource(path)


async def list_remote_documents(
    client: AsyncDustClient, space_id: str, data_source_id: str, page_size: int
) -> list[RemoteDocument]:
    """Every document of the data source (id, tags, parents), page after page."""
    page = await client.data_sources.documents.list(space_id, data_source_id, limit=page_size, offset=0)
    return [
        RemoteDocument(document.document_id, tuple(document.tags), tuple(document.parents))
        async for document in page
    ]


async def list_remote_tables(
    client: AsyncDustClient, space_id: str, data_source_id: str
) -> list[RemoteDocument]:
    """Every table of the data source (id, tags, parents)."""
    tables = await client.data_sources.tables.list(space_id, data_source_id)
    return [RemoteDocument(table.table_id, tuple(table.tags), tuple(table.parents)) for table in tables]


class _Writer:
    """Runs the plan's writes: each under its pacing, tried again while that can help."""

    def __init__(
        self,
        client: AsyncDustClient,
        space_id: str,
        data_source_id: str,
        scope: str,
        *,
        upserts_per_minute: float,
        concurrency: int,
        max_attempts: int,
        total: int,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.client = client
        self.space_id = space_id
        self.data_source_id = data_source_id
        self.scope = scope
        self.upserts = AdaptiveRate(upserts_per_minute)
        self.other_writes = AdaptiveRate(max(OTHER_WRITES_PER_MINUTE, upserts_per_minute))
        self.concurrency = max(1, concurrency)
        self.max_attempts = max(1, max_attempts)
        self.total = total
        self.on_progress = on_progress
        self.done = 0
        self.failed = 0
        self.results: dict[int, SyncActionResult] = {}
        self.pending_folders: dict[str, tuple[int, PlannedAction]] = {}
        self.folder_locks: dict[str, asyncio.Lock] = {}

    @property
    def rate_limited(self) -> int:
        return self.upserts.rate_limited + self.other_writes.rate_limited

    def _call_for(self, action: PlannedAction) -> Callable[[], Awaitable[Any]]:
        documents = self.client.data_sources.documents
        folders = self.client.data_sources.folders
        where = (self.space_id, self.data_source_id)
        if action.document is not None:
            document = action.document
            parents = list(document.parents) or None
            return lambda: documents.upsert(
                *where,
                document.document_id,
                text=document.text,
                title=document.title,
                mime_type=document.mime_type,
                source_url=document.source_url,
                tags=tags_for(document, self.scope),
                parents=parents,
                parent_id=document.parents[1] if len(document.parents) > 1 else None,
                timestamp=document.timestamp,
                light_document_output=True,
                options=_NO_SDK_RETRY,
            )
        if action.folder is not None:
            folder = action.folder
            return lambda: folders.upsert(
                *where,
                folder.folder_id,
                title=folder.title,
                parents=list(folder.parents),
                parent_id=folder.parents[1] if len(folder.parents) > 1 else None,
                mime_type=FOLDER_MIME_TYPE,
                options=_NO_SDK_RETRY,
            )
        if action.table is not None:
            return partial(self._upsert_table, action.table)
        if action.kind == "delete_folder":
            return lambda: folders.delete(*where, action.target_id, options=_NO_SDK_RETRY)
        if action.kind == "delete_table":
            return lambda: self.client.data_sources.tables.delete(
                *where, action.target_id, options=_NO_SDK_RETRY
            )
        return lambda: documents.delete(*where, action.target_id, options=_NO_SDK_RETRY)

    async def _upsert_table(self, table: DesiredTable) -> None:
        """Upload the CSV (use case ``upsert_table``), then make the table from it. A retry uploads again:
        the upload is a new file each time, the table upsert replaces the table."""
        uploaded = await self.client.files.upload(
            table.data,
            file_name=f"{table.name}.csv",
            content_type="text/csv",
            use_case="upsert_table",
            options=_NO_SDK_RETRY,
        )
        await self.client.data_sources.tables.upsert_from_csv(
            self.space_id,
            self.data_source_id,
            name=table.name,
            description=table.description,
            file_id=uploaded.sId,
            table_id=table.table_id,
            title=table.title,
            tags=table_tags_for(table, self.scope),
            parents=list(table.parents) or None,
            parent_id=table.parents[1] if len(table.parents) > 1 else None,
            truncate=True,
            mime_type="text/csv",
            source_url=table.source_url,
            options=_NO_SDK_RETRY,
        )

    async def ensure_folders(self, parents: Sequence[str]) -> None:
        """Create the planned folders among ``parents`` (top folder first) before the node inside them: a
        folder is written with its first document, so a run killed earlier has written fewer folders that
        no document references yet (which the next run would write again)."""
        for folder_id in reversed(parents[1:]):
            lock = self.folder_locks.setdefault(folder_id, asyncio.Lock())
            async with lock:
                pending = self.pending_folders.pop(folder_id, None)
                if pending is not None:
                    await self.write(*pending)

    async def write(self, index: int, action: PlannedAction) -> None:
        node = action.document or action.table
        if node is not None and self.pending_folders:
            await self.ensure_folders(node.parents)
        rate = self.upserts if action.kind in UPSERT_KINDS else self.other_writes
        call = self._call_for(action)
        attempts = rate_limited = 0
        error_text: str | None = None
        while True:
            wait = rate.reserve(time.monotonic())
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                await call()
            except DustNotFoundError:
                if action.kind in ("delete", "delete_folder", "delete_table"):
                    break  # already gone (another run deleted it): what was wanted
                raise
            except DustError as error:
                refusal = system_key_refusal(action, error)
                if refusal is not None:
                    raise refusal from error
                failure = classify_failure(error)
                if failure == "fatal":
                    raise
                if failure == "rate_limited" and rate_limited < MAX_RATE_LIMITED_TRIES:
                    rate_limited += 1
                    retry_after = error.retry_after if isinstance(error, DustAPIError) else None
                    rate.limited(time.monotonic(), retry_after)
                    continue
                attempts += 1
                if failure == "transient" and attempts < self.max_attempts:
                    # The client's own backoff schedule (its RetryPolicy), applied here since the SDK's
                    # retries are off for writes.
                    await asyncio.sleep(self.client.http.core.retry_policy.backoff(attempts - 1))
                    continue
                error_text = str(error)
                break
            else:
                rate.succeeded()
                break
        status = "failed" if error_text is not None else "done"
        if error_text is not None:
            self.failed += 1
        self.done += 1
        self.results[index] = _result(action, status, error_text)
        if self.on_progress is not None:
            self.on_progress(
                SyncProgress(self.done, self.total, self.failed, self.rate_limited, self.upserts.current)
            )

    async def write_all(self, indexed: Sequence[tuple[int, PlannedAction]], *, concurrently: bool) -> None:
        if not concurrently:
            for index, action in indexed:
                await self.write(index, action)
            return
        queue = list(reversed(indexed))

        async def worker() -> None:
            while queue:
                index, action = queue.pop()
                await self.write(index, action)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(min(self.concurrency, len(indexed))):
                    group.create_task(worker())
        except BaseExceptionGroup as group:
            # A fatal error stopped the run: raise it as itself, not wrapped by the task group.
            raise _first_error(group) from None


def system_key_refusal(action: PlannedAction, error: DustError) -> DustConfigError | None:
    """The error that stops the run when Dust refuses an option to a key that is not a system key (every
    other write would be refused the same way): ``parents`` (--hierarchy), folders, table CSV uploads."""
    if not isinstance(error, DustAPIError) or error.status_code not in (400, 403):
        return None
    message = error.message or ""
    if "custom hierarchy" in message or "Only system keys" in message:
        return DustConfigError(
            "Dust accepts a folder hierarchy (parents, folders) from system API keys only; run without "
            f"--hierarchy, or with a system key (Dust said: {message})"
        )
    if action.table is not None and "use case is not supported" in message:
        return DustConfigError(
            "Dust accepts table CSV uploads (use case upsert_table) from system API keys only; run without "
            f"--csv-as-tables, or with a system key (Dust said: {message})"
        )
    return None


def _first_error(group: BaseExceptionGroup[BaseException]) -> BaseException:
    first = group.exceptions[0]
    return _first_error(first) if isinstance(first, BaseExceptionGroup) else first


def _result(action: PlannedAction, status: str, error: str | None = None) -> SyncActionResult:
    return SyncActionResult(
        kind=action.kind,
        target_id=action.target_id,
        reason=action.reason,
        origin=action.origin,
        status=status,
        error=error,
    )


def _report(plan: SyncPlan, results: dict[int, SyncActionResult], **fields: Any) -> SyncReport:
    actions = [results.get(index) or _result(action, "planned") for index, action in enumerate(plan.actions)]
    report = SyncReport(actions=actions, **fields)
    for result in actions:
        if result.kind == "skip":
            if result.reason == "unchanged":
                report.unchanged += 1
            else:
                report.skipped += 1
            continue
        if result.status == "failed":
            report.failed += 1
            continue
        if result.status != "done":
            continue
        report.writes += 1
        if result.kind in ("create", "create_table"):
            report.created += 1
        elif result.kind in ("update", "update_table"):
            report.updated += 1
        elif result.kind in ("delete", "delete_table"):
            report.deleted += 1
        elif result.kind == "create_folder":
            report.folders_created += 1
        else:
            report.folders_deleted += 1
    return report


async def async_sync(
    client: AsyncDustClient,
    source: Source,
    *,
    space_id: str,
    data_source_id: str,
    scope: str = "default",
    delete: bool = False,
    dry_run: bool = False,
    adopt: bool = False,
    upserts_per_minute: float = DUST_UPSERTS_PER_MINUTE,
    concurrency: int = 4,
    max_attempts: int = 5,
    page_size: int = 100,
    on_progress: ProgressCallback | None = None,
) -> SyncReport:
    """Bring a data source in step with ``source`` (a folder, a CSV/JSONL dataset, or a
    :class:`FolderSource` / :class:`DatasetSource` with options) and report what was done.

    Decides from the data source's documents: unchanged documents are not sent, changed and new ones are
    upserted (at most ``upserts_per_minute``, Dust's limit for plain API keys by default, slowing down on
    429s), documents gone from the source are deleted only with ``delete=True`` and only if this sync
    (same ``scope``) wrote them. ``dry_run=True`` returns the plan (``status="planned"``) and sends
    nothing. A write that fails for good is reported (``report.failed``) and the run goes on; an invalid
    key or an exhausted quota stops it (the error is raised; running again resumes).
    """
    started = time.monotonic()
    resolved = as_source(source)
    content = await asyncio.to_thread(read_source, resolved, scope)
    remote = await list_remote_documents(client, space_id, data_source_id, page_size)
    with_tables = isinstance(resolved, FolderSource) and resolved.csv_as_tables
    remote_tables = await list_remote_tables(client, space_id, data_source_id) if with_tables else []
    plan = plan_sync(
        content.documents,
        content.folders,
        content.skipped,
        remote,
        scope=scope,
        delete=delete,
        adopt=adopt,
        tables=content.tables,
        remote_tables=remote_tables,
    )
    fields: dict[str, Any] = {
        "dry_run": dry_run,
        "scope": scope,
        "ignored": content.ignored,
        "remote_documents": len(remote),
    }
    writes = [(index, action) for index, action in enumerate(plan.actions) if action.is_write]
    if dry_run or not writes:
        return _report(plan, {}, elapsed=time.monotonic() - started, **fields)
    writer = _Writer(
        client,
        space_id,
        data_source_id,
        scope,
        upserts_per_minute=upserts_per_minute,
        concurrency=concurrency,
        max_attempts=max_attempts,
        total=len(writes),
        on_progress=on_progress,
    )

    # Documents and tables concurrently, each folder written just before the first of them inside it; then
    # folder deletions (before the deletions of what they hold: a run killed in between still finds them
    # through their parents).
    def of_kinds(*kinds: str) -> list[tuple[int, PlannedAction]]:
        return [item for item in writes if item[1].kind in kinds]

    writer.pending_folders = {
        action.target_id: (index, action) for index, action in of_kinds("create_folder")
    }
    await writer.write_all(of_kinds(*UPSERT_KINDS), concurrently=True)
    # Folders no write needed (none, as planned: a new folder holds a new document) are still written.
    await writer.write_all(list(writer.pending_folders.values()), concurrently=False)
    await writer.write_all(of_kinds("delete_folder"), concurrently=False)
    await writer.write_all(of_kinds("delete", "delete_table"), concurrently=True)
    for index, action in enumerate(plan.actions):
        if action.kind == "skip":
            writer.results[index] = _result(action, "skipped")
    return _report(
        plan, writer.results, elapsed=time.monotonic() - started, rate_limited=writer.rate_limited, **fields
    )


def sync(
    client: DustClient, source: Source, *, space_id: str, data_source_id: str, **options: Unpack[SyncOptions]
) -> SyncReport:
    """:func:`async_sync` for blocking code (same arguments): the writes in flight are asyncio tasks, so
    the run goes on an ``AsyncDustClient`` of the client's configuration and retry and stream policies."""
    from dust_ext._client import AsyncDustClient

    config, stream_policy = client.config, client.stream_policy
    retry_policy = client.http.core.retry_policy

    async def run() -> SyncReport:
        async with AsyncDustClient(
            config, retry_policy=retry_policy, stream_policy=stream_policy
        ) as async_client:
            return await async_sync(
                async_client, source, space_id=space_id, data_source_id=data_source_id, **options
            )

    return run_blocking(run)


class FolderOptions(TypedDict, total=False):
    """The folder options of :func:`sync_folder` (see :class:`FolderSource` for what each does)."""

    include: Sequence[str]
    exclude: Sequence[str]
    include_hidden: bool
    use_gitignore: bool
    follow_symlinks: bool
    hierarchy: bool
    url_template: str | None
    tags: Sequence[str]
    max_document_bytes: int
    csv_as_tables: bool


class SyncOptions(TypedDict, total=False):
    """The run options of :func:`async_sync` (documented there)."""

    scope: str
    delete: bool
    dry_run: bool
    adopt: bool
    upserts_per_minute: float
    concurrency: int
    max_attempts: int
    page_size: int
    on_progress: ProgressCallback | None


class SyncFolderOptions(FolderOptions, SyncOptions, total=False):
    """The folder options and the run options of :func:`sync_folder`, in one set of keywords."""


def folder_source(folder: str | Path, options: SyncFolderOptions) -> tuple[FolderSource, SyncOptions]:
    """Split :func:`sync_folder`'s keywords into the folder they describe and the options of the run."""
    run_options: dict[str, Any] = dict(options)
    chosen = {name: run_options.pop(name) for name in FolderOptions.__optional_keys__ if name in run_options}
    for globs_or_tags in ("include", "exclude", "tags"):
        if globs_or_tags in chosen:
            chosen[globs_or_tags] = tuple(chosen[globs_or_tags])
    return FolderSource(Path(folder), **chosen), cast(SyncOptions, run_options)


async def async_sync_folder(
    client: AsyncDustClient,
    folder: str | Path,
    *,
    space_id: str,
    data_source_id: str,
    **options: Unpack[SyncFolderOptions],
) -> SyncReport:
    """Sync a folder (see :class:`FolderSource` for the folder options, :func:`async_sync` for the rest)."""
    source, run_options = folder_source(folder, options)
    return await async_sync(client, source, space_id=space_id, data_source_id=data_source_id, **run_options)


def sync_folder(
    client: DustClient,
    folder: str | Path,
    *,
    space_id: str,
    data_source_id: str,
    **options: Unpack[SyncFolderOptions],
) -> SyncReport:
    """:func:`async_sync_folder` for blocking code."""
    source, run_options = folder_source(folder, options)
    return sync(client, source, space_id=space_id, data_source_id=data_source_id, **run_options)
