"""Workspace search: content nodes (documents, tables, folders) across data sources."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dust_ext.types._base import DustModel
from dust_ext.types._spec_search import ContentNode, NodeSearchPage

__all__ = ["ContentNode", "NodeSearchEvent", "NodeSearchPage"]


class NodeSearchEvent(DustModel):
    """One frame of the streamed workspace search (``search.stream_nodes``).

    Dust sends a ``knowledge_results`` frame (``type``; on the wire ``{"knowledgeResults": {...}}``) with
    the matching ``nodes``, ``nextPageCursor`` (pass it back as ``cursor``), ``resultsCount`` and
    ``warningCode``; then, on a first page with tools included, ``tool_results`` frames whose
    ``toolResults`` are files found in connected tools. Other frames are kept whole (``model_extra``),
    never a parse failure.
    """

    type: str
    eventId: str | None = None
    nodes: list[ContentNode] = Field(default_factory=list)
    nextPageCursor: str | None = None
    resultsCount: int | None = None
    warningCode: str | None = None
    toolResults: list[dict[str, Any]] = Field(default_factory=list)
