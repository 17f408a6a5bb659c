# Generated from _rows_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.data_sources.tables.rows`` (``_rows_behaviour_sync.py`` is generated
from this file); the generated ``AsyncTableRows`` (``_rows_async.py``, with the page of ``list``) inherits
them. Each is listed in openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Sequence

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources.calls import RowLike
from dust_ext.types.data_sources import Table


class TableRowsBehaviour(Resource):
    """``client.data_sources.tables.rows``' upserts."""

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
