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

from typing import Any

from pydantic import Field

from dust_ext.types._base import DustModel, EpochMs


class DataSource(DustModel):
    """A data source: documents and tables Dust indexes. ``connectorProvider`` is ``None`` for a folder
    filled through the API, else the managed connection (``notion``, ``webcrawler``…)."""

    # Dust always sends these (its DataSourceType; the JS SDK's DataSourceTypeSchema requires each).
    id: int
    sId: str
    createdAt: EpochMs
    name: str
    description: str | None
    assistantDefaultSelected: bool
    dustAPIProjectId: str
    dustAPIDataSourceId: str
    connectorId: str | None
    connectorProvider: str | None


class DataSourceView(DustModel):
    """A data source exposed in a space; ``parentsIn`` restricts it to those nodes and their descendants
    (``None``: the whole data source). ``kind`` is ``default`` (the data source's own view) or ``custom``."""

    # Dust always sends these (the JS SDK's DataSourceViewSchema requires each).
    sId: str
    id: int
    category: str
    kind: str
    parentsIn: list[str] | None
    dataSource: DataSource
    spaceId: str
    createdAt: EpochMs
    updatedAt: EpochMs


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


class Folder(DustModel):
    """A folder node of a data source, as an upsert returns it."""

    folder_id: str | None = None
    title: str | None = None
    parents: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    mime_type: str | None = None
    source_url: str | None = None
    timestamp: EpochMs | None = None
