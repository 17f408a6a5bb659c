"""``client.spaces``: the spaces of the workspace. The resource is written once (``_async.py``); the
blocking ``Spaces`` is generated from it; the pure call builder is in ``calls.py``."""

from dust_ext.resources.spaces._async import (
    AsyncSpaces,
    AsyncSpacesWithRawResponse,
    AsyncSpacesWithStreamingResponse,
)
from dust_ext.resources.spaces._sync import Spaces, SpacesWithRawResponse, SpacesWithStreamingResponse
from dust_ext.resources.spaces.calls import SpaceKind, SpaceList

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
