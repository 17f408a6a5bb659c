"""The ``dust`` command: agents, conversations and streamed chat from a terminal.

Configuration comes from flags or the ``DUST_WORKSPACE_ID``, ``DUST_API_KEY``, ``DUST_BASE_URL`` /
``DUST_REGION`` environment variables. ``--json`` prints machine-readable output. Expected failures (bad
config, API errors, an agent error) print one line on stderr and exit non-zero, without a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from dust_ext._client import DustClient
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustAgentError, DustConfigError, DustError

app = typer.Typer(
    help="The Dust command line: agents, conversations and streamed chat.", no_args_is_help=True
)
agents_app = typer.Typer(help="List, read and search agents.", no_args_is_help=True)
conversations_app = typer.Typer(help="Read conversations.", no_args_is_help=True)
app.add_typer(agents_app, name="agents")
app.add_typer(conversations_app, name="conversations")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

#: Exit codes: 1 API/agent failure, 2 usage or configuration error, 130 interrupted.
EXIT_API_ERROR = 1
EXIT_CONFIG_ERROR = 2
EXIT_INTERRUPTED = 130

T = TypeVar("T")


class Settings:
    """The connection flags shared by every command (flags win over environment variables)."""

    def __init__(
        self, workspace_id: str | None, api_key: str | None, base_url: str | None, region: str | None
    ) -> None:
        self.overrides: dict[str, Any] = {
            key: value
            for key, value in {
                "workspace_id": workspace_id,
                "api_key": api_key,
                "base_url": base_url,
                "region": region,
            }.items()
            if value
        }

    def config(self) -> DustConfig:
        return DustConfig.from_env(**self.overrides)


@app.callback()
def main_options(
    ctx: typer.Context,
    workspace_id: Annotated[
        str | None, typer.Option("--workspace-id", "-w", help="Workspace id [env: DUST_WORKSPACE_ID]")
    ] = None,
    api_key: Annotated[str | None, typer.Option("--api-key", help="API key [env: DUST_API_KEY]")] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Dust URL, e.g. https://eu.dust.tt [env: DUST_BASE_URL]")
    ] = None,
    region: Annotated[str | None, typer.Option("--region", help="us or eu [env: DUST_REGION]")] = None,
) -> None:
    """Dust from the terminal."""
    ctx.obj = Settings(workspace_id, api_key, base_url, region)


@contextmanager
def _client(ctx: typer.Context) -> Iterator[DustClient]:
    """A client for one command; DustErrors become one clean line and an exit code."""
    settings: Settings = ctx.obj
    try:
        with DustClient(settings.config()) as client:
            yield client
    except DustConfigError as exc:
        err.print(f"[red]configuration error:[/red] {exc}", markup=True)
        raise typer.Exit(EXIT_CONFIG_ERROR) from None
    except DustAgentError as exc:
        err.print(f"[red]agent error:[/red] {exc}", markup=True)
        raise typer.Exit(EXIT_API_ERROR) from None
    except DustError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True)
        raise typer.Exit(EXIT_API_ERROR) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _print_json(value: Any) -> None:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _agents_table(agents: list[Any]) -> None:
    table = Table("sId", "name", "scope", "description")
    for agent in agents:
        table.add_row(agent.sId, agent.name, agent.scope or "", (agent.description or "")[:80])
    out.print(table)


def _show(as_json: bool, value: T, pretty: Callable[[T], None]) -> None:
    if as_json:
        _print_json(value)
    else:
        pretty(value)


@agents_app.command("list")
def agents_list(
    ctx: typer.Context,
    view: Annotated[
        str | None, typer.Option(help="all, list, workspace, published, global, favorites")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the agents you can use."""
    with _client(ctx) as client:
        _show(as_json, client.agents.list(view=view), _agents_table)  # type: ignore[arg-type]


@agents_app.command("get")
def agents_get(
    ctx: typer.Context, sid: Annotated[str, typer.Argument(help="The agent's sId")], as_json: JsonFlag = False
) -> None:
    """Show one agent."""
    with _client(ctx) as client:
        agent = client.agents.get(sid)

        def pretty(a: Any) -> None:
            out.print(f"[bold]{a.name}[/bold] ({a.sId}) — {a.scope or ''} {a.status or ''}")
            if a.description:
                out.print(a.description)
            if a.instructions:
                out.print(f"\n[dim]{a.instructions}[/dim]")

        _show(as_json, agent, pretty)


@agents_app.command("search")
def agents_search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Text in the agent name")],
    as_json: JsonFlag = False,
) -> None:
    """Search agents by name."""
    with _client(ctx) as client:
        _show(as_json, client.agents.search(q=query), _agents_table)


@conversations_app.command("get")
def conversations_get(
    ctx: typer.Context,
    conversation_id: Annotated[str, typer.Argument(help="The conversation's sId")],
    as_json: JsonFlag = False,
) -> None:
    """Show a conversation and its messages."""
    with _client(ctx) as client:
        conversation = client.conversations.get(conversation_id)

        def pretty(c: Any) -> None:
            out.print(f"[bold]{c.title or '(untitled)'}[/bold] ({c.sId})")
            for message in c.messages:
                author = getattr(message, "author_name", None) or message.type
                text = getattr(message, "text", None) or getattr(message, "title", "") or ""
                out.print(f"[cyan]{author}[/cyan]: {text}")

        _show(as_json, conversation, pretty)


def _stream_turn(stream: Any, as_json: bool) -> str:
    with stream:
        if as_json:
            response = stream.until_done()
            _print_json(response)
            return str(response.conversation_id)
        for piece in stream.text_stream:
            out.print(piece, end="")
        out.print()
        return str(stream.conversation_id)


@app.command("chat")
def chat(
    ctx: typer.Context,
    agent: Annotated[str, typer.Argument(help="The agent's sId, e.g. dust")],
    message: Annotated[
        str | None, typer.Argument(help="The message; omit it for an interactive session")
    ] = None,
    conversation_id: Annotated[
        str | None, typer.Option("--conversation-id", "-c", help="Continue this conversation")
    ] = None,
    username: Annotated[str | None, typer.Option(help="context.username [env: DUST_USERNAME]")] = None,
    timezone: Annotated[str | None, typer.Option(help="context.timezone [env: DUST_TIMEZONE]")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Chat with an agent, streaming its reply. Without MESSAGE: an interactive multi-turn session
    (an empty line or Ctrl-D ends it)."""
    with _client(ctx) as client:
        session = client.chat.session(
            agent=agent, username=username, timezone=timezone, conversation_id=conversation_id
        )
        if message is not None:
            cid = _stream_turn(session.stream(message), as_json)
            if not as_json:
                err.print(f"[dim]conversation {cid}[/dim]", markup=True)
            return
        err.print(f"[dim]Chatting with {agent}; empty line or Ctrl-D to quit.[/dim]", markup=True)
        while True:
            try:
                line = input("you> ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
            except EOFError:
                break
            if not line.strip():
                break
            if not as_json:
                out.print(f"[bold]{agent}>[/bold] ", end="")
            _stream_turn(session.stream(line), as_json)
        if session.conversation_id:
            err.print(f"[dim]conversation {session.conversation_id}[/dim]", markup=True)


# --- dust batch ----------------------------------------------------------------------------------------


def _default_batch_output(source: Path, shard: str | None) -> Path:
    suffix = f".shard{shard.replace('/', 'of')}" if shard else ""
    return source.with_name(f"{source.stem}.dust-batch{suffix}.jsonl")


class _BatchProgressBar:
    """A rich progress bar on stderr fed by ``on_progress`` snapshots."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("[bold]batch[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}  ETA {task.fields[eta]}  errors {task.fields[errors]}"),
            TextColumn("concurrency {task.fields[concurrency]}  429s {task.fields[limited]}"),
            console=err,
            transient=False,
        )
        self.task = self.progress.add_task(
            "batch", total=None, rate="-", eta="-", errors=0, concurrency="-", limited=0
        )

    def update(self, snapshot: Any) -> None:
        eta = "-" if snapshot.eta is None else _duration(snapshot.eta)
        self.progress.update(
            self.task,
            total=snapshot.total,
            completed=snapshot.done,
            rate=f"{snapshot.rate * 60:.0f}/min" if snapshot.rate else "-",
            eta=eta,
            errors=snapshot.failed,
            concurrency=f"{snapshot.in_flight}/{snapshot.concurrency}",
            limited=snapshot.rate_limited,
        )


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


@app.command("batch")
def batch(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="Input rows: a .csv (with a header) or .jsonl file")],
    agent: Annotated[
        list[str], typer.Option("--agent", "-a", help="Agent sId; repeat to send each row to several agents")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Records file (.jsonl, or .csv); default <input>.dust-batch.jsonl"
        ),
    ] = None,
    prompt: Annotated[
        str | None,
        typer.Option("--prompt", "-p", help="Template over the row's fields, e.g. 'Classify: {body}'"),
    ] = None,
    prompt_column: Annotated[
        str | None, typer.Option("--prompt-column", help="Column holding the prompt (default: 'prompt')")
    ] = None,
    key: Annotated[
        str | None, typer.Option("--key", help="Column naming each row (default: row number)")
    ] = None,
    attach: Annotated[
        str | None, typer.Option("--attach", help="Column whose text is attached to each conversation")
    ] = None,
    attach_title: Annotated[
        str | None, typer.Option("--attach-title", help="Title of the attachment")
    ] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", help="Most rows in flight")] = 8,
    rpm: Annotated[float | None, typer.Option("--rpm", help="Cap on API calls per minute")] = None,
    shard: Annotated[str | None, typer.Option("--shard", help="Run only shard i of n, e.g. 2/4")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Run failed rows again")] = False,
    max_attempts: Annotated[int, typer.Option("--max-attempts", help="Tries per row")] = 3,
    approve_tools: Annotated[
        bool, typer.Option("--approve-tools", help="Let agents run tools without approval")
    ] = False,
    output_format: Annotated[
        str | None, typer.Option("--format", help="jsonl or csv (default: from the output's extension)")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="No progress bar; print the summary as JSON")
    ] = False,
) -> None:
    """Run every row of a CSV/JSONL file through one or more agents: one record per row x agent, appended to
    the output as it finishes. Re-run the same command to resume (finished rows are skipped, rows in flight
    are completed from their conversation, never posted twice). Exit 0 if every row was answered, 1 if
    some failed (their records say why; --retry-failed runs them again), 130 if interrupted."""
    if output_format not in (None, "jsonl", "csv"):
        err.print("[red]error:[/red] --format must be jsonl or csv", markup=True)
        raise typer.Exit(EXIT_CONFIG_ERROR)
    if prompt is None and prompt_column is None:
        prompt_column = "prompt"
    destination = output or _default_batch_output(source, shard)
    bar = None if quiet or as_json else _BatchProgressBar()
    last: list[Any] = []

    def on_progress(snapshot: Any) -> None:
        if bar is not None:
            if not last:
                bar.progress.start()
            bar.update(snapshot)
        last[:] = [snapshot]

    from dust_ext.exceptions import DustBatchError

    with _client(ctx) as client:
        try:
            summary = client.batch.run(
                source,
                agents=agent,
                output=destination,
                prompt=prompt,
                prompt_column=prompt_column,
                key_column=key,
                attach_column=attach,
                attach_title=attach_title,
                concurrency=concurrency,
                requests_per_minute=rpm,
                shard=shard,
                retry_failed=retry_failed,
                max_attempts=max_attempts,
                approve_tools=approve_tools,
                output_format=output_format,  # type: ignore[arg-type]  # checked above
                on_progress=on_progress,
            )
        except DustBatchError as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True)
            raise typer.Exit(EXIT_CONFIG_ERROR) from None
        except (KeyboardInterrupt, DustError) as exc:
            done = f"{last[0].done} of {last[0].total} rows done" if last else "nothing done"
            why = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"stopped: {exc}"
            err.print(f"{why}; {done}. Run the same command again to resume ({destination}).")
            raise typer.Exit(
                EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_API_ERROR
            ) from None
        finally:
            if bar is not None:
                bar.progress.stop()
    if as_json:
        _print_json({**summary.model_dump(mode="json"), "done": summary.done, "complete": summary.complete})
    elif not quiet:
        err.print(
            f"{summary.ok} answered, {summary.failed} failed ({summary.skipped} from earlier runs) in "
            f"{_duration(summary.elapsed)} → {summary.output}"
        )
    if summary.failed:
        raise typer.Exit(EXIT_API_ERROR)


def main() -> None:
    """Entry point of the ``dust`` console script."""
    app()


if __name__ == "__main__":
    main()
