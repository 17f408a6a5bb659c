"""Kept so imports of earlier versions work: these models live in ``dust_ext.types.data_sources``, ``dust_ext.types.spaces``, ``dust_ext.types.files``, ``dust_ext.types.apps``, ``dust_ext.types.search``."""

from dust_ext.types.apps import (
    App,
    Run,
    RunStatus,
)
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
from dust_ext.types.files import (
    File,
)
from dust_ext.types.search import (
    ContentNode,
    NodeSearchEvent,
    NodeSearchPage,
)
from dust_ext.types.spaces import (
    Space,
)

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
