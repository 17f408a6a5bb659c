"""``client.chat`` — filled in by the events/chat work (send, stream, session)."""

from __future__ import annotations

from dust_ext.resources._base import AsyncResource, SyncResource


class Chat(SyncResource):
    """High-level chat with an agent (sync)."""


class AsyncChat(AsyncResource):
    """High-level chat with an agent (asyncio)."""
