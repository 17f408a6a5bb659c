"""The running client-side MCP servers that ``client.mcp.serve`` returns.

Two classes on purpose, not one generated from the other: :class:`ToolServer` serves from threads (a stop flag
checked between reads), :class:`AsyncToolServer` from tasks (cancelled on stop); :class:`ToolServerProtocol`
decides what both answer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from dust_ext._core.call import RequestOptions
from dust_ext.exceptions import DustError, DustNotFoundError
from dust_ext.mcp.server import ToolCall, ToolServerProtocol
from dust_ext.types.mcp import MCPRequest

if TYPE_CHECKING:
    from dust_ext.resources.mcp import MCP, AsyncMCP

logger = logging.getLogger("dust_ext")

#: Deregistering on stop is a courtesy (the registration expires anyway): one attempt, no retries.
_ONE_TRY = RequestOptions(max_retries=0)
#: The official client's heartbeat period; a registration lives a little longer than that.
HEARTBEAT_INTERVAL = 300.0
#: How long a blocking server's stream read waits before checking whether it was asked to stop.
STOP_POLL_INTERVAL = 1.0

_MCP = TypeVar("_MCP", bound="MCP | AsyncMCP")


class _ServerState(Generic[_MCP]):
    """What a running server shows, either way it runs: its settings, its id, what it answered, what
    stopped it."""

    def __init__(
        self,
        mcp: _MCP,
        protocol: ToolServerProtocol,
        heartbeat_interval: float,
        stop_poll_interval: float = STOP_POLL_INTERVAL,
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

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.protocol.server_name!r}, server_id={self.server_id!r}, "
            f"tools={list(self.protocol.tools)})"
        )


class ToolServer(_ServerState["MCP"]):
    """A running client-side MCP server (sync): registered, heartbeating, answering requests in a thread."""

    def __init__(
        self, mcp: MCP, protocol: ToolServerProtocol, heartbeat_interval: float, stop_poll_interval: float
    ) -> None:
        super().__init__(mcp, protocol, heartbeat_interval, stop_poll_interval)
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
                try:
                    for request in self._mcp._requests(
                        self.server_id, None, self.stop_poll_interval, self._stopping.is_set
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
            if call.tool.is_async:
                value = asyncio.run(value)
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


class AsyncToolServer(_ServerState["AsyncMCP"]):
    """A running client-side MCP server (asyncio tasks): registered, heartbeating, answering requests;
    stopping cancels its tasks at once."""

    _tasks: tuple[asyncio.Task[None], ...] = ()

    async def start(self) -> Self:
        """Register and start serving (idempotent)."""
        if self.server_id is None:
            self.server_id = (await self._mcp.register(self.protocol.server_name)).serverId
            self._tasks = (
                asyncio.create_task(self._serve(), name="dust-mcp-requests"),
                asyncio.create_task(self._beat(), name="dust-mcp-heartbeat"),
            )
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
                    async for request in self._mcp.stream_requests(self.server_id):
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
