"""``client.spaces``: the spaces of the workspace.

A *space* is a permission boundary: the company-wide ``global`` space, restricted spaces, a user's
``conversations`` space… Data sources, data source views and apps live in a space, so most knowledge
calls start from a space id found here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from dust_ext._http import RequestOptions
from dust_ext.resources._base import AsyncResource, Resource
from dust_ext.resources.data_sources.calls import SpaceList, list_spaces_call

SpaceKind = Literal["system", "global", "regular", "project"]
"""The kinds ``spaces.list(kinds=...)`` can select (Dust rejects others with a 400)."""


class Spaces(Resource):
    """Spaces of the workspace (sync)."""

    def list(
        self, *, kinds: Sequence[SpaceKind] | None = None, options: RequestOptions | None = None
    ) -> SpaceList:
        """The spaces the API key can access. Without ``kinds`` Dust lists system, global and regular
        spaces; project spaces only come when asked for (``kinds=["project"]``)."""
        return self._run(list_spaces_call(self._workspace_id, kinds).with_options(options))


class AsyncSpaces(AsyncResource):
    """Spaces of the workspace (asyncio); see :class:`Spaces`."""

    async def list(
        self, *, kinds: Sequence[SpaceKind] | None = None, options: RequestOptions | None = None
    ) -> SpaceList:
        """See :meth:`Spaces.list`."""
        return await self._run(list_spaces_call(self._workspace_id, kinds).with_options(options))
