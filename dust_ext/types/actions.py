"""Typed tool actions: what an agent's tool call looks like, and what a tool waiting for the user asks.

An agent answers by generating text and by calling tools (MCP tools: a search, a data source query, a
client-side tool…). Each call is an *action* (Dust's ``AgentActionPublicType``): it appears in the
``tool_params``, ``tool_notification`` and ``agent_action_success`` events (``event.action``), in a finished
agent message (``AgentMessage.actions``) and in a chat reply (``ChatResponse.actions``,
``stream.actions``). A tool that waits for the user sends its ``metadata`` (:class:`ToolMetadata`) and, when
it asks something, a :class:`ToolQuestion`.

Attribute names are Dust's own (``toolName``, ``functionCallName``, ``sId``), as in the other models. Every
field is optional, because older servers and some tools omit some of them; fields Dust adds later are kept
(``model_extra``).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from dust_ext.types._base import DustModel
from dust_ext.types._spec_actions import ActionDisplayLabels, ActionGeneratedFile, ToolMetadata

__all__ = [
    "ActionDisplayLabels",
    "ActionGeneratedFile",
    "AgentAction",
    "ToolMetadata",
    "ToolQuestion",
    "ToolQuestionOption",
]


class AgentAction(DustModel):
    """One tool call of an agent message (Dust's ``AgentActionPublicType``).

    ``toolName`` is the tool (e.g. ``"semantic_search"``); ``functionCallName`` the name the model called,
    prefixed by its MCP server (``"data_sources__semantic_search"``); ``params`` the arguments; ``status``
    an open string (``running``, ``succeeded``, ``denied``, ``blocked_validation_required``, …); ``output``
    the tool's MCP content blocks (``[{"type": "text", "text": ...}, ...]``) once it ran.
    """

    sId: str | None = None
    id: int | None = None
    toolName: str | None = None
    functionCallName: str | None = None
    functionCallId: str | None = None
    mcpServerId: str | None = None
    internalMCPServerName: str | None = None
    agentMessageId: int | None = None
    status: str | None = None
    params: dict[str, Any] | None = None
    step: int | None = None
    output: list[dict[str, Any]] | None = None
    generatedFiles: list[ActionGeneratedFile] | None = None
    displayLabels: ActionDisplayLabels | None = None
    citationsAllocated: int | None = None
    executionDurationMs: int | float | None = None
    createdAt: int | None = None
    updatedAt: int | None = None

    @property
    def output_text(self) -> str:
        """The text blocks of ``output``, joined by newlines ("" before the tool ran)."""
        return "\n".join(
            str(block.get("text", "")) for block in self.output or () if block.get("type") == "text"
        )


class ToolQuestionOption(DustModel):
    """One choice of a :class:`ToolQuestion`."""

    label: str
    description: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_bare_label(cls, data: Any) -> Any:
        # Some tools list their options as bare strings: keep them as labels rather than fail the event.
        return {"label": data} if isinstance(data, str) else data


class ToolQuestion(DustModel):
    """What a tool asks the user (``tool_ask_user_question``): the question, its options, and whether
    several options may be chosen (``multiSelect``). Answer with the indexes of the chosen options and/or
    a free-text response."""

    question: str
    options: list[ToolQuestionOption] = Field(default_factory=list)
    multiSelect: bool = False

    @property
    def labels(self) -> list[str]:
        """The options' labels, in order (an answer's indexes point into this list)."""
        return [option.label for option in self.options]
