"""Models of the client-side MCP endpoints: registration, heartbeat, tool requests, server views.

The *Model Context Protocol* (MCP) lets an agent call tools on a *server*. A *client-side* MCP server runs
on the user's side: it registers with Dust (a ``serverId`` valid until ``expiresAt``, renewed by
heartbeats), receives Dust's JSON-RPC 2.0 requests (``initialize``, ``tools/list``, ``tools/call``…) over
server-sent events, and posts each JSON-RPC response back. A message lets its agents use the server by
naming it in ``context.clientSideMCPServerIds``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dust_ext.exceptions import DustDecodeError
from dust_ext.types._spec_mcp import MCPHeartbeat, MCPRegistration, MCPServerView

__all__ = ["MCPHeartbeat", "MCPRegistration", "MCPRequest", "MCPServerView", "decode_request_frame"]


class MCPRequest(BaseModel):
    """One JSON-RPC message Dust sent a client-side server, with the stream's ``event_id`` (what
    ``stream_requests(last_event_id=...)`` resumes after).

    A request has an ``id`` and expects a response; a *notification* (``notifications/initialized``) has
    none. For ``tools/call``, ``params`` is ``{"name": <tool>, "arguments": {...}}``.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    event_id: str = Field(alias="eventId")
    jsonrpc: str = "2.0"
    id: int | str | None = None
    method: str
    params: dict[str, Any] = Field(default_factory=dict)

    @property
    def is_notification(self) -> bool:
        """A JSON-RPC notification (no ``id``): it gets no answer."""
        return self.id is None

    @property
    def tool_name(self) -> str | None:
        """The tool a ``tools/call`` request calls."""
        name = self.params.get("name") if self.method == "tools/call" else None
        return str(name) if name is not None else None

    @property
    def arguments(self) -> dict[str, Any]:
        """The arguments of a ``tools/call`` request."""
        arguments = self.params.get("arguments")
        return dict(arguments) if isinstance(arguments, dict) else {}


def decode_request_frame(data: str, url: str) -> MCPRequest | None:
    """One SSE frame of the request stream (``{"eventId": ..., "data": <JSON-RPC message>}``) as a request;
    ``None`` for empty frames and Dust's ``done`` marker."""
    raw = data.strip()
    if not raw or raw == "done":
        return None
    try:
        frame = json.loads(raw)
        if not isinstance(frame, dict) or not isinstance(frame.get("data"), dict):
            raise TypeError('a frame must be {"eventId": ..., "data": {...}}')
        return MCPRequest.model_validate({**frame["data"], "eventId": frame["eventId"]})
    except (ValueError, TypeError, KeyError, ValidationError, RecursionError) as exc:
        raise DustDecodeError(
            f"GET {url} sent a frame that is not an MCP request: {exc}", body=raw, method="GET", url=url
        ) from None
