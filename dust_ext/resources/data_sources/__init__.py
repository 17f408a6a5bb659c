"""``client.data_sources`` and ``client.data_source_views``: documents, tables, folders and views. Each
resource module (``_async.py``, ``_documents_async.py``, ``_tables_async.py``, ``_rows_async.py``,
``_folders_async.py``, ``_views_async.py``) is generated from openapi/ (make generate) and inherits the
hand-written methods of its ``..._behaviour_async.py``; the blocking twins come from make unasync; the
hand-written methods' call builders are in ``calls.py``."""

from dust_ext.resources.data_sources._async import (
    AsyncDataSources,
    AsyncDataSourcesWithRawResponse,
    AsyncDataSourcesWithStreamingResponse,
)
from dust_ext.resources.data_sources._documents_async import (
    AsyncDocumentListPage,
    AsyncDocuments,
    AsyncDocumentsWithRawResponse,
    AsyncDocumentsWithStreamingResponse,
)
from dust_ext.resources.data_sources._documents_sync import (
    DocumentListPage,
    Documents,
    DocumentsWithRawResponse,
    DocumentsWithStreamingResponse,
)
from dust_ext.resources.data_sources._folders_async import (
    AsyncFolders,
    AsyncFoldersWithRawResponse,
    AsyncFoldersWithStreamingResponse,
)
from dust_ext.resources.data_sources._folders_sync import (
    Folders,
    FoldersWithRawResponse,
    FoldersWithStreamingResponse,
)
from dust_ext.resources.data_sources._rows_async import (
    AsyncTableRowListPage,
    AsyncTableRows,
    AsyncTableRowsWithRawResponse,
    AsyncTableRowsWithStreamingResponse,
)
from dust_ext.resources.data_sources._rows_sync import (
    TableRowListPage,
    TableRows,
    TableRowsWithRawResponse,
    TableRowsWithStreamingResponse,
)
from dust_ext.resources.data_sources._sync import (
    DataSources,
    DataSourcesWithRawResponse,
    DataSourcesWithStreamingResponse,
)
from dust_ext.resources.data_sources._tables_async import (
    AsyncTables,
    AsyncTablesWithRawResponse,
    AsyncTablesWithStreamingResponse,
)
from dust_ext.resources.data_sources._tables_sync import (
    Tables,
    TablesWithRawResponse,
    TablesWithStreamingResponse,
)
from dust_ext.resources.data_sources._views_async import (
    AsyncDataSourceViews,
    AsyncDataSourceViewsWithRawResponse,
    AsyncDataSourceViewsWithStreamingResponse,
)
from dust_ext.resources.data_sources._views_sync import (
    DataSourceViews,
    DataSourceViewsWithRawResponse,
    DataSourceViewsWithStreamingResponse,
)
from dust_ext.resources.data_sources.calls import (
    DEFAULT_PAGE_SIZE,
    DataSourceList,
    DataSourceViewList,
    RowLike,
    SearchFilters,
    SearchResultList,
    SectionLike,
    TableList,
    TokenList,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncDataSourceViews",
    "AsyncDataSourceViewsWithRawResponse",
    "AsyncDataSourceViewsWithStreamingResponse",
    "AsyncDataSources",
    "AsyncDataSourcesWithRawResponse",
    "AsyncDataSourcesWithStreamingResponse",
    "AsyncDocumentListPage",
    "AsyncDocuments",
    "AsyncDocumentsWithRawResponse",
    "AsyncDocumentsWithStreamingResponse",
    "AsyncFolders",
    "AsyncFoldersWithRawResponse",
    "AsyncFoldersWithStreamingResponse",
    "AsyncTableRowListPage",
    "AsyncTableRows",
    "AsyncTableRowsWithRawResponse",
    "AsyncTableRowsWithStreamingResponse",
    "AsyncTables",
    "AsyncTablesWithRawResponse",
    "AsyncTablesWithStreamingResponse",
    "DataSourceList",
    "DataSourceViewList",
    "DataSourceViews",
    "DataSourceViewsWithRawResponse",
    "DataSourceViewsWithStreamingResponse",
    "DataSources",
    "DataSourcesWithRawResponse",
    "DataSourcesWithStreamingResponse",
    "DocumentListPage",
    "Documents",
    "DocumentsWithRawResponse",
    "DocumentsWithStreamingResponse",
    "Folders",
    "FoldersWithRawResponse",
    "FoldersWithStreamingResponse",
    "RowLike",
    "SearchFilters",
    "SearchResultList",
    "SectionLike",
    "TableList",
    "TableRowListPage",
    "TableRows",
    "TableRowsWithRawResponse",
    "TableRowsWithStreamingResponse",
    "Tables",
    "TablesWithRawResponse",
    "TablesWithStreamingResponse",
    "TokenList",
]
