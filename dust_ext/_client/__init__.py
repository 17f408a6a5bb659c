"""The entry points: :class:`AsyncDustClient` (hand-written) and :class:`DustClient` (generated from it)."""

from dust_ext._client._async import AsyncDustClient
from dust_ext._client._sync import DustClient
from dust_ext._client.core import ConfigFields, LazyResource, resolve_config

__all__ = ["AsyncDustClient", "ConfigFields", "DustClient", "LazyResource", "resolve_config"]
