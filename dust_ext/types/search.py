"""Workspace search: content nodes (documents, tables, folders) across data sources."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dust_ext.types._base import DustModel, EpochMs
from dust_ext.types.data_sources import DataSource, DataSourceView


class ContentNode(DustModel):
    """A document, table or folder as workspace search returns it. ``internalId`` is its id in its data
    source, ``parentsInternalIds`` its parents (itself first); ``type`` is open (document, table, folder).
    ``dataSourceViews`` lists the views exposing the node (workspace search); ``dataSourceView`` is set
    instead on the nodes of one view."""

    internalId: str | None = None
    title: str | None = None
    type: str | None = None
    mimeType: str | None = None
    sourceUrl: str | None = None
    parentInternalId: str | None = None
    parentsInternalIds: list[str] | None = None
    parentTitle: str | None = None
    lastUpdatedAt: EpochMs | None = None
    expandable: bool | None = None
    permission: str | None = None
    providerVisibility: str | None = None
    preventSelection: bool | None = None
    dataSource: DataSource | None = None
    dataSourceViews: list[DataSourceView] = Field(default_factory=list)
    dataSourceView: DataSourceView | None = None


class NodeSearchPage(DustModel):
    """The answer of a workspace search: matching ``nodes`` and, when there are more,
    ``nextPageCursor`` to pass back as ``cursor``."""

    nodes: list[ContentNode]
    nextPageCursor: str | None = None
    resultsCount: int | None = None
    warningCode: str | None = None


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
