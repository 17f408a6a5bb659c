"""Models of Dust's knowledge API: spaces, data sources and what they hold, search results, files and apps.

Dust concepts, from the outside in:

* A *space* (``Space``) is a permission boundary: the company-wide ``global`` space, restricted spaces, a
  user's ``conversations`` space… Data sources and apps live in a space.
* A *data source* (``DataSource``) is what Dust indexes: a folder you fill through the API, or a managed
  connection (Notion, Google Drive, a website…). It holds *documents* (text, chunked and embedded for
  semantic search), *tables* (rows with a schema, queried by agents with SQL) and *folders* (nodes that
  organise the others).
* Every document, table and folder has *parents*: the ids of the nodes above it, itself first
  (``parents[0]``), so a hierarchy can be rebuilt and searches filtered by subtree.
* A *data source view* (``DataSourceView``) exposes a data source inside a space, possibly restricted to
  some parents (``parentsIn``); agents are given views, not data sources.
* A *content node* (``ContentNode``) is any document, table or folder as workspace search returns it.
* A *file* (``File``) is an upload (to attach to a conversation, or to feed a table from CSV).
* An *app* (``App``) is a Dust app: a programmable workflow of blocks; a *run* (``Run``) executes it.

Attribute names are the API's own (``document_id``, ``sId``, ``parentsIn``): the spec's snake_case and
camelCase are kept as Dust sends them.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from dust_ext._models import DustModel


def _whole_milliseconds(value: Any) -> Any:
    # Dust sends epoch milliseconds as JSON integers; a float (a sub-millisecond time, or a number
    # re-serialised as 1.7e12) is still a time, so it is floored to whole milliseconds, not rejected.
    if isinstance(value, float) and math.isfinite(value):
        return math.floor(value)
    return value


EpochMs = Annotated[int, BeforeValidator(_whole_milliseconds)]
"""A time as Dust sends it: integer milliseconds since the Unix epoch."""


class Space(DustModel):
    """A space: a permission boundary grouping data sources, apps and tools. ``kind`` is open (known:
    regular, global, system, public, conversations, project)."""

    sId: str
    name: str | None = None
    kind: str | None = None
    groupIds: list[str] = Field(default_factory=list)
    isRestricted: bool | None = None
    createdAt: EpochMs | None = None
    updatedAt: EpochMs | None = None


class DataSource(DustModel):
    """A data source: documents and tables Dust indexes. ``connectorProvider`` is ``None`` for a folder
    filled through the API, else the managed connection (``notion``, ``webcrawler``…)."""

    name: str
    sId: str | None = None
    id: int | None = None
    createdAt: EpochMs | None = None
    description: str | None = None
    assistantDefaultSelected: bool | None = None
    dustAPIProjectId: str | None = None
    dustAPIDataSourceId: str | None = None
    connectorId: str | None = None
    connectorProvider: str | None = None


class DataSourceView(DustModel):
    """A data source exposed in a space; ``parentsIn`` restricts it to those nodes and their descendants
    (``None``: the whole data source). ``kind`` is ``default`` (the data source's own view) or ``custom``."""

    sId: str
    id: int | None = None
    category: str | None = None
    kind: str | None = None
    parentsIn: list[str] | None = None
    dataSource: DataSource | None = None
    spaceId: str | None = None
    createdAt: EpochMs | None = None
    updatedAt: EpochMs | None = None


class DocumentChunk(DustModel):
    """A piece of a document as indexed (and, in search results, scored)."""

    text: str | None = None
    hash: str | None = None
    offset: int | None = None
    score: float | None = None
    vector: list[float] | None = None


class Document(DustModel):
    """A document in a data source. ``text`` and ``chunks`` are absent from light outputs."""

    document_id: str
    data_source_id: str | None = None
    created: EpochMs | None = None
    title: str | None = None
    mime_type: str | None = None
    timestamp: EpochMs | None = None
    tags: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    parents: list[str] = Field(default_factory=list)
    source_url: str | None = None
    hash: str | None = None
    text_size: int | None = None
    chunk_count: int | None = None
    token_count: int | None = None
    chunks: list[DocumentChunk] = Field(default_factory=list)
    text: str | None = None


class DocumentPage(DustModel):
    """One page of ``documents.list``: the documents and how many the data source holds in total."""

    documents: list[Document]
    total: int


class LightDocument(DustModel):
    """The summary a document upsert answers with ``light_document_output=True``: no ``document_id``, no
    text or chunks."""

    hash: str | None = None
    text_size: int | None = None
    chunk_count: int | None = None
    token_count: int | None = None
    created: EpochMs | None = None


class UpsertedDocument(DustModel):
    """What a document upsert returns: the document as stored (a :class:`LightDocument` when the upsert
    asked for the light output) and its data source (absent from an async upsert's answer)."""

    document: Document | LightDocument
    data_source: DataSource | None = None


class Section(DustModel):
    """Structured document content: a ``prefix`` (e.g. a heading), its ``content`` and nested
    ``sections``; Dust chunks a sectioned document along its structure."""

    prefix: str | None = None
    content: str | None = None
    sections: list[Section] = Field(default_factory=list)


class TableColumn(DustModel):
    """A column of a table's schema; ``value_type`` is open (known: int, float, text, bool, datetime)."""

    name: str | None = None
    value_type: str | None = None
    possible_values: list[str] | None = None


class Table(DustModel):
    """A structured table in a data source; agents query tables with SQL. ``schema`` is inferred from the
    rows (named ``table_schema`` here, since ``schema`` is a pydantic method; it is read and written as
    ``schema`` on the wire)."""

    table_id: str
    name: str | None = None
    title: str | None = None
    description: str | None = None
    table_schema: list[TableColumn] | None = Field(default=None, alias="schema")
    timestamp: EpochMs | None = None
    tags: list[str] = Field(default_factory=list)
    parents: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    mime_type: str | None = None
    data_source_id: str | None = None
    created: EpochMs | None = None
    source_url: str | None = None


class TableRow(DustModel):
    """A row of a table: its ``row_id`` and its ``value`` (column name → int, float, str, bool, or a
    datetime as ``{"type": "datetime", "epoch": ms}``)."""

    row_id: str
    value: dict[str, Any]


class TableRowPage(DustModel):
    """One page of ``tables.rows.list``."""

    rows: list[TableRow]
    offset: int | None = None
    limit: int | None = None
    total: int | None = None


class SearchResult(DustModel):
    """A document found by a data source (or data source view) search, with its score and the matching
    ``chunks`` (the spec's ``SearchResultDocument``); ``text`` is set when the search asked for full
    text."""

    document_id: str | None = None
    id: str | None = None
    title: str | None = None
    text: str | None = None
    content: str | None = None
    tags: list[str] = Field(default_factory=list)
    parents: list[str] = Field(default_factory=list)
    timestamp: EpochMs | None = None
    source_url: str | None = None
    score: float | None = None
    chunks: list[DocumentChunk] = Field(default_factory=list)


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


class Folder(DustModel):
    """A folder node of a data source, as an upsert returns it."""

    folder_id: str | None = None
    title: str | None = None
    parents: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    mime_type: str | None = None
    source_url: str | None = None
    timestamp: EpochMs | None = None


class File(DustModel):
    """A file uploaded to Dust. ``status`` goes ``created`` (slot reserved, bytes not yet sent) →
    ``ready``; ``uploadUrl`` is where the bytes go (multipart field ``file``)."""

    sId: str
    id: str | None = None
    contentType: str | None = None
    fileName: str | None = None
    fileSize: int | None = None
    status: str | None = None
    useCase: str | None = None
    useCaseMetadata: dict[str, Any] | None = None
    uploadUrl: str | None = None
    downloadUrl: str | None = None
    publicUrl: str | None = None
    createdAt: EpochMs | None = None


class App(DustModel):
    """A Dust app: a programmable workflow of blocks (LLM calls, code, data source searches…).
    ``savedSpecification`` is the app's current specification; running it needs its hash."""

    sId: str
    id: int | None = None
    name: str | None = None
    description: str | None = None
    savedSpecification: str | None = None
    savedConfig: str | None = None
    savedRun: str | None = None
    dustAPIProjectId: str | None = None
    space: Space | None = None


class RunStatus(DustModel):
    """Where a run is: ``run`` is ``running``, ``succeeded`` or ``errored``; ``blocks`` per block."""

    run: str | None = None
    build: str | None = None
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class Run(DustModel):
    """An app run. ``results`` holds, per input, the output of the app's last block
    (``[{"value": ..., "error": ...}]``); ``traces`` the outputs of every block, each
    ``[[block_type, block_name], [outputs of input 0, outputs of input 1, ...]]``."""

    run_id: str
    app_id: str | None = None
    created: EpochMs | None = None
    run_type: str | None = None
    config: dict[str, Any] | None = None
    status: RunStatus | None = None
    traces: list[Any] = Field(default_factory=list)
    specification_hash: str | None = None
    results: list[list[dict[str, Any]]] | None = None

    @property
    def finished(self) -> bool:
        """Whether the run has stopped (succeeded or errored)."""
        return self.status is not None and self.status.run in {"succeeded", "errored"}

    @property
    def succeeded(self) -> bool:
        """Whether the run completed without error."""
        return self.status is not None and self.status.run == "succeeded"
