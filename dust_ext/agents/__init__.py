"""Agents: the AI assistants of a Dust workspace (``client.agents``)."""

from dust_ext.types.agents import (
    AgentConfiguration,
    AgentFeedbacks,
    AgentModel,
    AgentTag,
    AgentUsage,
    ListAgentsResponse,
)

__all__ = [
    "AgentConfiguration",
    "AgentFeedbacks",
    "AgentModel",
    "AgentTag",
    "AgentUsage",
    "ListAgentsResponse",
]
