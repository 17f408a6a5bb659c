"""``client.mcp``' hand-written methods, inherited by the generated ``AsyncMCP`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from dust_ext._streaming._async import AsyncStream
from dust_ext.mcp.server import ToolServerProtocol
from dust_ext.mcp.tool_server import HEARTBEAT_INTERVAL, STOP_POLL_INTERVAL, AsyncToolServer
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.mcp.calls import RequestCursor, RequestStreamPlan, ToolLike, as_tools, requests_path
from dust_ext.types.mcp import MCPRequest

if TYPE_CHECKING:
    from dust_ext.resources.mcp._async import AsyncMCP


class AsyncMCPBehaviour(AsyncResource):
    """``client.mcp``' request stream and tool server."""

    def stream_requests(self, server_id: str, last_event_id: str | None = None) -> AsyncStream[MCPRequest]:
        """The JSON-RPC requests Dust sends the server, as they come (server-sent events; with
        ``AsyncDustClient``, iterate with ``async for``). Dust ends the stream from time to time; this
        reconnects, resuming after the last request received (or after ``last_event_id``), and runs until
        you stop iterating."""
        return self._requests(server_id, last_event_id, None, lambda: False)

    def _requests(
        self,
        server_id: str,
        last_event_id: str | None,
        read_timeout: float | None,
        should_stop: Callable[[], bool],
    ) -> AsyncStream[MCPRequest]:
        # The tool servers read through this too: a blocking one passes a read timeout and its stop flag,
        # so its thread notices a stop request between reads.
        plan = RequestStreamPlan(
            requests_path(self._workspace_id),
            RequestCursor(server_id, last_event_id),
            reconnect_delay=self._client.stream_policy.reconnect_delay,
            read_timeout=read_timeout,
            should_stop=should_stop,
        )
        return AsyncStream(self._client.http, plan, self._client.sleep)

    def serve(
        self,
        tools: Iterable[ToolLike],
        *,
        server_name: str = "python-tools",
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
        stop_poll_interval: float = STOP_POLL_INTERVAL,
    ) -> AsyncToolServer:
        """A client-side MCP server exposing ``tools`` (plain functions: their name, docstring and type
        hints describe them). Start it with ``with`` (``async with`` on ``AsyncDustClient``), which stops
        it on exit, or ``.start()`` / ``.stop()``. A ``DustClient`` serves from background threads, which
        check every ``stop_poll_interval`` seconds whether they were asked to stop; an ``AsyncDustClient``
        serves from asyncio tasks (cancelled at once on stop), where sync functions run in a worker thread
        and coroutine functions are awaited."""
        protocol = ToolServerProtocol(as_tools(tools), server_name=server_name)
        # The server calls the generated methods too: this is always the full AsyncMCP.
        return AsyncToolServer(cast("AsyncMCP", self), protocol, heartbeat_interval, stop_poll_interval)
