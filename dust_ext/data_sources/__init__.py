"""Knowledge in Dust: spaces, data sources (documents, tables, folders), views, search, files and apps."""

from dust_ext.types.apps import App, Run, RunStatus
from dust_ext.types.data_sources import (
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
from dust_ext.types.files import File
from dust_ext.types.search import ContentNode, NodeSearchEvent, NodeSearchPage
from dust_ext.types.spaces import Space

__all__ = [
    "App",
    "ContentNode",
    "DataSource",
    "DataSourceView",
    "Document",
    "DocumentChunk",
    "DocumentPage",
    "File",
    "Folder",
    "LightDocument",
    "NodeSearchEvent",
    "NodeSearchPage",
    "Run",
    "RunStatus",
    "SearchResult",
    "Section",
    "Space",
    "Table",
    "TableColumn",
    "TableRow",
    "TableRowPage",
    "UpsertedDocument",
]
