"""Agents: the AI assistants of a Dust workspace (``client.agents``)."""

from dust_ext.types.agents import AgentConfiguration, AgentModel, ListAgentsResponse

__all__ = ["AgentConfiguration", "AgentModel", "ListAgentsResponse"]
