"""``client.data_sources``' hand-written methods, inherited by the generated ``AsyncDataSources`` (see
openapi/sdk.yaml)."""

from __future__ import annotations

from typing import Any, NoReturn

from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls


class AsyncDataSourcesBehaviour(AsyncResource):
    """``client.data_sources``' methods the public API lacks."""

    async def create(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError` saying
        where to create a data source instead (the Dust web app)."""
        calls.data_source_management_not_in_public_api("create")

    async def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        calls.data_source_management_not_in_public_api("delete")
