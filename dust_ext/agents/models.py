"""Kept so imports of earlier versions work: these models live in ``dust_ext.types.agents``."""

from dust_ext.types.agents import (
    AgentConfiguration,
    AgentModel,
    CreatedAgent,
    ListAgentsResponse,
    SkippedAction,
)

__all__ = ["AgentConfiguration", "AgentModel", "CreatedAgent", "ListAgentsResponse", "SkippedAction"]
