# Generated from _rows_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.data_sources.tables.rows`` (``_rows_behaviour_sync.py`` is generated
from this file), and their page; the generated ``AsyncTableRows`` (``_rows_async.py``) inherits them. Each
is listed in openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import cast

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.pagination._sync import Page
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import DEFAULT_PAGE_SIZE, RowLike
from dust_ext.types.data_sources import Table, TableRow, TableRowPage


class TableRowListPage(Page[TableRow]):
    """A page of ``tables.rows.list``: ``.rows`` (this page's, also ``.items``), ``.total`` (the table's
    row count), ``.offset``, ``.limit``, ``has_next_page()`` / ``get_next_page()``; iterating it yields
    every row of this page and the following ones, fetching them as it goes. ``.body`` is Dust's answer
    (:class:`~dust_ext.data_sources.TableRowPage`)."""

    @property
    def body(self) -> TableRowPage:
        """This page's answer as Dust sent it."""
        return cast(TableRowPage, self._data.body)

    @property
    def rows(self) -> list[TableRow]:
        """The rows of this page only."""
        return self.body.rows

    @property
    def offset(self) -> int | None:
        """Where this page starts, as Dust echoes it."""
        return self.body.offset

    @property
    def limit(self) -> int | None:
        """The page size Dust applied."""
        return self.body.limit


class TableRowsBehaviour(Resource):
    """``client.data_sources.tables.rows``' pages and upserts."""

    def list(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        options: RequestOptions | None = None,
    ) -> TableRowListPage:
        """The page of rows at ``offset`` (``limit`` per page; Dust's default is 10): ``.rows``,
        ``.total``. Iterate the page to walk every row from there on, page after page; the next pages keep
        ``limit`` and ``options``."""
        call = calls.list_rows_page_call(
            self._workspace_id,
            space_id,
            data_source_id,
            table_id,
            limit=limit,
            offset=offset,
            options=options,
        )
        return TableRowListPage(self._client, self._run(call))

    def iter(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        options: RequestOptions | None = None,
    ) -> Iterator[TableRow]:
        """Deprecated: iterate the page ``list(space_id, data_source_id, table_id, limit=page_size)``
        returns instead. Every row of the table, fetching pages of ``page_size`` as the iteration goes."""
        warnings.warn(
            "tables.rows.iter() is deprecated: iterate the page returned by tables.rows.list(..., limit=page_size)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._every_row(space_id, data_source_id, table_id, page_size, options)

    def _every_row(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        page_size: int,
        options: RequestOptions | None,
    ) -> Iterator[TableRow]:
        page = self.list(space_id, data_source_id, table_id, limit=page_size, offset=0, options=options)
        yield from page

    @one_call
    def upsert(
        self,
        space_id: str,
        data_source_id: str,
        table_id: str,
        rows: Sequence[RowLike],
        *,
        truncate: bool = False,
        options: RequestOptions | None = None,
    ) -> Table:
        """Insert or replace rows (by ``row_id``); ``truncate=True`` first empties the table. Returns the
        table with its (re-inferred) schema."""
        call = calls.upsert_rows_call(self._workspace_id, space_id, data_source_id, table_id, rows, truncate)
        return self._run(call.with_options(options))
