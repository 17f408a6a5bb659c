"""``client.spaces``: the spaces of the workspace (``_sync.py`` is generated from this file).

A *space* is a permission boundary: the company-wide ``global`` space, restricted spaces, a user's
``conversations`` space… Data sources, data source views and apps live in a space, so most knowledge
calls start from a space id found here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import (
    AsyncResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.spaces.calls import SpaceKind, SpaceList, list_spaces_call


class AsyncSpaces(AsyncResource):
    """Spaces of the workspace: ``client.spaces``."""

    async def list(
        self, *, kinds: Sequence[SpaceKind] | None = None, options: RequestOptions | None = None
    ) -> SpaceList:
        """The spaces the API key can access. Without ``kinds`` Dust lists system, global and regular
        spaces; project spaces only come when asked for (``kinds=["project"]``)."""
        return await self._run(list_spaces_call(self._workspace_id, kinds).with_options(options))

    @cached_property
    def with_raw_response(self) -> AsyncSpacesWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncSpacesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSpacesWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncSpacesWithStreamingResponse(self)


class AsyncSpacesWithRawResponse:
    """``client.spaces.with_raw_response``."""

    def __init__(self, spaces: AsyncSpaces) -> None:
        self.list = async_to_raw_response_wrapper(spaces.list)


class AsyncSpacesWithStreamingResponse:
    """``client.spaces.with_streaming_response``."""

    def __init__(self, spaces: AsyncSpaces) -> None:
        self.list = async_to_streamed_response_wrapper(spaces.list)
