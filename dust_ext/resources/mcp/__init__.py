"""``client.mcp``: run a client-side MCP server, so Dust agents can call your Python functions as tools.
``_async.py`` is generated from openapi/ (make generate) and inherits the hand-written methods of
``_behaviour_async.py``; the blocking twins come from make unasync; the running servers are in
:mod:`dust_ext.mcp.tool_server`.

The one-liner is :meth:`MCP.serve`::

    def add(a: int, b: int) -> int:
        "Add two integers."
        return a + b

    with client.mcp.serve(tools=[add], server_name="python-tools") as server:
        client.chat.send(agent="my-agent", text="What is 2 + 40?",
                         context={"username": "me", "timezone": "UTC",
                                  "clientSideMCPServerIds": [server.server_id]})

``serve`` registers the server, renews the registration with heartbeats, reads Dust's requests from the
request stream, calls the matching function with the request's arguments and posts the result, until
stopped (leaving the block, or ``stop()``). The building blocks are public too: :meth:`MCP.register`,
:meth:`MCP.heartbeat`, :meth:`MCP.stream_requests`, :meth:`MCP.post_result`, :meth:`MCP.deregister`. Tool servers made available
in a space (Dust's own and remote ones) are listed by :meth:`MCP.list_server_views`.
"""

from dust_ext.mcp.tool_server import HEARTBEAT_INTERVAL, STOP_POLL_INTERVAL, AsyncToolServer, ToolServer
from dust_ext.resources.mcp._async import AsyncMCP, AsyncMCPWithRawResponse, AsyncMCPWithStreamingResponse
from dust_ext.resources.mcp._sync import MCP, MCPWithRawResponse, MCPWithStreamingResponse
from dust_ext.resources.mcp.calls import (
    RequestCursor,
    ServerViewList,
    ToolLike,
    as_tools,
    requests_path,
)

__all__ = [
    "HEARTBEAT_INTERVAL",
    "MCP",
    "STOP_POLL_INTERVAL",
    "AsyncMCP",
    "AsyncMCPWithRawResponse",
    "AsyncMCPWithStreamingResponse",
    "AsyncToolServer",
    "MCPWithRawResponse",
    "MCPWithStreamingResponse",
    "RequestCursor",
    "ServerViewList",
    "ToolLike",
    "ToolServer",
    "as_tools",
    "requests_path",
]
