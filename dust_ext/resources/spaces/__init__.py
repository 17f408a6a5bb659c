"""``client.spaces``: the spaces of the workspace. ``_async.py`` is generated from openapi/ (make generate),
its blocking twin ``_sync.py`` by make unasync."""

from dust_ext.resources.spaces._async import (
    AsyncSpaces,
    AsyncSpacesWithRawResponse,
    AsyncSpacesWithStreamingResponse,
)
from dust_ext.resources.spaces._sync import Spaces, SpacesWithRawResponse, SpacesWithStreamingResponse
from dust_ext.types.spaces import Space, SpaceKind

# An alias: inside the resource classes `list` names the method, not the builtin.
SpaceList = list[Space]

__all__ = [
    "AsyncSpaces",
    "AsyncSpacesWithRawResponse",
    "AsyncSpacesWithStreamingResponse",
    "SpaceKind",
    "SpaceList",
    "Spaces",
    "SpacesWithRawResponse",
    "SpacesWithStreamingResponse",
]
