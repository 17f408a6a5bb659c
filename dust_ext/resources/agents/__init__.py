"""``client.agents``: agent configurations. The resource is written once (``_async.py``); the blocking
``Agents`` is generated from it; the pure call builders are in ``calls.py``."""

from dust_ext.resources.agents._async import (
    AsyncAgents,
    AsyncAgentsWithRawResponse,
    AsyncAgentsWithStreamingResponse,
)
from dust_ext.resources.agents._sync import Agents, AgentsWithRawResponse, AgentsWithStreamingResponse
from dust_ext.resources.agents.calls import AGENT_VIEWS, AgentList, AgentView, agent_import_payload

__all__ = [
    "AGENT_VIEWS",
    "AgentList",
    "AgentView",
    "Agents",
    "AgentsWithRawResponse",
    "AgentsWithStreamingResponse",
    "AsyncAgents",
    "AsyncAgentsWithRawResponse",
    "AsyncAgentsWithStreamingResponse",
    "agent_import_payload",
]
