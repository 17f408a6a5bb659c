"""The ``dust`` CLI: through typer's runner and as a real subprocess, against the emulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from sdk_support import emulator_config
from typer.testing import CliRunner

from dust_ext import DustClient, cli
from dust_ext._cli_shared import terminal_safe
from dust_ext._version import __version__
from dust_ext.cli import EXIT_API_ERROR, EXIT_CONFIG_ERROR, app
from dust_ext.testing import EmulatorServer
from dust_ext.types.agents import AgentConfiguration

runner = CliRunner()


def env_for(server: EmulatorServer, **extra: str) -> dict[str, str]:
    return {
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_API_KEY": server.api_key,
        "DUST_BASE_URL": server.base_url,
        "DUST_USERNAME": "cli-user",
        "DUST_TIMEZONE": "Europe/Paris",
        **extra,
    }


def test_agents_list_get_search_as_json(fresh_dust_emulator: EmulatorServer) -> None:
    env = env_for(fresh_dust_emulator)
    listed = runner.invoke(app, ["agents", "list", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "dust" in {a["sId"] for a in json.loads(listed.stdout)}
    got = runner.invoke(app, ["agents", "get", "echo", "--json"], env=env)
    assert json.loads(got.stdout)["sId"] == "echo"
    found = runner.invoke(app, ["agents", "search", "stream", "--json"], env=env)
    assert [a["sId"] for a in json.loads(found.stdout)] == ["streamer"]
    table = runner.invoke(app, ["agents", "list"], env=env)
    assert "streamer" in table.stdout


def test_chat_streams_the_reply_and_conversation_get(fresh_dust_emulator: EmulatorServer) -> None:
    env = env_for(fresh_dust_emulator)
    result = runner.invoke(app, ["chat", "echo", "hello CLI"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "hello CLI"
    as_json = runner.invoke(app, ["chat", "echo", "json please", "--json"], env=env)
    response = json.loads(as_json.stdout)
    assert response["text"] == "json please"
    shown = runner.invoke(app, ["conversations", "get", response["conversation_id"], "--json"], env=env)
    assert json.loads(shown.stdout)["sId"] == response["conversation_id"]


def test_interactive_chat_keeps_one_conversation(fresh_dust_emulator: EmulatorServer) -> None:
    env = env_for(fresh_dust_emulator)
    result = runner.invoke(app, ["chat", "echo", "--json"], env=env, input="first\nsecond\n\n")
    assert result.exit_code == 0, result.output
    # JSON Lines: one exchange per line, each a JSON document of its own.
    lines = result.stdout.splitlines()
    replies = [json.loads(line) for line in lines]
    assert [r["text"] for r in replies] == ["first", "second"]
    assert replies[0]["conversation_id"] == replies[1]["conversation_id"]
    # One MESSAGE is one (pretty) JSON document.
    single = runner.invoke(app, ["chat", "echo", "only", "--json"], env=env)
    assert json.loads(single.stdout)["text"] == "only"


def test_clean_errors_and_exit_codes(fresh_dust_emulator: EmulatorServer) -> None:
    bad_key = runner.invoke(
        app, ["agents", "list"], env=env_for(fresh_dust_emulator, DUST_API_KEY="sk-bad-cli-key")
    )
    assert bad_key.exit_code == EXIT_API_ERROR
    assert "401" in bad_key.stderr
    assert "Traceback" not in bad_key.output
    assert "sk-bad-cli-key" not in bad_key.output
    missing = runner.invoke(app, ["agents", "list"], env={"DUST_WORKSPACE_ID": "", "DUST_API_KEY": ""})
    assert missing.exit_code == EXIT_CONFIG_ERROR
    assert "DUST_API_KEY" in missing.stderr
    failing = runner.invoke(app, ["chat", "failing", "boom"], env=env_for(fresh_dust_emulator))
    assert failing.exit_code == EXIT_API_ERROR
    assert "emulator_scripted_failure" in failing.stderr


@pytest.mark.parametrize(
    ("flags", "missing"),
    [
        ([], "missing --workspace-id and --api-key: pass them, or set DUST_WORKSPACE_ID and DUST_API_KEY"),
        (["--workspace-id", "w"], "missing --api-key: pass it, or set DUST_API_KEY"),
        (["--api-key", "sk-x"], "missing --workspace-id: pass it, or set DUST_WORKSPACE_ID\n"),
    ],
)
def test_a_missing_setting_names_the_flag_and_the_variable(flags: list[str], missing: str) -> None:
    empty = {"DUST_WORKSPACE_ID": "", "DUST_API_KEY": "", "DUST_ACCESS_TOKEN": ""}
    result = runner.invoke(app, [*flags, "agents", "list"], env=empty)
    assert result.exit_code == EXIT_CONFIG_ERROR
    assert result.stderr.startswith("configuration error: " + missing)
    assert "keyword argument" not in result.stderr
    assert "DustConfig" not in result.stderr


def test_an_invalid_flag_value_is_named_by_its_flag_and_a_variable_by_its_name() -> None:
    given = {"DUST_WORKSPACE_ID": "w", "DUST_API_KEY": "sk-x"}
    by_flag = runner.invoke(app, ["--region", "mars", "agents", "list"], env={**given, "DUST_REGION": ""})
    assert by_flag.exit_code == EXIT_CONFIG_ERROR
    assert "--region: Input should be 'us' or 'eu'" in by_flag.stderr
    by_variable = runner.invoke(app, ["agents", "list"], env={**given, "DUST_REGION": "mars"})
    assert "DUST_REGION: Input should be 'us' or 'eu'" in by_variable.stderr


def test_the_insecure_url_error_names_the_flag_that_allows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    given = {"DUST_WORKSPACE_ID": "w", "DUST_API_KEY": "sk-x", "DUST_ALLOW_INSECURE_HTTP": ""}
    refused = runner.invoke(app, ["--base-url", "http://dust.internal", "agents", "list"], env=given)
    assert refused.exit_code == EXIT_CONFIG_ERROR
    assert "--allow-insecure-http" in refused.stderr
    for name, value in given.items():
        monkeypatch.setenv(name, value)
    allowed = cli.Settings(base_url="http://dust.internal", allow_insecure_http=True).config()
    assert (allowed.base_url, allowed.allow_insecure_http) == ("http://dust.internal", True)
    monkeypatch.setenv("DUST_ALLOW_INSECURE_HTTP", "1")
    assert cli.Settings(base_url="http://dust.internal").config().allow_insecure_http is True


def test_an_invalid_setting_keeps_the_configurations_own_message() -> None:
    env = {"DUST_WORKSPACE_ID": "w", "DUST_API_KEY": "sk-x", "DUST_REGION": "mars"}
    result = runner.invoke(app, ["agents", "list"], env=env)
    assert result.exit_code == EXIT_CONFIG_ERROR
    assert "DUST_REGION" in result.stderr


def test_a_search_without_hits_says_so(fresh_dust_emulator: EmulatorServer) -> None:
    env = env_for(fresh_dust_emulator)
    result = runner.invoke(app, ["agents", "search", "no-such-agent"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "No agent matched 'no-such-agent'.\n"
    as_json = runner.invoke(app, ["agents", "search", "no-such-agent", "--json"], env=env)
    assert json.loads(as_json.stdout) == []
    no_favorite = runner.invoke(app, ["agents", "list", "--view", "favorites"], env=env)
    assert no_favorite.exit_code == 0, no_favorite.output
    assert (no_favorite.stdout, no_favorite.stderr) == ("", "No agent in view 'favorites'.\n")


def test_flags_override_the_environment(fresh_dust_emulator: EmulatorServer) -> None:
    result = runner.invoke(
        app,
        [
            "--workspace-id",
            fresh_dust_emulator.workspace_id,
            "--api-key",
            fresh_dust_emulator.api_key,
            "--base-url",
            fresh_dust_emulator.base_url,
            "agents",
            "get",
            "dust",
            "--json",
        ],
        env={"DUST_WORKSPACE_ID": "wrong", "DUST_API_KEY": "wrong"},
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sId"] == "dust"


def run_dust(
    server: EmulatorServer | None, *args: str, stdin: Any = subprocess.DEVNULL, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``dust`` script as a user would: a subprocess, stdout and stderr captured."""
    dust = Path(sys.executable).parent / "dust"
    command = [str(dust)] if dust.exists() else [sys.executable, "-m", "dust_ext.cli"]
    env = {**os.environ, "COLUMNS": "200", **(env_for(server) if server else {})}
    completed = subprocess.run(
        [*command, *args],
        env=env,
        stdin=None if input is not None else stdin,
        input=input.encode() if input is not None else None,
        capture_output=True,
        timeout=60,
        check=False,
    )
    # Decoded by hand: text mode would turn a reply's "\r" into "\n".
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


def test_cli_as_a_real_subprocess(fresh_dust_emulator: EmulatorServer) -> None:
    completed = run_dust(fresh_dust_emulator, "chat", "streamer", "tokens=3 go")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "token-1 token-2 token-3"
    assert "conversation" in completed.stderr


@pytest.mark.parametrize("args", [["--help"], ["agents", "--help"], ["chat", "--help"]])
def test_help(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def _listed(group: Any, ctx: typer.Context) -> Iterator[tuple[str, Any]]:
    """Every command as ``dust --help`` and the groups' ``--help`` look them up."""
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield name, command
        if hasattr(command, "list_commands"):
            yield from (
                (f"{name} {sub}", c) for sub, c in _listed(command, typer.Context(command, parent=ctx))
            )


def test_every_command_is_listed_on_one_line() -> None:
    # Typer lists a command by its short help, else its docstring's first paragraph with its line breaks.
    group = typer.main.get_command(app)
    listed = dict(_listed(group, typer.Context(group)))
    assert {"chat", "batch", "agents", "agents search", "conversations get"} <= set(listed)
    for name, command in listed.items():
        summary = command.short_help or (command.help or "").split("\n\n")[0]
        assert "\n" not in summary.strip(), f"`dust {name}` is listed over several lines: {summary!r}"
    listing = run_dust(None, "--help").stdout
    assert "Run each row of a CSV/JSONL file through agents; re-run to resume." in listing


def test_a_command_registered_anywhere_is_listed_on_one_line() -> None:
    # What another module adds to `dust` (a command, or a group of its own) gets the same treatment.
    root = typer.Typer(cls=cli.OneLineSummaries)
    sub = typer.Typer()

    @root.command("first")
    def first() -> None:
        """A summary written over
        two source lines.

        Details."""

    @sub.command("deep")
    def deep() -> None:
        """Another summary written
        over two lines."""

    root.add_typer(sub, name="group")
    wide = {"COLUMNS": "200"}
    top = runner.invoke(root, ["--help"], env=wide)
    assert "A summary written over two source lines." in top.stdout
    assert "Details" not in top.stdout
    nested = runner.invoke(root, ["group", "--help"], env=wide)
    assert "Another summary written over two lines." in nested.stdout


def test_chat_json_help_says_what_it_prints() -> None:
    help_text = " ".join(run_dust(None, "chat", "--help").stdout.split())
    assert "instead of a table" not in help_text
    assert "one line per turn (JSON Lines)" in help_text


# --- text from the API is data ------------------------------------------------------------------------------

HOSTILE_TEXTS = [
    "x: list[int] = [1]",
    "closing tag [/] oops, [bold]not bold[/bold] and [link=https://e.vil]x[/link]",
    ":smile: :thumbs_up: stay as typed",
    "colours \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 and a \r return",
    "a very long line " + "[word] " * 3000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=["brackets", "markup", "emoji", "ansi", "long"])
def test_chat_prints_the_reply_verbatim(fresh_dust_emulator: EmulatorServer, text: str) -> None:
    completed = run_dust(fresh_dust_emulator, "chat", "echo", text)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == text + "\n"
    assert "Traceback" not in completed.stderr


def test_conversation_titles_and_messages_print_verbatim(fresh_dust_emulator: EmulatorServer) -> None:
    title = "a [/] b :smile: [red]c[/red]"
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        session = client.chat.session(agent="echo", title=title)
        session.send(HOSTILE_TEXTS[1])
    completed = run_dust(fresh_dust_emulator, "conversations", "get", str(session.conversation_id))
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0] == f"{title} ({session.conversation_id})"
    assert lines[1].endswith(": " + HOSTILE_TEXTS[1])
    assert lines[2].endswith(": " + HOSTILE_TEXTS[1])


def test_on_a_terminal_control_characters_are_shown_not_obeyed() -> None:
    assert terminal_safe("a\x1b[31mb\x07\r\n\tc [x] :smile:") == "a\\x1b[31mb\\x07\\r\n\tc [x] :smile:"
    assert terminal_safe("\x9b2J") == "\\x9b2J"


def test_help_keeps_bracketed_hints_and_version_prints() -> None:
    help_text = run_dust(None, "chat", "--help").stdout
    assert "[env: DUST_USERNAME]" in help_text
    assert "[env: DUST_TIMEZONE]" in help_text
    assert "[env: DUST_API_KEY]" in run_dust(None, "--help").stdout
    version = run_dust(None, "--version")
    assert version.returncode == 0
    assert version.stdout == f"dust {__version__} (dust-python)\n"
    both = run_dust(None, "chat", "approver", "do it", "--approve", "--reject")
    assert both.returncode == EXIT_CONFIG_ERROR
    assert "only one of --approve" in both.stderr


def test_an_unknown_view_is_a_usage_error_listing_the_valid_ones(fresh_dust_emulator: EmulatorServer) -> None:
    completed = run_dust(fresh_dust_emulator, "agents", "list", "--view", "bogus")
    assert completed.returncode == EXIT_CONFIG_ERROR
    assert "Traceback" not in completed.stderr
    for view in ("all", "list", "workspace", "published", "global", "favorites"):
        assert f"'{view}'" in completed.stderr
    listed = run_dust(fresh_dust_emulator, "agents", "list", "--view", "global", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {agent["scope"] for agent in json.loads(listed.stdout)} == {"global"}


def test_piped_lines_go_on_after_an_agent_error(fresh_dust_emulator: EmulatorServer) -> None:
    completed = run_dust(fresh_dust_emulator, "chat", "failing", input="one\ntwo\n")
    assert completed.returncode == EXIT_API_ERROR
    assert completed.stdout == "failing> Working \nfailing> Working \n"
    assert completed.stderr.count("agent error: emulator_scripted_failure") == 2
    single = run_dust(fresh_dust_emulator, "chat", "failing", "boom")
    assert single.returncode == EXIT_API_ERROR
    assert single.stdout == "Working \n"
    assert "Traceback" not in completed.stderr
    mixed = run_dust(fresh_dust_emulator, "chat", "echo", "--json", input="[one]\n:two:\n")
    assert mixed.returncode == 0, mixed.stderr
    replies = [json.loads(chunk) for chunk in mixed.stdout.replace("}\n{", "}\x00{").split("\x00")]
    assert [reply["text"] for reply in replies] == ["[one]", ":two:"]


# --- tool calls waiting for the user -----------------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--json"]], ids=["plain", "json"])
def test_a_tool_approval_without_a_flag_says_which_flag_to_pass(
    fresh_dust_emulator: EmulatorServer, extra: list[str]
) -> None:
    completed = run_dust(fresh_dust_emulator, "chat", "approver", "do it", *extra)
    assert completed.returncode == EXIT_CONFIG_ERROR
    assert "dangerous_operation" in completed.stderr
    assert "--approve" in completed.stderr
    assert "--reject" in completed.stderr
    assert "on_tool_action" not in completed.stderr
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize(
    ("flag", "reply"),
    [
        ("--approve", "The action was approved and ran successfully."),
        ("--always-approve", "The action was approved and ran successfully."),
        ("--reject", "The action was rejected, so I did not run it."),
    ],
)
def test_approval_flags_decide_without_asking(
    fresh_dust_emulator: EmulatorServer, flag: str, reply: str
) -> None:
    completed = run_dust(fresh_dust_emulator, "chat", "approver", "do it", flag)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == reply + "\n"
    as_json = run_dust(fresh_dust_emulator, "chat", "approver", "do it", flag, "--json")
    assert json.loads(as_json.stdout)["text"] == reply


@pytest.mark.parametrize(
    ("answers", "reply"),
    [
        (["production"], "You chose production"),
        (["1"], "You chose staging"),
        (["wait until Monday"], "You answered: wait until Monday"),
    ],
)
def test_questions_are_answered_with_the_answer_flag(
    fresh_dust_emulator: EmulatorServer, answers: list[str], reply: str
) -> None:
    asked = run_dust(fresh_dust_emulator, "chat", "asker", "the API", "--json")
    assert asked.returncode == EXIT_CONFIG_ERROR
    assert "Which environment should I deploy to?" in asked.stderr
    assert "--answer" in asked.stderr
    flags = [part for answer in answers for part in ("--answer", answer)]
    completed = run_dust(fresh_dust_emulator, "chat", "asker", "the API", *flags)
    assert completed.returncode == 0, completed.stderr
    assert reply in completed.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("agent", "typed", "reply"),
    [
        ("approver", "r\n", "The action was rejected"),
        ("approver", "x\na\n", "The action was approved"),
        ("asker", "2\n", "You chose production"),
    ],
)
def test_in_a_terminal_the_user_is_asked(
    fresh_dust_emulator: EmulatorServer, agent: str, typed: str, reply: str
) -> None:
    controller, terminal = os.openpty()
    try:
        os.write(controller, typed.encode())  # typed ahead: the terminal keeps it until the prompt reads
        completed = run_dust(fresh_dust_emulator, "chat", agent, "go", stdin=terminal)
    finally:
        os.close(terminal)
        os.close(controller)
    assert completed.returncode == 0, completed.stderr
    assert reply in completed.stdout
    assert "?" in completed.stderr  # the question was asked on stderr, not mixed into the reply


def test_agent_tables_show_names_and_descriptions_as_text() -> None:
    agent = AgentConfiguration.model_validate(
        {"sId": "x1", "name": "[bold]n[/] :smile:", "scope": "workspace", "description": "closing [/] oops"}
    )
    with cli.out.capture() as captured:
        cli._agents_table([agent])
    table = captured.get()
    assert "[bold]n[/] :smile:" in table
    assert "closing [/] oops" in table
