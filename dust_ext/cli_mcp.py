"""``dust mcp serve``: Dust agents as tools for any MCP client, over stdio or streamable HTTP.

Registered in :mod:`dust_ext.cli` as the ``mcp`` command group. The ``mcp`` package (the extra of the same
name) is imported only when the command runs, so the rest of the CLI works without it. Over stdio, stdout
carries the protocol: this command writes nothing else there (errors go to stderr).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import anyio
import typer
from rich.console import Console
from rich.text import Text

from dust_ext.exceptions import DustConfigError, DustError, DustInvalidArgumentError

if TYPE_CHECKING:
    from dust_ext.config import DustConfig

mcp_app = typer.Typer(
    help="Serve Dust agents to MCP clients (Claude Desktop, Cursor, IDEs).", no_args_is_help=True
)

_err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

EXIT_API_ERROR = 1
EXIT_CONFIG_ERROR = 2
EXIT_INTERRUPTED = 130


def _fail(label: str, message: str, code: int) -> typer.Exit:
    _err.print(Text(f"{label}: ", style="red"), Text(message), sep="")
    return typer.Exit(code)


@mcp_app.command("serve")
def serve(
    ctx: typer.Context,
    agent: Annotated[
        list[str] | None,
        typer.Option("--agent", "-a", help="An agent to serve, by sId or name; repeat for several."),
    ] = None,
    all_agents: Annotated[bool, typer.Option("--all", help="Serve every active agent you can use.")] = False,
    approve_tools: Annotated[
        bool,
        typer.Option(
            "--approve-tools",
            help="Approve the agents' tool calls that wait for approval (else such a call fails).",
        ),
    ] = False,
    http: Annotated[
        bool, typer.Option("--http", help="Serve the streamable HTTP transport instead of stdio.")
    ] = False,
    host: Annotated[str, typer.Option("--host", help="With --http: the address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="With --http: the port to listen on.")] = 8000,
) -> None:
    """Serve Dust agents as MCP tools, one tool per agent, over stdio (what Claude Desktop and most MCP
    clients launch) or, with --http, at http://HOST:PORT/mcp."""
    if not agent and not all_agents:
        raise _fail("usage", "pass --agent NAME_OR_SID (repeat for several) or --all", EXIT_CONFIG_ERROR)
    try:
        from dust_ext.agents_mcp import AgentsMCPServer  # noqa: F401  (checks the extra is installed)
    except ImportError as exc:
        raise _fail("missing dependency", str(exc), EXIT_CONFIG_ERROR) from None
    try:
        config: DustConfig = ctx.obj.config()
    except DustConfigError as exc:
        raise _fail("configuration error", str(exc), EXIT_CONFIG_ERROR) from None
    try:
        anyio.run(_serve, config, list(agent or []), all_agents, approve_tools, http, host, port)
    except DustInvalidArgumentError as exc:
        raise _fail("error", str(exc), EXIT_CONFIG_ERROR) from None
    except DustError as exc:
        raise _fail("error", str(exc), EXIT_API_ERROR) from None
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None


async def _serve(
    config: DustConfig,
    agents: list[str],
    all_agents: bool,
    approve_tools: bool,
    http: bool,
    host: str,
    port: int,
) -> None:
    from dust_ext._client import AsyncDustClient
    from dust_ext.agents_mcp import AgentsMCPServer

    async with AsyncDustClient(config) as client:
        server = AgentsMCPServer(client, agents, all_agents=all_agents, approve_tools=approve_tools)
        if http:
            tools = await server.tools()
            _err.print(
                Text(f"serving {len(tools)} agent(s) at http://{host}:{port}/mcp", style="dim"),
            )
            await server.run_http(host, port)
        else:
            await server.run_stdio()
