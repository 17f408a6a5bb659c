# Generated from _views_behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.data_source_views`` (``_views_behaviour_sync.py`` is generated from
this file); the generated ``AsyncDataSourceViews`` (``_views_async.py``) inherits them. Each is listed in
openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from typing import NoReturn

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.data_sources import calls


class DataSourceViewsBehaviour(Resource):
    """``client.data_source_views``' deletion, which Dust's public API does not offer."""

    def delete(self, space_id: str, view_id: str, *, options: RequestOptions | None = None) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.no_view_deletion()
