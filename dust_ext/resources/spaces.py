"""``client.spaces``: the spaces of the workspace.

A *space* is a permission boundary: the company-wide ``global`` space, restricted spaces, a user's
``conversations`` space… Data sources, data source views and apps live in a space, so most knowledge
calls start from a space id found here.
"""

from __future__ import annotations

from dust_ext._http import RequestOptions
from dust_ext.data_sources.calls import SpaceList, list_spaces_call
from dust_ext.resources._base import AsyncResource, SyncResource


class Spaces(SyncResource):
    """Spaces of the workspace (sync)."""

    def list(self, *, options: RequestOptions | None = None) -> SpaceList:
        """The spaces the API key can access."""
        return self._run(list_spaces_call(self._workspace_id).with_options(options))


class AsyncSpaces(AsyncResource):
    """Spaces of the workspace (asyncio); see :class:`Spaces`."""

    async def list(self, *, options: RequestOptions | None = None) -> SpaceList:
        """See :meth:`Spaces.list`."""
        return await self._run(list_spaces_call(self._workspace_id).with_options(options))
