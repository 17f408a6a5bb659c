"""The request path as an httpx transport, for the raw generated client (``client.raw``)."""

from dust_ext._transport._async import AsyncPolicyTransport
from dust_ext._transport._sync import PolicyTransport

__all__ = ["AsyncPolicyTransport", "PolicyTransport"]
