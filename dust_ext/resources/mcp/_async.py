"""``client.mcp``: register client-side MCP servers, read Dust's requests, post the results, and serve
Python functions as tools (``_sync.py`` is generated from this file)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._async import AsyncStream
from dust_ext.mcp.server import ToolServerProtocol
from dust_ext.mcp.tool_server import HEARTBEAT_INTERVAL, STOP_POLL_INTERVAL, AsyncToolServer
from dust_ext.resources._base._async import (
    AsyncResource,
    async_stream_to_raw_response_wrapper,
    async_stream_to_streamed_response_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.mcp.calls import (
    RequestCursor,
    RequestStreamPlan,
    ServerViewList,
    ToolLike,
    as_tools,
    deregister_call,
    heartbeat_call,
    post_result_call,
    register_call,
    requests_path,
    server_views_call,
)
from dust_ext.types.mcp import MCPHeartbeat, MCPRegistration, MCPRequest


def _never() -> bool:
    return False


class AsyncMCP(AsyncResource):
    """Client-side MCP servers and MCP server views: ``client.mcp``."""

    async def register(self, server_name: str, *, options: RequestOptions | None = None) -> MCPRegistration:
        """Register a client-side MCP server named ``server_name`` (5 to 30 characters); ``.serverId`` is
        what messages name in ``context.clientSideMCPServerIds``."""
        return await self._run(register_call(self._workspace_id, server_name).with_options(options))

    async def heartbeat(self, server_id: str, *, options: RequestOptions | None = None) -> MCPHeartbeat:
        """Keep a registration alive (``.expiresAt`` is the new expiry)."""
        return await self._run(heartbeat_call(self._workspace_id, server_id).with_options(options))

    async def deregister(self, server_id: str, *, options: RequestOptions | None = None) -> bool:
        """End a registration now rather than at its expiry: Dust stops sending it requests."""
        return await self._run(deregister_call(self._workspace_id, server_id).with_options(options))

    async def post_result(
        self, server_id: str, result: Mapping[str, Any], *, options: RequestOptions | None = None
    ) -> bool:
        """Send Dust a JSON-RPC response (``{"jsonrpc": "2.0", "id": <request id>, "result": {...}}``)."""
        return await self._run(post_result_call(self._workspace_id, server_id, result).with_options(options))

    async def list_server_views(
        self,
        space_id: str,
        *,
        include_auto: bool | None = None,
        include_manual: bool | None = None,
        options: RequestOptions | None = None,
    ) -> ServerViewList:
        """The tool servers available in a space (``include_auto``: also those agents get automatically)."""
        call = server_views_call(self._workspace_id, space_id, include_auto, include_manual)
        return await self._run(call.with_options(options))

    def stream_requests(self, server_id: str, last_event_id: str | None = None) -> AsyncStream[MCPRequest]:
        """The JSON-RPC requests Dust sends the server, as they come (server-sent events; with
        ``AsyncDustClient``, iterate with ``async for``). Dust ends the stream from time to time; this
        reconnects, resuming after the last request received (or after ``last_event_id``), and runs until
        you stop iterating."""
        return self._requests(server_id, last_event_id, None, _never)

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
        return AsyncToolServer(self, protocol, heartbeat_interval, stop_poll_interval)

    @cached_property
    def with_raw_response(self) -> AsyncMCPWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncMCPWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncMCPWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncMCPWithStreamingResponse(self)


class AsyncMCPWithRawResponse:
    """``client.mcp.with_raw_response`` (``stream_requests``: its first connection's response, opened at
    once, and ``parse()`` is the stream; ``serve`` runs a server and has no single response)."""

    def __init__(self, mcp: AsyncMCP) -> None:
        self.register = async_to_raw_response_wrapper(mcp.register)
        self.heartbeat = async_to_raw_response_wrapper(mcp.heartbeat)
        self.deregister = async_to_raw_response_wrapper(mcp.deregister)
        self.post_result = async_to_raw_response_wrapper(mcp.post_result)
        self.list_server_views = async_to_raw_response_wrapper(mcp.list_server_views)
        self.stream_requests = async_stream_to_raw_response_wrapper(mcp.stream_requests)


class AsyncMCPWithStreamingResponse:
    """``client.mcp.with_streaming_response``."""

    def __init__(self, mcp: AsyncMCP) -> None:
        self.register = async_to_streamed_response_wrapper(mcp.register)
        self.heartbeat = async_to_streamed_response_wrapper(mcp.heartbeat)
        self.deregister = async_to_streamed_response_wrapper(mcp.deregister)
        self.post_result = async_to_streamed_response_wrapper(mcp.post_result)
        self.list_server_views = async_to_streamed_response_wrapper(mcp.list_server_views)
        self.stream_requests = async_stream_to_streamed_response_wrapper(mcp.stream_requests)
