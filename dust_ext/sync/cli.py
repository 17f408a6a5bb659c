"""``dust sync SOURCE --space S --data-source D``: the command (registered in :mod:`dust_ext.cli`).

Exit codes as ``dust batch``: 0 everything in step, 1 some writes failed (the summary lists them; run
again to retry) or an API error stopped the run, 2 a usage or configuration error, 130 interrupted (run
the same command again: it resumes from what the data source holds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from dust_ext._cli_shared import (
    EXIT_API_ERROR,
    EXIT_CONFIG_ERROR,
    EXIT_INTERRUPTED,
    client_for,
    duration,
    err,
    error_line,
    out,
    print_json,
    terminal_safe,
)
from dust_ext.exceptions import DustError
from dust_ext.sync._pacing import DUST_UPSERTS_PER_MINUTE
from dust_ext.sync._runner import sync
from dust_ext.sync._source import DEFAULT_MAX_DOCUMENT_BYTES, DatasetSource, FolderSource
from dust_ext.sync.models import SyncProgress, SyncReport

__all__ = ["sync_command"]


class _SyncProgressBar:
    """A rich progress bar on stderr fed by ``on_progress`` snapshots."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]sync[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[rate]}/min  failed {task.fields[failed]}  429s {task.fields[limited]}"),
            console=err,
        )
        self.task = self.progress.add_task("sync", total=None, rate="-", failed=0, limited=0)
        self.started = False

    def update(self, snapshot: SyncProgress) -> None:
        if not self.started:
            self.progress.start()
            self.started = True
        self.progress.update(
            self.task,
            total=snapshot.total,
            completed=snapshot.done,
            rate=f"{snapshot.per_minute:.0f}",
            failed=snapshot.failed,
            limited=snapshot.rate_limited,
        )

    def stop(self) -> None:
        if self.started:
            self.progress.stop()


def _print_plan(report: SyncReport, verbose: bool) -> None:
    """The plan (a dry run) or what needs attention (a run: failures and skips); ``verbose``: everything."""
    table = Table("action", "id", "source", "reason", box=None, pad_edge=False)
    for action in report.actions:
        unchanged = action.kind == "skip" and action.reason == "unchanged"
        if not verbose and (unchanged or (not report.dry_run and action.status == "done")):
            continue
        label = action.kind if action.status != "failed" else f"{action.kind} (failed)"
        reason = action.reason if action.error is None else f"{action.reason}: {action.error}"
        table.add_row(
            Text(label),
            Text(terminal_safe(action.target_id)),
            Text(terminal_safe(action.origin or "")),
            Text(reason),
        )
    if table.row_count:
        out.print(table)


def _summary_line(report: SyncReport) -> str:
    verb = "would send" if report.dry_run else "sent"
    parts = [
        f"{report.created} created",
        f"{report.updated} updated",
        f"{report.deleted} deleted",
        f"{report.unchanged} unchanged",
        f"{report.skipped} skipped",
    ]
    if report.folders_created or report.folders_deleted:
        parts.append(f"folders +{report.folders_created}/-{report.folders_deleted}")
    if report.failed:
        parts.append(f"{report.failed} failed")
    if report.dry_run:
        writes = sum(1 for action in report.actions if action.kind != "skip")
        return f"dry run: {verb} {writes} writes ({', '.join(parts)})"
    return f"{', '.join(parts)} in {duration(report.elapsed)} ({report.rate_limited} rate limited)"


def sync_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="A folder, or a .csv / .jsonl file of documents")],
    space: Annotated[str, typer.Option("--space", "-s", help="Space id of the data source")],
    data_source: Annotated[str, typer.Option("--data-source", "-d", help="Data source id")],
    include: Annotated[
        list[str] | None, typer.Option("--include", "-i", help="Only paths matching this glob (repeatable)")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", "-x", help="Leave out paths matching this glob (repeatable)"),
    ] = None,
    hidden: Annotated[bool, typer.Option("--hidden", help="Include hidden files and folders")] = False,
    no_gitignore: Annotated[
        bool, typer.Option("--no-gitignore", help="Include what .gitignore files ignore")
    ] = False,
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="Follow symlinked folders (each real folder once)")
    ] = False,
    hierarchy: Annotated[
        bool,
        typer.Option(
            "--hierarchy", help="Lay the folder tree out as Dust folders and parents (system keys only)"
        ),
    ] = False,
    csv_as_tables: Annotated[
        bool, typer.Option("--csv-as-tables", help="Make .csv files Dust tables (system keys only)")
    ] = False,
    url_template: Annotated[
        str | None,
        typer.Option(
            "--url-template", help="source_url of each document, e.g. 'https://docs.example.com/{path}'"
        ),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="A tag for every document (repeatable)")
    ] = None,
    scope: Annotated[
        str,
        typer.Option("--scope", help="Name of this sync: --delete only touches documents of the same scope"),
    ] = "default",
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete documents this sync wrote whose source is gone")
    ] = False,
    adopt: Annotated[
        bool,
        typer.Option("--adopt", help="Overwrite documents with the same id that this sync did not write"),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan; change nothing")] = False,
    rpm: Annotated[
        float, typer.Option("--rpm", help="Most document upserts per minute (Dust allows 120 per workspace)")
    ] = DUST_UPSERTS_PER_MINUTE,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", help="Most writes in flight")] = 4,
    page_size: Annotated[
        int, typer.Option("--page-size", help="Documents per page when listing the data source")
    ] = 100,
    max_attempts: Annotated[
        int, typer.Option("--max-attempts", help="Tries per write on server errors (429s are waited out)")
    ] = 5,
    max_size: Annotated[
        int, typer.Option("--max-size", help="Largest document in bytes (your plan's limit)")
    ] = DEFAULT_MAX_DOCUMENT_BYTES,
    id_column: Annotated[str, typer.Option("--id-column", help="Dataset: the id column")] = "id",
    text_column: Annotated[str, typer.Option("--text-column", help="Dataset: the text column")] = "text",
    title_column: Annotated[str, typer.Option("--title-column", help="Dataset: the title column")] = "title",
    tags_column: Annotated[str, typer.Option("--tags-column", help="Dataset: the tags column")] = "tags",
    url_column: Annotated[
        str, typer.Option("--url-column", help="Dataset: the source URL column")
    ] = "source_url",
    watch: Annotated[
        bool, typer.Option("--watch", help="Keep running: sync again as files change (the watch extra)")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List unchanged documents too")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Keep a data source in step with a folder or a CSV/JSONL dataset: only what changed is sent (decided
    from the data source itself, so any machine can run it), at most --rpm upserts a minute. Re-run the same
    command to resume after a crash. Exit 0 if in step, 1 if some writes failed, 2 on bad usage, 130 if
    interrupted."""
    resolved: FolderSource | DatasetSource
    if source.suffix.lower() in (".csv", ".jsonl") and not source.is_dir():
        resolved = DatasetSource(
            source,
            id_column=id_column,
            text_column=text_column,
            title_column=title_column,
            tags_column=tags_column,
            url_column=url_column,
            url_template=url_template,
            tags=tuple(tag or ()),
            max_document_bytes=max_size,
        )
    else:
        resolved = FolderSource(
            source,
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            include_hidden=hidden,
            use_gitignore=not no_gitignore,
            follow_symlinks=follow_symlinks,
            hierarchy=hierarchy,
            url_template=url_template,
            tags=tuple(tag or ()),
            max_document_bytes=max_size,
            csv_as_tables=csv_as_tables,
        )
    bar = None if quiet or as_json or dry_run or watch else _SyncProgressBar()
    options: dict[str, Any] = {
        "space_id": space,
        "data_source_id": data_source,
        "scope": scope,
        "delete": delete,
        "adopt": adopt,
        "dry_run": dry_run,
        "upserts_per_minute": rpm,
        "concurrency": concurrency,
        "max_attempts": max_attempts,
        "page_size": page_size,
        "on_progress": bar.update if bar is not None else None,
    }

    def show(report: SyncReport) -> None:
        if as_json:
            print_json({**report.model_dump(mode="json"), "ok": report.ok})
        elif not quiet:
            _print_plan(report, verbose)
            err.print(_summary_line(report))

    with client_for(ctx) as client:
        try:
            if watch:
                from dust_ext.sync._watch import watch_and_sync

                err.print(f"watching {source} (Ctrl-C to stop)")
                watch_and_sync(source, lambda: sync(client, resolved, **options), on_report=show)
                return
            report = sync(client, resolved, **options)
        except (KeyboardInterrupt, DustError) as exc:
            if bar is not None:
                bar.stop()
            if isinstance(exc, KeyboardInterrupt):
                err.print("interrupted. Run the same command again to resume.")
                raise typer.Exit(EXIT_INTERRUPTED) from None
            if isinstance(exc, ValueError):  # DustConfigError: a bad source or option
                error_line("error", str(exc))
                raise typer.Exit(EXIT_CONFIG_ERROR) from None
            error_line("error", f"{exc} (run the same command again to resume)")
            raise typer.Exit(EXIT_API_ERROR) from None
        if bar is not None:
            bar.stop()
    show(report)
    if report.failed:
        raise typer.Exit(EXIT_API_ERROR)
