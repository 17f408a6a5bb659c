"""``client.agents``: agent configurations. ``_async.py`` is generated from openapi/ (make generate) and
the blocking twins come from make unasync."""

from dust_ext.resources.agents._async import (
    AsyncAgents,
    AsyncAgentsWithRawResponse,
    AsyncAgentsWithStreamingResponse,
)
from dust_ext.resources.agents._sync import Agents, AgentsWithRawResponse, AgentsWithStreamingResponse
from dust_ext.types.agents import AGENT_VIEWS, AgentConfiguration, AgentView

# An alias: inside the resource classes `list` names the method, not the builtin.
AgentList = list[AgentConfiguration]

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
]
