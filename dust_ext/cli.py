"""The ``dust`` command: agents, conversations and streamed chat from a terminal (guide: docs/cli.md).

Text that comes from Dust is data, never markup: it is written as the API sent it, control characters
escaped only on a terminal (:func:`~dust_ext._cli_shared.terminal_safe`, with the consoles, exit codes and
client every command shares). ``dust sync`` is in :mod:`dust_ext.sync.cli`, ``dust mcp`` in
:mod:`dust_ext.cli_mcp`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from dust_ext._cli_shared import (
    EXIT_API_ERROR,
    EXIT_CONFIG_ERROR,
    EXIT_INTERRUPTED,
    Settings,
    client_for,
    duration,
    err,
    error_line,
    note,
    out,
    print_json,
    text_out,
)
from dust_ext._version import __version__
from dust_ext.cli_mcp import mcp_app
from dust_ext.exceptions import (
    DustAgentError,
    DustBatchError,
    DustError,
    DustToolActionRequiredError,
)
from dust_ext.resources.agents import AgentView
from dust_ext.resources.tools import PendingToolAction, Verdict
from dust_ext.sync.cli import sync_command


def _one_line_summary(command: Any) -> None:
    """Give ``command`` (and the commands under it) a one-line ``short_help`` from its docstring's first
    paragraph: Typer lists commands by that paragraph with the source's line breaks kept."""
    if command.short_help is None and command.help:
        command.short_help = " ".join(command.help.split("\n\n", 1)[0].split())
    for subcommand in getattr(command, "commands", {}).values():
        _one_line_summary(subcommand)


class OneLineSummaries(TyperGroup):
    """The ``dust`` group: every command, whichever module registers it, is listed on one line."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command named ``cmd_name``, its summary (and its subcommands') made one line."""
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _one_line_summary(command)
        return command


app = typer.Typer(
    help="The Dust command line: agents, conversations and streamed chat.",
    cls=OneLineSummaries,
    no_args_is_help=True,
    # A traceback's local variables would include the API key given with --api-key.
    pretty_exceptions_show_locals=False,
)
agents_app = typer.Typer(help="List, read and search agents.", no_args_is_help=True)
conversations_app = typer.Typer(help="Read conversations.", no_args_is_help=True)
app.add_typer(agents_app, name="agents")
app.add_typer(conversations_app, name="conversations")
app.add_typer(mcp_app, name="mcp")  # dust mcp serve: dust_ext/cli_mcp.py


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"dust {__version__} (dust-python)\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    workspace_id: Annotated[
        str | None, typer.Option("--workspace-id", "-w", help=escape("Workspace id [env: DUST_WORKSPACE_ID]"))
    ] = None,
    api_key: Annotated[str | None, typer.Option(help=escape("API key [env: DUST_API_KEY]"))] = None,
    base_url: Annotated[
        str | None, typer.Option(help=escape("Dust URL, e.g. https://eu.dust.tt [env: DUST_BASE_URL]"))
    ] = None,
    region: Annotated[str | None, typer.Option(help=escape("us or eu [env: DUST_REGION]"))] = None,
    allow_insecure_http: Annotated[
        bool,
        typer.Option(
            "--allow-insecure-http",
            help=escape(
                "Allow an http:// --base-url that is not this machine [env: DUST_ALLOW_INSECURE_HTTP]"
            ),
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Dust from the terminal."""
    text_out.mid_line = False  # a new command starts on a fresh line (matters when run in-process)
    # Every option but --version is a DustConfig field of the same name.
    ctx.obj = Settings(**{name: value for name, value in ctx.params.items() if name != "version"})


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


# --- dust agents ------------------------------------------------------------------------------------------


def _agents_table(agents: list[Any]) -> None:
    # Cells are Text objects: an agent's name or description is never read as markup.
    table = Table("sId", "name", "scope", "description")
    for agent in agents:
        table.add_row(
            Text(agent.sId),
            Text(agent.name or ""),
            Text(agent.scope or ""),
            Text((agent.description or "")[:80]),
        )
    out.print(table)


def _print_agents(agents: list[Any], as_json: bool, none_found: str) -> None:
    if as_json:
        print_json(agents)
    elif agents:
        _agents_table(agents)
    else:
        note(none_found)


@agents_app.command("list")
def agents_list(
    ctx: typer.Context,
    view: Annotated[AgentView | None, typer.Option(help="Which agents.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the agents you can use."""
    with client_for(ctx) as client:
        agents = client.agents.list(view=view)
    _print_agents(agents, as_json, f"No agent in view {view!r}." if view else "No agent.")


@agents_app.command("get")
def agents_get(
    ctx: typer.Context, sid: Annotated[str, typer.Argument(help="The agent's sId")], as_json: JsonFlag = False
) -> None:
    """Show one agent."""
    with client_for(ctx) as client:
        agent = client.agents.get(sid)
    if as_json:
        print_json(agent)
        return
    text_out.line(f"{agent.name} ({agent.sId}) — {agent.scope or ''} {agent.status or ''}".rstrip())
    if agent.description:
        text_out.line(agent.description)
    if agent.instructions:
        text_out.line("")
        text_out.line(agent.instructions)


@agents_app.command("search")
def agents_search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Text in the agent name")],
    as_json: JsonFlag = False,
) -> None:
    """Search agents by name."""
    with client_for(ctx) as client:
        agents = client.agents.search(q=query)
    _print_agents(agents, as_json, f"No agent matched {query!r}.")


# --- dust conversations -----------------------------------------------------------------------------------


@conversations_app.command("get")
def conversations_get(
    ctx: typer.Context,
    conversation_id: Annotated[str, typer.Argument(help="The conversation's sId")],
    as_json: JsonFlag = False,
) -> None:
    """Show a conversation and its messages."""
    with client_for(ctx) as client:
        conversation = client.conversations.get(conversation_id)
    if as_json:
        print_json(conversation)
        return
    text_out.line(f"{conversation.title or '(untitled)'} ({conversation.sId})")
    for message in conversation.messages:
        author = getattr(message, "author_name", None) or message.type
        text = getattr(message, "text", None) or getattr(message, "title", "") or ""
        text_out.line(f"{author}: {text}")


# --- dust chat --------------------------------------------------------------------------------------------


@dataclass
class ToolDecisions:
    """How ``dust chat`` answers a tool call that waits for the user: from its flags, else by asking on a
    terminal, else by stopping with an error naming the flag to pass."""

    verdict: Verdict | None = None
    answers: list[str] = field(default_factory=list)
    interactive: bool = False

    def __call__(self, action: PendingToolAction) -> None:
        text_out.finish_line()
        if action.kind == "approval":
            self._approve_or_reject(action)
        elif action.kind == "question":
            self._answer(action)
        else:
            needed = "connect an account" if action.kind == "personal_auth" else "grant access to a file"
            raise DustToolActionRequiredError(
                f"tool {action.tool_name!r} needs you to {needed} (it cannot be done from the command line): "
                "do it in the Dust web app, then ask again.",
                action=action,
            )

    def _approve_or_reject(self, action: PendingToolAction) -> None:
        verdict = self.verdict
        if verdict is None and self.interactive:
            verdict = self._ask_verdict(action)
        if verdict is None:
            raise DustToolActionRequiredError(
                f"tool {action.tool_name!r} waits for approval to run with {json.dumps(action.inputs)} "
                f"(stake {action.stake}): pass --approve, --always-approve or --reject.",
                action=action,
            )
        decide = {
            "approved": action.approve,
            "rejected": action.reject,
            "always_approved": action.always_approve,
        }
        decide[verdict]()
        note(f"tool {action.tool_name}: {verdict.replace('_', ' ')}")

    @staticmethod
    def _ask_verdict(action: PendingToolAction) -> Verdict:
        err.print(
            Text("tool ", style="bold"),
            Text(str(action.tool_name)),
            Text(f" wants to run (stake {action.stake}) with: "),
            Text(json.dumps(action.inputs, ensure_ascii=False)),
            sep="",
        )
        verdicts: dict[str, Verdict] = {"a": "approved", "l": "always_approved", "r": "rejected"}
        while True:
            choice = typer.prompt("approve once (a), always approve this tool (l), or reject (r)?", err=True)
            if str(choice).strip().lower() in verdicts:
                return verdicts[str(choice).strip().lower()]

    def _answer(self, action: PendingToolAction) -> None:
        question = action.question
        labels = question.labels if question is not None else []
        given = list(self.answers)
        if not given and self.interactive:
            given = self._ask_answer(action)
        if not given:
            raise DustToolActionRequiredError(
                f"tool {action.tool_name!r} asks: {question.question if question else '?'} "
                f"(options: {', '.join(labels) or 'none'}): pass --answer with an option's label or number, "
                "or any other text as a free answer.",
                action=action,
            )
        chosen = [_option_index(value, labels) for value in given]
        options = [index for index in chosen if index is not None]
        free_text = " ".join(value for value, index in zip(given, chosen, strict=True) if index is None)
        action.answer(*options, custom_response=free_text or None)
        note(f"tool {action.tool_name}: answered")

    @staticmethod
    def _ask_answer(action: PendingToolAction) -> list[str]:
        question = action.question
        err.print(Text(question.question if question else "The tool asks a question.", style="bold"))
        for number, option in enumerate(question.options if question else [], start=1):
            detail = f" — {option.description}" if option.description else ""
            err.print(Text(f"  {number}. {option.label}{detail}"))
        reply: str = typer.prompt("your answer (option numbers separated by commas, or free text)", err=True)
        parts = [part.strip() for part in reply.split(",")]
        return parts if all(part.isdigit() for part in parts) else [reply.strip()]


def _option_index(value: str, labels: list[str]) -> int | None:
    """An ``--answer`` value → the option it names (by label, or 1-based number), or None for free text."""
    if value in labels:
        return labels.index(value)
    if value.isdigit() and 1 <= int(value) <= len(labels):
        return int(value) - 1
    return None


def _stream_turn(stream: Any, as_json: bool, *, json_lines: bool = False) -> None:
    with stream:
        if as_json:
            print_json(stream.until_done(), one_line=json_lines)
            return
        for piece in stream.text_stream:
            text_out.write(piece)
        text_out.finish_line()


def _verdict_from_flags(approve: bool, always_approve: bool, reject: bool) -> Verdict | None:
    flags: dict[Verdict, bool] = {"approved": approve, "always_approved": always_approve, "rejected": reject}
    chosen = [verdict for verdict, given in flags.items() if given]
    if len(chosen) > 1:
        raise typer.BadParameter("pass only one of --approve, --always-approve and --reject")
    return chosen[0] if chosen else None


@app.command("chat", short_help="Chat with an agent, streaming its reply (one message, or a session).")
def chat(
    ctx: typer.Context,
    agent: Annotated[str, typer.Argument(help="The agent's sId, e.g. dust")],
    message: Annotated[
        str | None, typer.Argument(help="The message; omit it for an interactive session")
    ] = None,
    conversation_id: Annotated[
        str | None, typer.Option("--conversation-id", "-c", help="Continue this conversation")
    ] = None,
    username: Annotated[
        str | None, typer.Option(help=escape("context.username [env: DUST_USERNAME]"))
    ] = None,
    timezone: Annotated[
        str | None, typer.Option(help=escape("context.timezone [env: DUST_TIMEZONE]"))
    ] = None,
    approve: Annotated[
        bool, typer.Option("--approve", help="Approve every tool call that asks, once each.")
    ] = False,
    always_approve: Annotated[
        bool, typer.Option("--always-approve", help="Approve tool calls, and their tools from now on.")
    ] = False,
    reject: Annotated[
        bool, typer.Option("--reject", help="Reject every tool call that asks for approval.")
    ] = False,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            help="Answer a tool's question: an option's label or number (repeat for several), or free text."
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print each exchange as JSON: one document for MESSAGE, one line per turn (JSON Lines) "
            "in a session.",
        ),
    ] = False,
) -> None:
    """Chat with an agent, streaming its reply. Without MESSAGE: a multi-turn session reading one message
    per line (an empty line or Ctrl-D ends it; a turn the agent fails is reported and the next line goes on).

    A tool call that waits for the user is asked about in a terminal; otherwise (--json, piped input)
    pass --approve / --always-approve / --reject or --answer."""
    decisions = ToolDecisions(
        verdict=_verdict_from_flags(approve, always_approve, reject),
        answers=list(answer or []),
        interactive=sys.stdin.isatty() and not as_json,
    )
    with client_for(ctx) as client:
        session = client.chat.session(
            agent=agent,
            username=username,
            timezone=timezone,
            conversation_id=conversation_id,
            on_tool_action=decisions,
        )
        if message is not None:
            _stream_turn(session.stream(message), as_json)
            if not as_json:
                note(f"conversation {session.conversation_id}")
            return
        failed_turns = _chat_lines(session, agent, as_json)
        if session.conversation_id:
            note(f"conversation {session.conversation_id}")
    if failed_turns:
        raise typer.Exit(EXIT_API_ERROR)


def _chat_lines(session: Any, agent: str, as_json: bool) -> int:
    """Send each line of input as a turn; an agent's failure is reported and the session goes on.
    Returns how many turns failed."""
    interactive = sys.stdin.isatty()
    if interactive:
        note(f"Chatting with {agent}; empty line or Ctrl-D to quit.")
    failed = 0
    while True:
        try:
            line = input("you> ") if interactive else sys.stdin.readline().rstrip("\n")
        except EOFError:
            break
        if not line.strip():
            break
        if not as_json:
            text_out.write(f"{agent}> ")
        try:
            _stream_turn(session.stream(line), as_json, json_lines=True)
        except DustAgentError as exc:
            failed += 1
            error_line("agent error", str(exc))
    return failed


# --- dust batch ----------------------------------------------------------------------------------------


class _BatchProgressBar:
    """``dust batch``'s ``on_progress``: keeps the last snapshot, shown as a rich progress bar on stderr
    unless ``hidden``."""

    def __init__(self, *, hidden: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.last: Any = None
        self.progress = Progress(
            TextColumn("[bold]batch[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}  ETA {task.fields[eta]}  errors {task.fields[errors]}"),
            TextColumn("concurrency {task.fields[concurrency]}  429s {task.fields[limited]}"),
            console=err,
            disable=hidden,
        )
        self.task = self.progress.add_task(
            "batch", total=None, rate="-", eta="-", errors=0, concurrency="-", limited=0
        )

    def __call__(self, snapshot: Any) -> None:
        if self.last is None:
            self.progress.start()
        self.last = snapshot
        self.progress.update(
            self.task,
            total=snapshot.total,
            completed=snapshot.done,
            rate=f"{snapshot.rate * 60:.0f}/min" if snapshot.rate else "-",
            eta="-" if snapshot.eta is None else duration(snapshot.eta),
            errors=snapshot.failed,
            concurrency=f"{snapshot.in_flight}/{snapshot.concurrency}",
            limited=snapshot.rate_limited,
        )


_BATCH_CLI_ONLY = frozenset({"source", "output", "quiet", "as_json"})


@app.command("batch", short_help="Run each row of a CSV/JSONL file through agents; re-run to resume.")
def batch(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="Input rows: a .csv (with a header) or .jsonl file")],
    agents: Annotated[
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
        str | None, typer.Option(help="Column holding the prompt (default: 'prompt')")
    ] = None,
    key_column: Annotated[
        str | None, typer.Option("--key", help="Column naming each row (default: row number)")
    ] = None,
    attach_column: Annotated[
        str | None, typer.Option("--attach", help="Column whose text is attached to each conversation")
    ] = None,
    attach_title: Annotated[str | None, typer.Option(help="Title of the attachment")] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", help="Most rows in flight")] = 8,
    requests_per_minute: Annotated[
        float | None, typer.Option("--rpm", help="Cap on API calls per minute")
    ] = None,
    shard: Annotated[str | None, typer.Option(help="Run only shard i of n, e.g. 2/4")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Run failed rows again")] = False,
    max_attempts: Annotated[int, typer.Option(help="Tries per row")] = 3,
    approve_tools: Annotated[
        bool, typer.Option("--approve-tools", help="Let agents run tools without approval")
    ] = False,
    output_format: Annotated[
        Literal["jsonl", "csv"] | None,
        typer.Option("--format", help="jsonl or csv (default: from the output's extension)"),
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
    # The other options are client.batch.run's arguments of the same names.
    arguments = {name: value for name, value in ctx.params.items() if name not in _BATCH_CLI_ONLY}
    if prompt is None and prompt_column is None:
        arguments["prompt_column"] = "prompt"
    suffix = f".shard{shard.replace('/', 'of')}" if shard else ""
    destination = output or source.with_name(f"{source.stem}.dust-batch{suffix}.jsonl")
    progress = _BatchProgressBar(hidden=quiet or as_json)
    with client_for(ctx) as client:
        try:
            summary = client.batch.run(source, output=destination, on_progress=progress, **arguments)
        except DustBatchError as exc:
            error_line("error", str(exc))
            raise typer.Exit(EXIT_CONFIG_ERROR) from None
        except (KeyboardInterrupt, DustError) as exc:
            interrupted = isinstance(exc, KeyboardInterrupt)
            last = progress.last
            done = f"{last.done} of {last.total} rows done" if last else "nothing done"
            why = "interrupted" if interrupted else f"stopped: {exc}"
            err.print(f"{why}; {done}. Run the same command again to resume ({destination}).")
            raise typer.Exit(EXIT_INTERRUPTED if interrupted else EXIT_API_ERROR) from None
        finally:
            progress.progress.stop()
    if as_json:
        print_json({**summary.model_dump(mode="json"), "done": summary.done, "complete": summary.complete})
    elif not quiet:
        err.print(
            f"{summary.ok} answered, {summary.failed} failed ({summary.skipped} from earlier runs) in "
            f"{duration(summary.elapsed)} → {summary.output}"
        )
    if summary.failed:
        raise typer.Exit(EXIT_API_ERROR)


app.command("sync")(sync_command)  # dust sync: its own module


def main() -> None:
    """Entry point of the ``dust`` console script."""
    app()


if __name__ == "__main__":
    main()
