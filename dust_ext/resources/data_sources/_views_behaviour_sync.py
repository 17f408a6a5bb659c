# Generated from _views_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.data_source_views``' deletion, inherited by the generated ``AsyncDataSourceViews`` (see
openapi/sdk.yaml)."""

from __future__ import annotations

from typing import NoReturn

from dust_ext._core.request import RequestOptions
from dust_ext.exceptions import DustNotSupportedError
from dust_ext.resources._base._sync import Resource


class DataSourceViewsBehaviour(Resource):
    """``client.data_source_views``' deletion, which Dust's public API does not offer."""

    def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        # Dust registers only GET and PATCH on .../data_source_views/{dsvId} (front-api handler).
        raise DustNotSupportedError(
            "data_source_views.delete() is not available: Dust's public API (v1) cannot delete a data source "
            "view. Narrow what it exposes with data_source_views.update(parents_in=[...]), or delete the data "
            "source's content."
        )
