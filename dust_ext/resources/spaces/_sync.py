# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.spaces``: the spaces of the workspace (``_sync.py`` is generated from this file).

A *space* is a permission boundary: the company-wide ``global`` space, restricted spaces, a user's
``conversations`` space… Data sources, data source views and apps live in a space, so most knowledge
calls start from a space id found here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.spaces.calls import SpaceKind, SpaceList, list_spaces_call


class Spaces(Resource):
    """Spaces of the workspace: ``client.spaces``."""

    def list(
        self, *, kinds: Sequence[SpaceKind] | None = None, options: RequestOptions | None = None
    ) -> SpaceList:
        """The spaces the API key can access. Without ``kinds`` Dust lists system, global and regular
        spaces; project spaces only come when asked for (``kinds=["project"]``)."""
        return self._run(list_spaces_call(self._workspace_id, kinds).with_options(options))

    @cached_property
    def with_raw_response(self) -> SpacesWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return SpacesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SpacesWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return SpacesWithStreamingResponse(self)


class SpacesWithRawResponse:
    """``client.spaces.with_raw_response``."""

    def __init__(self, spaces: Spaces) -> None:
        self.list = to_raw_response_wrapper(spaces.list)


class SpacesWithStreamingResponse:
    """``client.spaces.with_streaming_response``."""

    def __init__(self, spaces: Spaces) -> None:
        self.list = to_streamed_response_wrapper(spaces.list)
