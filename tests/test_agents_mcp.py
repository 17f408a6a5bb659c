"""``dust mcp serve`` (dust_ext.agents_mcp): Dust agents as MCP tools, driven by the ``mcp`` SDK's own client
over stdio (the ``dust`` command in a subprocess) and streamable HTTP, and by a hostile raw JSON-RPC client,
against the emulator."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import IO, Any

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.shared.tool_name_validation import validate_tool_name
from typer.testing import CliRunner

from dust_ext import AsyncDustClient
from dust_ext.agents_mcp import (
    INPUT_SCHEMA,
    AgentsMCPServer,
    ToolArgumentError,
    agent_tools,
    parse_arguments,
    tool_name_for,
)
from dust_ext.agents_mcp.tools import (
    MAX_QUESTION_CHARS,
    error_result,
    tool_description,
)
from dust_ext.cli import app
from dust_ext.exceptions import DustAgentError, DustInvalidArgumentError, DustNotFoundError
from dust_ext.testing import EMULATOR_ACCESS_TOKEN, EmulatorServer
from dust_ext.types.agents import AgentConfiguration

CANCEL = "/cancel"


def dust_command() -> list[str]:
    dust = Path(sys.executable).parent / "dust"
    return [str(dust)] if dust.exists() else [sys.executable, "-m", "dust_ext.cli"]


def dust_env(server: EmulatorServer, *, oauth: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUST_")}
    env.update(DUST_WORKSPACE_ID=server.workspace_id, DUST_BASE_URL=server.base_url)
    if oauth:
        env["DUST_ACCESS_TOKEN"] = EMULATOR_ACCESS_TOKEN
    else:
        env["DUST_API_KEY"] = server.api_key
    return env


@asynccontextmanager
async def stdio_session(
    server: EmulatorServer,
    *serve_args: str,
    message_handler: Callable[[Any], Any] | None = None,
) -> AsyncIterator[ClientSession]:
    """An initialised MCP client session with ``dust mcp serve ARGS`` run as a subprocess over stdio."""
    command = dust_command()
    params = StdioServerParameters(
        command=command[0], args=[*command[1:], "mcp", "serve", *serve_args], env=dust_env(server)
    )
    async with (
        stdio_client(params) as (read, write),
        ClientSession(read, write, message_handler=message_handler) as session,
    ):
        await session.initialize()
        yield session


def text_of(result: types.CallToolResult) -> str:
    """The text of a tool result's one content block."""
    [block] = result.content
    assert isinstance(block, types.TextContent)
    return block.text


def cancels(server: EmulatorServer) -> list[str]:
    return [request for request in server.requests() if request.endswith(CANCEL)]


async def wait_for(condition: Callable[[], bool]) -> None:
    """Wait until ``condition()`` holds (the server acts on its own task); fail after 10 s."""
    with anyio.fail_after(10):
        while not condition():  # noqa: ASYNC110 (the condition is another process's doing: no event to wait on)
            await anyio.sleep(0.01)


def agent(sid: str, name: str, description: str = "", instructions: str | None = None) -> AgentConfiguration:
    return AgentConfiguration(sId=sid, name=name, description=description, instructions=instructions)


# --- the protocol-free part ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Sales Bot", "sales_bot"), ("échos & co.", "chos_co"), ("gpt-4", "gpt-4"), ("🙂", "a1b2")],
)
def test_tool_names_are_valid_mcp_names_from_the_agent_name(name: str, expected: str) -> None:
    tool_name = tool_name_for(agent("A1B2", name))
    assert tool_name == expected
    assert validate_tool_name(tool_name).is_valid


def test_tool_names_are_unique_short_and_each_agent_served_once() -> None:
    long_name = "x" * 200
    tools = agent_tools(
        [agent("a1", "Helper"), agent("a2", "helper"), agent("a1", "Helper"), agent("a3", long_name)]
    )
    assert [tool.name for tool in tools] == ["helper", "helper_a2", "x" * 64]
    assert all(validate_tool_name(tool.name).is_valid for tool in tools)


def test_the_description_names_the_agent_and_summarises_its_instructions() -> None:
    text = tool_description(agent("s", "Support", "Answers customers.", "Be kind.\n\n" + "word " * 200))
    assert "@Support" in text
    assert "Answers customers." in text
    assert "Its instructions begin: Be kind. word" in text
    assert "…" in text
    assert "word " * 80 not in text
    assert "conversation_id" in text


def test_arguments_are_checked_without_quoting_them() -> None:
    assert parse_arguments({"question": "hi", "conversation_id": " c1 "}).conversation_id == "c1"
    with pytest.raises(ToolArgumentError, match="'conversation_id' must be"):
        parse_arguments({"question": "hi", "conversation_id": "../agent_configurations"})
    with pytest.raises(ToolArgumentError, match="'question' is required"):
        parse_arguments({})
    with pytest.raises(ToolArgumentError, match="must be a string, not int"):
        parse_arguments({"question": 3})
    huge = "y" * (MAX_QUESTION_CHARS + 1)
    with pytest.raises(ToolArgumentError, match="too long") as raised:
        parse_arguments({"question": huge})
    assert len(str(raised.value)) < 200
    with pytest.raises(ToolArgumentError, match="unknown argument") as raised:
        parse_arguments({"question": "q", **{f"k{i}": i for i in range(1000)}})
    assert len(str(raised.value)) < 300
    assert set(INPUT_SCHEMA["properties"]) == {
        "question",
        "conversation_id",
        "attachment",
        "attachment_title",
    }


def test_dust_errors_become_tool_errors_with_dust_code() -> None:
    result = error_result(DustAgentError("boom", code="multi_actions_error"), conversation_id="c", url="u")
    assert result.isError
    assert result.structuredContent == {
        "error": {"code": "multi_actions_error", "message": "boom"},
        "conversation_id": "c",
        "conversation_url": "u",
    }
    assert "multi_actions_error" in text_of(result)
    not_found = DustNotFoundError(404, "gone", error_type="conversation_not_found", request_id="r1")
    detail = error_result(not_found).structuredContent
    assert detail == {
        "error": {"code": "conversation_not_found", "message": "gone", "status": 404, "request_id": "r1"}
    }


# --- in process: the Python API on the SDK's in-memory transport ----------------------------------------------


async def test_python_api_approves_tools_when_told_and_explains_questions(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    async with AsyncDustClient(**_client_fields(fresh_dust_emulator)) as client:
        with pytest.raises(DustInvalidArgumentError, match="at least one agent"):
            AgentsMCPServer(client)
        server = AgentsMCPServer(client, ["approver", "@Asker"], approve_tools=True)
        async with create_connected_server_and_client_session(server.server) as session:
            steps: list[str | None] = []

            async def on_progress(value: float, total: float | None, message: str | None) -> None:
                steps.append(message)

            approved = await session.call_tool(
                "approver", {"question": "deploy"}, progress_callback=on_progress
            )
            assert not approved.isError, approved.content
            assert approved.structuredContent is not None
            actions = approved.structuredContent["actions"]
            assert [action["status"] for action in actions] == ["succeeded"]
            # Progress names the agent's steps (its tool calls) besides the reply tokens.
            tool = actions[0]["tool"]
            assert steps[:2] == [f"running tool {tool}", f"tool {tool} done"]
            assert "".join(str(step) for step in steps[2:]) == approved.structuredContent["reply"]
            asked = await session.call_tool("asker", {"question": "deploy"})
            lost = await session.call_tool(
                "approver", {"question": "q", "conversation_id": "no-such-conversation"}
            )
        assert lost.isError
        assert lost.structuredContent is not None
        assert lost.structuredContent["error"]["code"] == "conversation_not_found"
        assert lost.structuredContent["error"]["status"] == 404
        assert text_of(lost).startswith("Dust error conversation_not_found: ")
        assert asked.isError
        assert asked.structuredContent is not None
        assert asked.structuredContent["error"]["code"] == "tool_action_required"
        assert "which an MCP tool call cannot answer" in text_of(asked)
        # The blocked generation is cancelled, not left waiting.
        assert len(cancels(fresh_dust_emulator)) == 1
        with pytest.raises(DustInvalidArgumentError, match="no agent 'nobody'"):
            await AgentsMCPServer(client, ["nobody"]).tools()


async def test_all_agents_are_served_under_valid_unique_names(fresh_dust_emulator: EmulatorServer) -> None:
    async with AsyncDustClient(**_client_fields(fresh_dust_emulator)) as client:
        listed = await client.agents.list()
        tools = await AgentsMCPServer(client, all_agents=True).tools()
    assert sorted(tool.agent.sId for tool in tools) == sorted(agent.sId for agent in listed)
    assert len({tool.name for tool in tools}) == len(tools)
    assert all(validate_tool_name(tool.name).is_valid for tool in tools)
    assert {"echo", "approver", "failing"} <= {tool.name for tool in tools}


async def test_a_generation_cancelled_on_dust_is_a_tool_error(fresh_dust_emulator: EmulatorServer) -> None:
    async with AsyncDustClient(**_client_fields(fresh_dust_emulator)) as client:
        server = AgentsMCPServer(client, ["echo"])
        [tool] = await server.tools()
        started = anyio.Event()
        results: list[types.CallToolResult] = []

        async def report(progress: float, message: str) -> None:
            started.set()

        async def ask() -> None:
            results.append(await server.ask(tool, parse_arguments({"question": "gate=held a b"}), report))

        async with anyio.create_task_group() as group:
            group.start_soon(ask)
            with anyio.fail_after(10):
                await started.wait()
            # Someone stops the generation in the Dust web app.
            [conversation] = await client.conversations.list()
            agent_message = (await client.conversations.get(conversation.sId)).messages[-1]
            await client.conversations.cancel(conversation.sId, [agent_message.sId])
    [result] = results
    assert result.isError
    assert result.structuredContent is not None
    assert result.structuredContent["error"]["code"] == "generation_cancelled"
    assert result.structuredContent["conversation_id"] == conversation.sId
    assert len(cancels(fresh_dust_emulator)) == 1  # the one from the web app; the server sends none


def _client_fields(server: EmulatorServer) -> dict[str, Any]:
    return {"workspace_id": server.workspace_id, "api_key": server.api_key, "base_url": server.base_url}


# --- over stdio, with the SDK's own client --------------------------------------------------------------------


async def test_stdio_lists_agents_answers_with_progress_continues_and_reports_errors(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    progress: list[tuple[float, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append((value, message))

    async with stdio_session(
        fresh_dust_emulator, "--agent", "echo", "-a", "Failing", "-a", "approver"
    ) as session:
        listed = await session.list_tools()
        assert [tool.name for tool in listed.tools] == ["echo", "failing", "approver"]
        echo = listed.tools[0]
        assert echo.description is not None
        assert "@echo" in echo.description
        assert echo.inputSchema["required"] == ["question"]
        assert echo.outputSchema is not None

        first = await session.call_tool(
            "echo", {"question": "hello MCP world"}, progress_callback=on_progress
        )
        assert not first.isError
        assert text_of(first) == "hello MCP world"
        structured = first.structuredContent
        assert structured is not None
        assert structured["reply"] == "hello MCP world"
        conversation_id = structured["conversation_id"]
        assert structured["conversation_url"].endswith(
            f"/w/{fresh_dust_emulator.workspace_id}/conversation/{conversation_id}"
        )
        assert progress == [(1, "hello "), (2, "MCP "), (3, "world")]

        follow_up = await session.call_tool(
            "echo",
            {"question": "and again", "conversation_id": conversation_id, "attachment": "log line 1"},
        )
        assert follow_up.structuredContent is not None
        assert follow_up.structuredContent["conversation_id"] == conversation_id
        assert follow_up.structuredContent["reply"] == "and again"

        failed = await session.call_tool("failing", {"question": "anything"})
        assert failed.isError
        assert failed.structuredContent is not None
        assert failed.structuredContent["error"]["code"] == "emulator_scripted_failure"
        assert "Dust error emulator_scripted_failure" in text_of(failed)

        waiting = await session.call_tool("approver", {"question": "deploy"})
        assert waiting.isError
        assert waiting.structuredContent is not None
        assert waiting.structuredContent["error"]["code"] == "tool_action_required"
        assert "--approve-tools" in text_of(waiting)
        assert waiting.structuredContent["conversation_id"] != conversation_id

        unknown = await session.call_tool("nobody", {"question": "x"})
        assert unknown.isError
        assert "Unknown tool" in text_of(unknown)

    requests = fresh_dust_emulator.requests()
    assert (
        f"POST /api/v1/w/{fresh_dust_emulator.workspace_id}/assistant/conversations/{conversation_id}/content_fragments"
        in requests
    )
    # The generation blocked on the approval is cancelled, once; the finished ones are not.
    assert len(cancels(fresh_dust_emulator)) == 1


class ProgressTokens:
    """A client message handler that keeps the progress tokens the server sends: the SDK's client uses the
    request id as the token, so the first one names the call to cancel."""

    def __init__(self) -> None:
        self.tokens: list[str | int] = []
        self.first = anyio.Event()

    def forget(self) -> None:
        """Wait for the next call's progress from now on."""
        self.tokens.clear()
        self.first = anyio.Event()

    async def __call__(
        self, message: RequestResponder[Any, Any] | types.ServerNotification | Exception
    ) -> None:
        if isinstance(message, types.ServerNotification) and isinstance(
            message.root, types.ProgressNotification
        ):
            self.tokens.append(message.root.params.progressToken)
            self.first.set()


async def cancel_mid_stream(session: ClientSession, progress: ProgressTokens, server: EmulatorServer) -> None:
    """Call echo on a held gate, cancel the call (MCP notifications/cancelled) once the reply streams; the
    generation on Dust is cancelled exactly once and the session goes on."""

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        pass

    outcome: list[BaseException | types.CallToolResult] = []

    async def call() -> None:
        try:
            outcome.append(
                await session.call_tool(
                    "echo", {"question": "gate=held one two"}, progress_callback=on_progress
                )
            )
        except McpError as exc:
            outcome.append(exc)

    async with anyio.create_task_group() as group:
        group.start_soon(call)
        with anyio.fail_after(10):
            await progress.first.wait()  # the agent streams, then waits on its gate
        cancelled = types.CancelledNotificationParams(requestId=progress.tokens[0], reason="user stopped")
        await session.send_notification(
            types.ClientNotification(types.CancelledNotification(params=cancelled))
        )
    assert isinstance(outcome[0], McpError)
    await wait_for(lambda: len(cancels(server)) == 1)
    assert text_of(await session.call_tool("echo", {"question": "next"})) == "next"
    assert len(cancels(server)) == 1


async def test_stdio_cancel_mid_stream_cancels_the_generation_once(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    progress = ProgressTokens()
    async with stdio_session(fresh_dust_emulator, "--agent", "echo", message_handler=progress) as session:
        await cancel_mid_stream(session, progress, fresh_dust_emulator)
    assert len(cancels(fresh_dust_emulator)) == 1


def test_cli_errors_are_one_line_on_stderr(fresh_dust_emulator: EmulatorServer) -> None:
    env = {key: value for key, value in dust_env(fresh_dust_emulator).items() if key.startswith("DUST_")}
    no_agent = CliRunner().invoke(app, ["mcp", "serve"], env=env)
    assert no_agent.exit_code == 2
    assert "--agent NAME_OR_SID" in no_agent.stderr
    assert no_agent.stdout == ""
    unknown = CliRunner().invoke(app, ["mcp", "serve", "--agent", "nobody"], env=env)
    assert unknown.exit_code == 2
    assert "no agent 'nobody'" in unknown.stderr
    assert unknown.stdout == ""


def test_without_the_mcp_extra_the_cli_works_and_serve_says_what_to_install(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    script = (
        "import sys; sys.modules['mcp'] = None\n"  # as if the package were not installed
        "import dust_ext.cli\n"
        "sys.argv = ['dust', 'mcp', 'serve', '--agent', 'echo']\n"
        "dust_ext.cli.main()\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        env=dust_env(fresh_dust_emulator),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert "pip install 'dust-python[mcp]'" in completed.stderr


# --- over streamable HTTP, with an OAuth access token -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_http_transport_with_an_oauth_token_and_cancel(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "output"
    with log.open("wb") as output:
        process = await anyio.open_process(
            [*dust_command(), "mcp", "serve", "--http", "--port", str(port), "--agent", "echo"],
            env=dust_env(fresh_dust_emulator, oauth=True),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
        )
    try:
        await wait_for(lambda: _accepts(port) or process.returncode is not None)
        assert process.returncode is None, log.read_text()
        progress: list[str | None] = []

        async def on_progress(value: float, total: float | None, message: str | None) -> None:
            progress.append(message)

        tokens = ProgressTokens()
        async with (
            streamable_http_client(f"http://127.0.0.1:{port}/mcp") as (read, write, _),
            ClientSession(read, write, message_handler=tokens) as session,
        ):
            await session.initialize()
            assert [tool.name for tool in (await session.list_tools()).tools] == ["echo"]
            result = await session.call_tool("echo", {"question": "over http"}, progress_callback=on_progress)
            assert text_of(result) == "over http"
            assert progress == ["over ", "http"]
            tokens.forget()
            await cancel_mid_stream(session, tokens, fresh_dust_emulator)
    finally:
        process.terminate()
        with anyio.fail_after(10):
            await process.wait()
    assert f"serving 1 agent(s) at http://127.0.0.1:{port}/mcp" in log.read_text()


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


# --- a hostile MCP client: raw JSON-RPC lines ---------------------------------------------------------------


class RawClient:
    """Writes JSON-RPC lines to ``dust mcp serve`` and reads its answers (skipping notifications unless
    asked), as a badly behaved client would."""

    def __init__(self, server: EmulatorServer, stderr: Path, *serve_args: str) -> None:
        # stderr goes to a file: a pipe nobody reads would block the server once full.
        with stderr.open("wb") as errors:
            self.process = subprocess.Popen(
                [*dust_command(), "mcp", "serve", *serve_args],
                env=dust_env(server),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        self.stderr = stderr

    def send_line(self, line: bytes) -> None:
        self.stdin.write(line + b"\n")
        self.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_line(json.dumps(message).encode())

    def read(self) -> dict[str, Any]:
        """The next message; fails rather than hang when none comes within 10 s."""
        ready, _, _ = select.select([self.stdout], [], [], 10)
        assert ready, f"no answer from the server; its stderr: {self.stderr.read_text()[-2000:]}"
        line = self.stdout.readline()
        assert line, "the server closed stdout"
        message: dict[str, Any] = json.loads(line)
        return message

    def close(self) -> int:
        """Close stdin (the client goes away) and return the server's exit status."""
        self.stdin.close()
        status = self.process.wait(timeout=10)
        self.stdout.close()
        return status

    def answer_to(self, request_id: int) -> dict[str, Any]:
        while True:
            message = self.read()
            if message.get("id") == request_id and "method" not in message:
                return message

    def initialize(self) -> None:
        self.send(
            {
                "jsonrpc": "2.0",
                "id": 0,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-06-18",
                    "capabilities": {},
                    "clientInfo": {"name": "hostile", "version": "0"},
                },
            }
        )
        assert "result" in self.answer_to(0)
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def call(self, request_id: int, name: str, arguments: Any, *, progress: bool = False) -> None:
        params: dict[str, Any] = {"name": name, "arguments": arguments}
        if progress:
            params["_meta"] = {"progressToken": f"p{request_id}"}
        self.send({"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": params})


def test_hostile_client_gets_errors_and_the_server_keeps_serving(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    client = RawClient(fresh_dust_emulator, tmp_path / "stderr", "--agent", "echo")
    try:
        client.initialize()
        # Lines that are no JSON-RPC message (the SDK cannot tell their id): reported as log messages.
        for line in (
            b"{this is not json",
            b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": 5}',
        ):
            client.send_line(line)
            reported = client.read()
            assert reported["method"] == "notifications/message"
            assert reported["params"]["level"] == "error"
        client.send({"jsonrpc": "2.0", "id": 2, "method": "no/such/method"})
        assert client.answer_to(2)["error"]["code"] == types.INVALID_PARAMS
        client.call(3, "nobody", {"question": "x"})
        assert client.answer_to(3)["result"]["isError"] is True
        client.call(4, "echo", {"question": "z" * 3_000_000})
        huge = client.answer_to(4)["result"]
        assert huge["isError"] is True
        assert huge["structuredContent"]["error"]["code"] == "invalid_arguments"
        assert len(huge["content"][0]["text"]) < 300
        client.call(5, "echo", ["not", "an", "object"])
        not_an_object = client.answer_to(5)
        assert "error" in not_an_object or not_an_object["result"]["isError"]
        client.call(6, "echo", {"question": "still here"})
        assert client.answer_to(6)["result"]["content"][0]["text"] == "still here"
    finally:
        assert client.close() == 0
    # Nothing but the echo reply reached Dust: the bad calls were refused before.
    posts = [request for request in fresh_dust_emulator.requests() if request.startswith("POST")]
    assert len(posts) == 1


def test_client_disconnect_mid_call_cancels_the_agent_and_exits(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    client = RawClient(fresh_dust_emulator, tmp_path / "stderr", "--agent", "echo")
    try:
        client.initialize()
        client.call(1, "echo", {"question": "gate=never one two"}, progress=True)
        notification = client.read()
        assert notification["method"] == "notifications/progress"
        assert notification["params"]["progressToken"] == "p1"
    finally:
        assert client.close() == 0  # the client goes away mid-call; the server ends
    assert len(cancels(fresh_dust_emulator)) == 1
