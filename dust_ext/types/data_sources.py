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

from dust_ext.types._spec_data_sources import (
    DataSource,
    DataSourceView,
    Document,
    DocumentChunk,
    DocumentPage,
    Folder,
    LightDocument,
    SearchResult,
    Section,
    Table,
    TableColumn,
    TableRow,
    TableRowPage,
    UpsertedDocument,
)

__all__ = [
    "DataSource",
    "DataSourceView",
    "Document",
    "DocumentChunk",
    "DocumentPage",
    "Folder",
    "LightDocument",
    "SearchResult",
    "Section",
    "Table",
    "TableColumn",
    "TableRow",
    "TableRowPage",
    "UpsertedDocument",
]
