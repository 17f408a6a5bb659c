"""The hand-written methods of ``client.data_sources.tables`` (``_tables_behaviour_sync.py`` is generated
from this file); the generated ``AsyncTables`` (``_tables_async.py``) inherits them. Each is listed in
openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dust_ext._core.call import one_call
from dust_ext._core.params import Timestamp
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.resources.data_sources._rows_async import AsyncTableRows
from dust_ext.types.data_sources import Table

if TYPE_CHECKING:
    from dust_ext._client._async import AsyncDustClient


class AsyncTablesBehaviour(AsyncResource):
    """``client.data_sources.tables``' upserts (bodies assembled from arguments, a CSV from a file), and
    ``.rows``."""

    def __init__(self, client: AsyncDustClient) -> None:
        super().__init__(client)
        self.rows = AsyncTableRows(client)

    @one_call
    async def upsert(
        self,
        space_id: str,
        data_source_id: str,
        *,
        name: str,
        description: str,
        table_id: str | None = None,
        title: str | None = None,
        timestamp: Timestamp | None = None,
        tags: Sequence[str] | None = None,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        options: RequestOptions | None = None,
        **extra: Any,
    ) -> Table:
        """Create or update a table (``table_id`` picks which; Dust generates one if omitted). ``name`` is
        what SQL queries use, ``description`` tells agents what the table holds. Extra keyword arguments
        (e.g. ``remote_database_table_id``) are sent as they are."""
        payload = calls.table_payload(
            name,
            description,
            table_id,
            title,
            timestamp,
            tags,
            parents,
            parent_id,
            mime_type,
            source_url,
            extra,
        )
        call = calls.upsert_table_call(self._workspace_id, space_id, data_source_id, payload)
        return await self._run(call.with_options(options))

    @one_call
    async def upsert_from_csv(
        self,
        space_id: str,
        data_source_id: str,
        *,
        name: str,
        description: str,
        file_id: str,
        table_id: str | None = None,
        title: str | None = None,
        timestamp: Timestamp | None = None,
        tags: Sequence[str] | None = None,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        truncate: bool | None = None,
        async_upsert: bool | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        options: RequestOptions | None = None,
    ) -> Table | None:
        """Create or replace a table from a CSV file uploaded with ``client.files.upload(...,
        use_case="upsert_table")`` (pass its ``sId`` as ``file_id``). Returns the table; when the upsert
        was queued (``async_upsert=True``) Dust answers only its ``table_id``."""
        payload = calls.csv_payload(
            name,
            description,
            file_id,
            table_id,
            title,
            timestamp,
            tags,
            parents,
            parent_id,
            truncate,
            async_upsert,
            mime_type,
            source_url,
        )
        call = calls.upsert_table_from_csv_call(self._workspace_id, space_id, data_source_id, payload)
        return await self._run(call.with_options(options))
