"""Dust agents as tools for any MCP client (Claude Desktop, Cursor, an IDE agent, a program using an MCP
SDK): ``dust mcp serve``, or from Python::

    async with AsyncDustClient() as client:
        await AgentsMCPServer(client, ["support-bot"]).run_stdio()

Needs the ``mcp`` extra (``pip install 'dust-python[mcp]'``): the official MCP Python SDK. The other
direction, Python functions as tools for Dust agents, is :mod:`dust_ext.mcp` (``client.mcp``).
"""

try:
    import mcp  # noqa: F401  (checked here so that the error says which extra to install)
except ImportError as exc:  # pragma: no cover - exercised in a subprocess without the package
    raise ImportError(
        "Dust agents as MCP tools need the official MCP SDK: pip install 'dust-python[mcp]'"
    ) from exc

from dust_ext.agents_mcp.server import HTTP_PATH, AgentsMCPServer, progress_message
from dust_ext.agents_mcp.tools import (
    INPUT_SCHEMA,
    OUTPUT_SCHEMA,
    AgentQuestion,
    AgentTool,
    ToolArgumentError,
    agent_tools,
    parse_arguments,
    tool_name_for,
)

__all__ = [
    "HTTP_PATH",
    "INPUT_SCHEMA",
    "OUTPUT_SCHEMA",
    "AgentQuestion",
    "AgentTool",
    "AgentsMCPServer",
    "ToolArgumentError",
    "agent_tools",
    "parse_arguments",
    "progress_message",
    "tool_name_for",
]
