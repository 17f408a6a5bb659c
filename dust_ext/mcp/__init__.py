"""Client-side MCP servers: Python functions exposed to Dust agents as tools (see ``client.mcp``)."""

from dust_ext.mcp.server import Tool, ToolCall, ToolServerProtocol
from dust_ext.mcp.tool_server import AsyncToolServer, ToolServer
from dust_ext.types.mcp import MCPHeartbeat, MCPRegistration, MCPRequest, MCPServerView

__all__ = [
    "AsyncToolServer",
    "MCPHeartbeat",
    "MCPRegistration",
    "MCPRequest",
    "MCPServerView",
    "Tool",
    "ToolCall",
    "ToolServer",
    "ToolServerProtocol",
]
