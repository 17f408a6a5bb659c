"""The calls of ``client.mcp``, described without I/O (see :mod:`dust_ext._core.call`), and where a request
stream resumes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

from dust_ext._core.call import RequestOptions, operation_call, unparsed
from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming.flow import BodyEnded, Connect, Dropped, Ending, Refused, StreamRequest
from dust_ext._streaming.session import cut_short
from dust_ext.exceptions import DustAPIError, DustConnectionError, DustTimeoutError
from dust_ext.mcp.server import Tool
from dust_ext.types.mcp import MCPRequest, decode_request_frame

ToolLike = Tool | Callable[..., Any]
"""A tool to serve: a :class:`Tool`, or a plain (sync or async) function, described by its signature."""

logger = logging.getLogger("dust_ext")


def requests_path(workspace_id: str) -> str:
    """The path of the request stream (its ``serverId`` and ``lastEventId`` travel in the query)."""
    return operation_call(
        "GET", "/api/v1/w/{workspace_id}/mcp/requests", path={"workspace_id": workspace_id}, parse=unparsed
    ).path


def as_tools(tools: Iterable[ToolLike]) -> list[Tool]:
    """``tools`` as :class:`Tool` objects (functions described by their signature), names unique."""
    converted = [tool if isinstance(tool, Tool) else Tool.from_function(tool) for tool in tools]
    names = [tool.name for tool in converted]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"two tools share the name(s) {duplicates}: pass Tool.from_function(f, name=...)")
    return converted


@dataclass
class RequestCursor:
    """Where a request stream resumes (``lastEventId``) and the query each connection sends."""

    server_id: str
    last_event_id: str | None

    def params(self) -> dict[str, str]:
        """The query of the next connection."""
        params = {"serverId": self.server_id}
        if self.last_event_id:
            params["lastEventId"] = self.last_event_id
        return params

    def decode(self, data: str, url: str) -> MCPRequest | None:
        """The request of one frame's data (``None`` for frames carrying none); moves the cursor past it."""
        request = decode_request_frame(data, url)
        if request is not None:
            self.last_event_id = request.event_id
        return request


@dataclass(eq=False)
class RequestStreamPlan:
    """The request stream of a client-side MCP server (a :class:`~dust_ext._streaming.flow.StreamPlan`): it
    reconnects for as long as it is read, resuming after the last request (:class:`RequestCursor`), until
    ``should_stop`` says so.

    Dust ends each connection with ``data: done``: the next one opens at once after a connection that
    brought requests, after ``reconnect_delay`` after one that brought none (a server answering only
    ``done`` cannot make it spin) or that dropped; a read timeout (``read_timeout``, how a blocking tool
    server notices a stop request) reconnects at once. An HTTP error answer (e.g. a lapsed registration's
    404) ends the stream with its error."""

    path: str
    cursor: RequestCursor
    _: KW_ONLY
    reconnect_delay: float
    read_timeout: float | None
    should_stop: Callable[[], bool]
    url: str = field(init=False)
    """The URL the current connection answered from (for errors)."""
    _delivered: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.request = StreamRequest("GET", self.path)
        self.url = self.path

    @property
    def over(self) -> bool:
        """Whether to stop reading (a stop was asked)."""
        return self.should_stop()

    def connect(self) -> Connect | None:
        """The query (server id, resume point) and options (no retries, the read timeout) of the next
        connection; ``None`` once a stop was asked."""
        if self.should_stop():
            return None
        return Connect(self.cursor.params(), RequestOptions(max_retries=0, timeout=self.read_timeout))

    def reader(self, url: str) -> Callable[[ServerSentEvent], MCPRequest | None]:
        """Frame → request for the connection that answered from ``url``."""
        self.url = url
        self._delivered = False
        return self._decode

    def _decode(self, sse: ServerSentEvent) -> MCPRequest | None:
        if sse.event != "message":  # named frames (the handshake) carry none, nor does ``done``
            return None
        request = self.cursor.decode(sse.data, self.url)
        if request is not None:
            self._delivered = True
        return request

    def ended(self, ending: Ending) -> float | None:
        """Seconds before the next connection, or None once a stop was asked. A refused connection ends the
        stream with its error, a network failure is retried; a connection that brought nothing waits."""
        match ending:
            case Refused(error):
                if isinstance(error, DustAPIError):
                    raise error
                delay = self._lost(error)
            case Dropped(error):
                delay = self._lost(cut_short(self.request.method, self.url, error))
            case BodyEnded(mid_frame=True):
                delay = self._lost(cut_short(self.request.method, self.url, None))
            case _:
                delay = 0.0 if self._delivered else self.reconnect_delay
        return None if self.should_stop() else delay

    def _lost(self, error: DustConnectionError) -> float:
        if isinstance(error, DustTimeoutError):
            return 0.0
        logger.info("dust MCP request stream dropped (%s); reconnecting", error)
        return self.reconnect_delay
