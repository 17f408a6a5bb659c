# Generated from _tables_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written part of ``client.data_sources.tables`` (``_tables_behaviour_sync.py`` is generated from
this file): its ``.rows``; the generated ``AsyncTables`` (``_tables_async.py``) inherits it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dust_ext.resources._base._sync import Resource
from dust_ext.resources.data_sources._rows_sync import TableRows

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient


class TablesBehaviour(Resource):
    """``client.data_sources.tables``' ``.rows``."""

    def __init__(self, client: DustClient) -> None:
        super().__init__(client)
        self.rows = TableRows(client)
