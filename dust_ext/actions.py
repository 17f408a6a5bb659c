"""Kept so imports of earlier versions work: these models live in ``dust_ext.types.actions``."""

from dust_ext.types.actions import (
    ActionDisplayLabels,
    ActionGeneratedFile,
    AgentAction,
    ToolMetadata,
    ToolQuestion,
    ToolQuestionOption,
)

__all__ = [
    "ActionDisplayLabels",
    "ActionGeneratedFile",
    "AgentAction",
    "ToolMetadata",
    "ToolQuestion",
    "ToolQuestionOption",
]
