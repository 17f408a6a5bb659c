"""The ``dust`` CLI: through typer's runner and as a real subprocess, against the emulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dust_ext.cli import EXIT_API_ERROR, EXIT_CONFIG_ERROR, app
from dust_ext.testing import EmulatorServer

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
    replies = [json.loads(chunk) for chunk in result.stdout.replace("}\n{", "}\x00{").split("\x00")]
    assert [r["text"] for r in replies] == ["first", "second"]
    assert replies[0]["conversation_id"] == replies[1]["conversation_id"]


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


def test_cli_as_a_real_subprocess(fresh_dust_emulator: EmulatorServer) -> None:
    dust = Path(sys.executable).parent / "dust"
    command = [str(dust)] if dust.exists() else [sys.executable, "-m", "dust_ext.cli"]
    completed = subprocess.run(
        [*command, "chat", "streamer", "tokens=3 go"],
        env={**os.environ, **env_for(fresh_dust_emulator)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "token-1 token-2 token-3"
    assert "conversation" in completed.stderr


@pytest.mark.parametrize("args", [["--help"], ["agents", "--help"], ["chat", "--help"]])
def test_help(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Usage" in result.stdout
