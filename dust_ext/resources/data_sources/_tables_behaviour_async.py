"""The hand-written part of ``client.data_sources.tables`` (``_tables_behaviour_sync.py`` is generated from
this file): its ``.rows``; the generated ``AsyncTables`` (``_tables_async.py``) inherits it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources._rows_async import AsyncTableRows

if TYPE_CHECKING:
    from dust_ext._client._async import AsyncDustClient


class AsyncTablesBehaviour(AsyncResource):
    """``client.data_sources.tables``' ``.rows``."""

    def __init__(self, client: AsyncDustClient) -> None:
        super().__init__(client)
        self.rows = AsyncTableRows(client)
