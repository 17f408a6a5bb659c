"""The emulator's tool state: client-side MCP servers, questions tools ask users, webhook deliveries.

Like the knowledge state (``_data_state``), it hangs off each :class:`~dust_ext.testing._state.Workspace`
(``tools_of(workspace)``) without changing that class, and is only touched from the server's event loop.

Dust concepts: a *client-side MCP server* is a tool server that runs on the user's machine (here: a Python
process using ``client.mcp.serve``). It registers (``POST /mcp/register`` → ``serverId``), stays alive with
heartbeats, reads the tool requests Dust sends it as server-sent events (``GET /mcp/requests``) and answers
each with ``POST /mcp/results``. Messages name the servers an agent may use in
``context.clientSideMCPServerIds``. Requests and results are JSON-RPC 2.0 messages of the Model Context
Protocol (``initialize``, ``tools/list``, ``tools/call``).
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import weakref
from dataclasses import dataclass, field
from typing import Any

from dust_ext.testing._event_log import EventLog
from dust_ext.testing._state import AgentMessage, Conversation, Workspace, now_ms

JSONObject = dict[str, Any]

#: How long a registration lives without a heartbeat (Dust: a few minutes; the client beats every 5 min).
REGISTRATION_TTL_MS = 10 * 60 * 1000
#: The webhook source every emulated workspace starts with, and its URL secret
#: (``POST /triggers/hooks/whs_emulator/whsec_emulator``).
DEFAULT_WEBHOOK_SOURCE_ID = "whs_emulator"
DEFAULT_WEBHOOK_URL_SECRET = "whsec_emulator"  # noqa: S105 (a fixed test secret, public on purpose)


def iso_timestamp(ms: int) -> str:
    return _dt.datetime.fromtimestamp(ms / 1000, tz=_dt.UTC).isoformat().replace("+00:00", "Z")


@dataclass
class ClientSideServer:
    """A registered client-side MCP server: its request log (the SSE stream) and the results awaited."""

    server_id: str
    server_name: str
    requests: EventLog
    expires_at: int
    next_request_id: int = 1
    awaiting: dict[str, asyncio.Future[JSONObject]] = field(default_factory=dict)

    def renew(self) -> None:
        self.expires_at = now_ms() + REGISTRATION_TTL_MS

    @property
    def alive(self) -> bool:
        return now_ms() < self.expires_at

    async def call(self, method: str, params: JSONObject) -> JSONObject:
        """Send one JSON-RPC request to the server and wait for its response (posted to ``/mcp/results``)."""
        request_id = self.next_request_id
        self.next_request_id += 1
        answer: asyncio.Future[JSONObject] = asyncio.get_running_loop().create_future()
        self.awaiting[str(request_id)] = answer
        self.requests.append({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        try:
            return await answer
        finally:
            self.awaiting.pop(str(request_id), None)

    def notify(self, method: str, params: JSONObject | None = None) -> None:
        """A JSON-RPC notification (no id, no response expected)."""
        self.requests.append({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def deliver(self, result: JSONObject) -> bool:
        """Route a posted JSON-RPC response to the request waiting for it; False if none waits."""
        answer = self.awaiting.get(str(result.get("id")))
        if answer is None or answer.done():
            return False
        answer.set_result(result)
        return True


@dataclass
class PendingQuestion:
    """A question a tool asked the user; ``answer-question`` resolves ``answer``."""

    action_id: str
    conversation: Conversation
    message: AgentMessage
    question: JSONObject
    inputs: JSONObject
    metadata: JSONObject
    answer: asyncio.Future[JSONObject]


@dataclass
class ToolState:
    """One workspace's client-side MCP servers, pending questions, conversation tools and webhooks."""

    servers: dict[str, ClientSideServer] = field(default_factory=dict)
    questions: dict[str, PendingQuestion] = field(default_factory=dict)
    conversation_tools: dict[str, list[str]] = field(default_factory=dict)
    webhook_deliveries: dict[str, list[JSONObject]] = field(
        default_factory=lambda: {DEFAULT_WEBHOOK_SOURCE_ID: []}
    )
    webhook_secrets: dict[str, str] = field(
        default_factory=lambda: {DEFAULT_WEBHOOK_SOURCE_ID: DEFAULT_WEBHOOK_URL_SECRET}
    )


_TOOLS: dict[int, ToolState] = {}


def tools_of(workspace: Workspace) -> ToolState:
    """The workspace's tool state, created on first use and dropped with the workspace."""
    key = id(workspace)
    state = _TOOLS.get(key)
    if state is None:
        state = ToolState()
        _TOOLS[key] = state
        weakref.finalize(workspace, _TOOLS.pop, key, None)
    return state
