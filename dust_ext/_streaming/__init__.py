"""Streaming: one stream type over server-sent events, one flow.

:class:`Stream` / :class:`AsyncStream` (``_sync.py`` generated from ``_async.py``) step one sans-IO flow,
:func:`~dust_ext._streaming.flow.stream_flow`, for every streaming endpoint; what is particular to one
endpoint is its :class:`StreamPlan`, pure: Dust's resumable event streams are a :class:`StreamSession`,
streams read over one connection (app runs, search) a :class:`SingleConnection` with a :class:`FrameReader`
(frame -> item), and an MCP server's request stream ``resources/mcp``'s ``RequestStreamPlan``.
"""

from dust_ext._streaming._async import AsyncStream
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.flow import StreamPlan, StreamRequest
from dust_ext._streaming.session import (
    DustStreamError,
    FrameReader,
    SingleConnection,
    StreamPolicy,
    StreamSession,
)

__all__ = [
    "AsyncStream",
    "DustStreamError",
    "FrameReader",
    "SingleConnection",
    "Stream",
    "StreamPlan",
    "StreamPolicy",
    "StreamRequest",
    "StreamSession",
]
