"""``client.mcp``: run a client-side MCP server, so Dust agents can call your Python functions as tools.

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

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx
from dust_api.api.mcp import (
    deregister_mcp_server,
    heartbeat_mcp_server,
    post_mcp_results,
    register_mcp_server,
    stream_mcp_requests,
)
from dust_api.api.tools import list_mcp_server_views
from dust_api.models import (
    DeregisterMcpServerBody,
    HeartbeatMcpServerBody,
    PostMcpResultsBody,
    RegisterMcpServerBody,
)

from dust_ext._http import RequestOptions
from dust_ext._streaming import aiter_messages, aopen_stream, iter_messages, open_stream
from dust_ext.data_sources.calls import given
from dust_ext.exceptions import DustConnectionError, DustError, DustNotFoundError, DustTimeoutError
from dust_ext.mcp.models import MCPHeartbeat, MCPRegistration, MCPRequest, MCPServerView, decode_request_frame
from dust_ext.mcp.server import Tool, ToolCall, ToolServerProtocol
from dust_ext.resources._base import (
    AsyncResource,
    Call,
    Resource,
    field_of,
    generated_call,
    generated_kwargs,
    list_of,
    success_flag,
)

if TYPE_CHECKING:
    pass

logger = logging.getLogger("dust_ext")

ToolLike = Tool | Callable[..., Any]
"""A tool to serve: a :class:`Tool`, or a plain (sync or async) function, described by its signature."""
ServerViewList = list[MCPServerView]

#: The official client's heartbeat period; a registration lives a little longer than that.
HEARTBEAT_INTERVAL = 300.0
#: Deregistering on stop is a courtesy (the registration expires anyway): one attempt, no retries.
_ONE_TRY = RequestOptions(max_retries=0)
#: How long a sync server's stream read waits before checking whether it was asked to stop.
STOP_POLL_INTERVAL = 1.0


# --- calls (pure) ----------------------------------------------------------------------------------------


def register_call(workspace_id: str, server_name: str) -> Call[MCPRegistration]:
    if not 5 <= len(server_name) <= 30:
        raise ValueError(
            f"server_name must be 5 to 30 characters long, not {len(server_name)}: {server_name!r}"
        )
    return generated_call(
        register_mcp_server,
        field_of(MCPRegistration),
        w_id=workspace_id,
        body=RegisterMcpServerBody.from_dict({"serverName": server_name}),
    )


def heartbeat_call(workspace_id: str, server_id: str) -> Call[MCPHeartbeat]:
    # Renewing twice is harmless, so a heartbeat may be retried like a GET.
    call = generated_call(
        heartbeat_mcp_server,
        field_of(MCPHeartbeat),
        w_id=workspace_id,
        body=HeartbeatMcpServerBody.from_dict({"serverId": server_id}),
    )
    return call.with_options(RequestOptions(idempotent=True))


def deregister_call(workspace_id: str, server_id: str) -> Call[bool]:
    # Deregistering twice is harmless (Dust answers success either way), so it may be retried.
    call = generated_call(
        deregister_mcp_server,
        success_flag,
        w_id=workspace_id,
        body=DeregisterMcpServerBody.from_dict({"serverId": server_id}),
    )
    return call.with_options(RequestOptions(idempotent=True))


def post_result_call(workspace_id: str, server_id: str, result: Mapping[str, Any]) -> Call[bool]:
    return generated_call(
        post_mcp_results,
        success_flag,
        w_id=workspace_id,
        body=PostMcpResultsBody.from_dict({"serverId": server_id, "result": dict(result)}),
    )


def server_views_call(
    workspace_id: str, space_id: str, include_auto: bool | None, include_manual: bool | None
) -> Call[ServerViewList]:
    return generated_call(
        list_mcp_server_views,
        list_of(MCPServerView, "serverViews"),
        w_id=workspace_id,
        space_id=space_id,
        include_auto=given(include_auto),
        include_manual=given(include_manual),
    )


def requests_path(workspace_id: str) -> str:
    return str(generated_kwargs(stream_mcp_requests, w_id=workspace_id, server_id="")["url"])


def as_tools(tools: Iterable[ToolLike]) -> list[Tool]:
    converted = [tool if isinstance(tool, Tool) else Tool.from_function(tool) for tool in tools]
    names = [tool.name for tool in converted]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"two tools share the name(s) {duplicates}: pass Tool.from_function(f, name=...)")
    return converted


class _RequestCursor:
    """Where a request stream resumes (``lastEventId``) and the query each connection sends."""

    def __init__(self, server_id: str, last_event_id: str | None) -> None:
        self.server_id = server_id
        self.last_event_id = last_event_id

    def params(self) -> dict[str, str]:
        params = {"serverId": self.server_id}
        if self.last_event_id:
            params["lastEventId"] = self.last_event_id
        return params

    def decode(self, data: str, url: str) -> MCPRequest | None:
        request = decode_request_frame(data, url)
        if request is not None:
            self.last_event_id = request.event_id
        return request


# --- sync ------------------------------------------------------------------------------------------------


class MCP(Resource):
    """Client-side MCP servers and MCP server views (sync)."""

    def register(self, server_name: str, *, options: RequestOptions | None = None) -> MCPRegistration:
        """Register a client-side MCP server named ``server_name`` (5 to 30 characters); ``.serverId`` is
        what messages name in ``context.clientSideMCPServerIds``."""
        return self._run(register_call(self._workspace_id, server_name).with_options(options))

    def heartbeat(self, server_id: str, *, options: RequestOptions | None = None) -> MCPHeartbeat:
        """Keep a registration alive (``.expiresAt`` is the new expiry)."""
        return self._run(heartbeat_call(self._workspace_id, server_id).with_options(options))

    def deregister(self, server_id: str, *, options: RequestOptions | None = None) -> bool:
        """End a registration now rather than at its expiry: Dust stops sending it requests."""
        return self._run(deregister_call(self._workspace_id, server_id).with_options(options))

    def post_result(
        self, server_id: str, result: Mapping[str, Any], *, options: RequestOptions | None = None
    ) -> bool:
        """Send Dust a JSON-RPC response (``{"jsonrpc": "2.0", "id": <request id>, "result": {...}}``)."""
        return self._run(post_result_call(self._workspace_id, server_id, result).with_options(options))

    def list_server_views(
        self,
        space_id: str,
        *,
        include_auto: bool | None = None,
        include_manual: bool | None = None,
        options: RequestOptions | None = None,
    ) -> ServerViewList:
        """The tool servers available in a space (``include_auto``: also those agents get automatically)."""
        call = server_views_call(self._workspace_id, space_id, include_auto, include_manual)
        return self._run(call.with_options(options))

    def stream_requests(self, server_id: str, last_event_id: str | None = None) -> Generator[MCPRequest]:
        """The JSON-RPC requests Dust sends the server, as they come (server-sent events). Dust ends the
        stream from time to time; this reconnects, resuming after the last request received (or after
        ``last_event_id``), and runs until you stop iterating."""
        return self._requests(_RequestCursor(server_id, last_event_id), None, lambda: False)

    def _requests(
        self, cursor: _RequestCursor, read_timeout: float | None, should_stop: Callable[[], bool]
    ) -> Generator[MCPRequest]:
        path = requests_path(self._workspace_id)
        http = self._client.http
        while not should_stop():
            options = RequestOptions(max_retries=0, timeout=read_timeout)
            delivered = False
            try:
                with open_stream(http, "GET", path, params=cursor.params(), options=options) as response:
                    url = str(response.request.url)
                    for sse in iter_messages(response.iter_bytes(), method="GET", url=url):
                        request = cursor.decode(sse.data, url)
                        if request is not None:
                            delivered = True
                            yield request
                        if should_stop():
                            return
            except (httpx.TimeoutException, DustTimeoutError):
                continue
            except (httpx.TransportError, DustConnectionError) as exc:
                logger.info("dust MCP request stream dropped (%s); reconnecting", exc)
                self._client.sleep(self._client.stream_policy.reconnect_delay)
                continue
            if not delivered:
                # Dust ends each connection with `data: done` and the client reconnects at once; one that
                # brought nothing waits first, so a server answering only `done` cannot make it spin.
                self._client.sleep(self._client.stream_policy.reconnect_delay)

    def serve(
        self,
        tools: Iterable[ToolLike],
        *,
        server_name: str = "python-tools",
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
        stop_poll_interval: float = STOP_POLL_INTERVAL,
    ) -> ToolServer:
        """A client-side MCP server exposing ``tools`` (plain functions: their name, docstring and type
        hints describe them). Start it with ``with`` (stops on exit) or ``.start()`` / ``.stop()``; it
        serves from background threads."""
        protocol = ToolServerProtocol(as_tools(tools), server_name=server_name)
        return ToolServer(self, protocol, heartbeat_interval, stop_poll_interval)


class ToolServer:
    """A running client-side MCP server (sync): registered, heartbeating, answering requests in a thread."""

    def __init__(
        self, mcp: MCP, protocol: ToolServerProtocol, heartbeat_interval: float, stop_poll_interval: float
    ) -> None:
        self._mcp = mcp
        self.protocol = protocol
        self.heartbeat_interval = heartbeat_interval
        self.stop_poll_interval = stop_poll_interval
        self.server_id: str | None = None
        self.handled: list[MCPRequest] = []
        """Every request answered so far."""
        self.error: BaseException | None = None
        """What stopped the server, if it stopped by itself."""
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> Self:
        """Register and start serving (idempotent)."""
        if self.server_id is None:
            self.server_id = self._mcp.register(self.protocol.server_name).serverId
            for target, name in ((self._serve, "requests"), (self._beat, "heartbeat")):
                thread = threading.Thread(target=target, name=f"dust-mcp-{name}", daemon=True)
                thread.start()
                self._threads.append(thread)
        return self

    def stop(self, timeout: float | None = None) -> None:
        """Stop serving, wait for the threads (at most ``timeout`` seconds each), then deregister the
        server so Dust stops routing requests to it (best effort: a failure is logged, not raised)."""
        self._stopping.set()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        # server_id stays readable after stop; deregistering twice is harmless.
        server_id = self.server_id
        if server_id is not None:
            try:
                self._mcp.deregister(server_id, options=_ONE_TRY)
            except DustError as error:
                logger.debug("dust could not deregister MCP server %s: %s", server_id, error)

    @property
    def running(self) -> bool:
        """Whether the server's threads are still serving (False once stopped, or stopped by an error)."""
        return any(thread.is_alive() for thread in self._threads)

    def _serve(self) -> None:
        try:
            while not self._stopping.is_set():
                assert self.server_id is not None
                cursor = _RequestCursor(self.server_id, None)
                try:
                    for request in self._mcp._requests(
                        cursor, self.stop_poll_interval, self._stopping.is_set
                    ):
                        self._answer(request)
                except DustNotFoundError:
                    # The registration lapsed (e.g. the machine slept through heartbeats): register again.
                    self.server_id = self._mcp.register(self.protocol.server_name).serverId
        except BaseException as exc:
            self.error = exc
            logger.error("dust MCP server %s stopped: %s", self.protocol.server_name, exc)
            self._stopping.set()

    def _answer(self, request: MCPRequest) -> None:
        outcome = self.protocol.handle(request)
        if isinstance(outcome, ToolCall):
            outcome = self._run_tool(outcome)
        if outcome is not None:
            assert self.server_id is not None
            self._mcp.post_result(self.server_id, outcome)
        self.handled.append(request)

    def _run_tool(self, call: ToolCall) -> dict[str, Any]:
        try:
            value = call.tool.function(**call.kwargs)
            if inspect.isawaitable(value):
                value = asyncio.run(_awaited(value))
        except Exception as exc:
            return self.protocol.failure(call, exc)
        return self.protocol.result(call, value)

    def _beat(self) -> None:
        while not self._stopping.wait(self.heartbeat_interval):
            server_id = self.server_id
            try:
                if server_id is not None:
                    self._mcp.heartbeat(server_id)
            except DustNotFoundError:
                self.server_id = self._mcp.register(self.protocol.server_name).serverId
            except Exception as exc:
                logger.warning("dust MCP heartbeat failed: %s", exc)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"ToolServer(name={self.protocol.server_name!r}, server_id={self.server_id!r}, tools={list(self.protocol.tools)})"


async def _awaited(value: Any) -> Any:
    return await value


# --- async -----------------------------------------------------------------------------------------------


class AsyncMCP(AsyncResource):
    """Client-side MCP servers and MCP server views (asyncio); see :class:`MCP`."""

    async def register(self, server_name: str, *, options: RequestOptions | None = None) -> MCPRegistration:
        """See :meth:`MCP.register`."""
        return await self._run(register_call(self._workspace_id, server_name).with_options(options))

    async def heartbeat(self, server_id: str, *, options: RequestOptions | None = None) -> MCPHeartbeat:
        """See :meth:`MCP.heartbeat`."""
        return await self._run(heartbeat_call(self._workspace_id, server_id).with_options(options))

    async def deregister(self, server_id: str, *, options: RequestOptions | None = None) -> bool:
        """See :meth:`MCP.deregister`."""
        return await self._run(deregister_call(self._workspace_id, server_id).with_options(options))

    async def post_result(
        self, server_id: str, result: Mapping[str, Any], *, options: RequestOptions | None = None
    ) -> bool:
        """See :meth:`MCP.post_result`."""
        return await self._run(post_result_call(self._workspace_id, server_id, result).with_options(options))

    async def list_server_views(
        self,
        space_id: str,
        *,
        include_auto: bool | None = None,
        include_manual: bool | None = None,
        options: RequestOptions | None = None,
    ) -> ServerViewList:
        """See :meth:`MCP.list_server_views`."""
        call = server_views_call(self._workspace_id, space_id, include_auto, include_manual)
        return await self._run(call.with_options(options))

    async def stream_requests(
        self, server_id: str, last_event_id: str | None = None
    ) -> AsyncGenerator[MCPRequest]:
        """See :meth:`MCP.stream_requests` (use ``async for``)."""
        async for request in self._requests(_RequestCursor(server_id, last_event_id)):
            yield request

    async def _requests(self, cursor: _RequestCursor) -> AsyncGenerator[MCPRequest]:
        path = requests_path(self._workspace_id)
        http = self._client.http
        while True:
            options = RequestOptions(max_retries=0)
            delivered = False
            try:
                async with aopen_stream(
                    http, "GET", path, params=cursor.params(), options=options
                ) as response:
                    url = str(response.request.url)
                    async for sse in aiter_messages(response.aiter_bytes(), method="GET", url=url):
                        request = cursor.decode(sse.data, url)
                        if request is not None:
                            delivered = True
                            yield request
            except (httpx.TimeoutException, DustTimeoutError):
                continue
            except (httpx.TransportError, DustConnectionError) as exc:
                logger.info("dust MCP request stream dropped (%s); reconnecting", exc)
                await self._client.sleep(self._client.stream_policy.reconnect_delay)
                continue
            if not delivered:
                await self._client.sleep(self._client.stream_policy.reconnect_delay)

    def serve(
        self,
        tools: Iterable[ToolLike],
        *,
        server_name: str = "python-tools",
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
    ) -> AsyncToolServer:
        """See :meth:`MCP.serve`: ``async with client.mcp.serve(tools=[...]) as server:`` (or ``await
        server.start()`` / ``await server.stop()``); it serves from asyncio tasks. Sync functions run in
        a worker thread, coroutine functions are awaited."""
        protocol = ToolServerProtocol(as_tools(tools), server_name=server_name)
        return AsyncToolServer(self, protocol, heartbeat_interval)


class AsyncToolServer:
    """A running client-side MCP server (asyncio tasks); see :class:`ToolServer`."""

    def __init__(self, mcp: AsyncMCP, protocol: ToolServerProtocol, heartbeat_interval: float) -> None:
        self._mcp = mcp
        self.protocol = protocol
        self.heartbeat_interval = heartbeat_interval
        self.server_id: str | None = None
        self.handled: list[MCPRequest] = []
        self.error: BaseException | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> Self:
        """Register and start serving (idempotent)."""
        if self.server_id is None:
            self.server_id = (await self._mcp.register(self.protocol.server_name)).serverId
            self._tasks = [
                asyncio.create_task(self._serve(), name="dust-mcp-requests"),
                asyncio.create_task(self._beat(), name="dust-mcp-heartbeat"),
            ]
        return self

    async def stop(self) -> None:
        """Stop serving: cancel the tasks, wait for them, then deregister the server (best effort)."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        server_id = self.server_id
        if server_id is not None:
            try:
                await self._mcp.deregister(server_id, options=_ONE_TRY)
            except DustError as error:
                logger.debug("dust could not deregister MCP server %s: %s", server_id, error)

    @property
    def running(self) -> bool:
        """Whether the server's tasks are still serving (False once stopped, or stopped by an error)."""
        return any(not task.done() for task in self._tasks)

    async def _serve(self) -> None:
        try:
            while True:
                assert self.server_id is not None
                try:
                    async for request in self._mcp._requests(_RequestCursor(self.server_id, None)):
                        await self._answer(request)
                except DustNotFoundError:
                    self.server_id = (await self._mcp.register(self.protocol.server_name)).serverId
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.error = exc
            logger.error("dust MCP server %s stopped: %s", self.protocol.server_name, exc)

    async def _answer(self, request: MCPRequest) -> None:
        outcome = self.protocol.handle(request)
        if isinstance(outcome, ToolCall):
            outcome = await self._run_tool(outcome)
        if outcome is not None:
            assert self.server_id is not None
            await self._mcp.post_result(self.server_id, outcome)
        self.handled.append(request)

    async def _run_tool(self, call: ToolCall) -> dict[str, Any]:
        try:
            if call.tool.is_async:
                value = await call.tool.function(**call.kwargs)
            else:
                value = await asyncio.to_thread(call.tool.function, **call.kwargs)
        except Exception as exc:
            return self.protocol.failure(call, exc)
        return self.protocol.result(call, value)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_interval)
            try:
                if self.server_id is not None:
                    await self._mcp.heartbeat(self.server_id)
            except DustNotFoundError:
                self.server_id = (await self._mcp.register(self.protocol.server_name)).serverId
            except Exception as exc:
                logger.warning("dust MCP heartbeat failed: %s", exc)

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    def __repr__(self) -> str:
        return f"AsyncToolServer(name={self.protocol.server_name!r}, server_id={self.server_id!r}, tools={list(self.protocol.tools)})"
