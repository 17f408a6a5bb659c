"""Streaming: one stream type over server-sent events, one flow.

:class:`Stream` / :class:`AsyncStream` (``_sync.py`` generated from ``_async.py``) step one sans-IO flow,
:func:`~dust_ext._streaming.flow.stream_flow`, for every streaming endpoint; what is particular to one
endpoint is its :class:`StreamPlan`, pure: Dust's resumable event streams are a :class:`StreamSession`,
streams read over one connection (app runs, search) a :class:`SingleConnection` with a :class:`FrameReader`
(frame -> item), and an MCP server's request stream ``resources/mcp``'s ``RequestStreamPlan``.
"""

from dust_ext._streaming._async import AsyncStream, adrain, aopen_stream
from dust_ext._streaming._sync import Stream, drain, open_stream
from dust_ext._streaming.flow import StreamPlan, StreamRequest
from dust_ext._streaming.session import (
    DONE_MARKER,
    DRAIN_LIMIT,
    DRAIN_TIMEOUT,
    STREAM_RETRY_STATUSES,
    DustStreamError,
    FrameReader,
    OnMalformed,
    SingleConnection,
    StreamPolicy,
    StreamSession,
    cut_short,
    stream_options,
)

__all__ = [
    "DONE_MARKER",
    "DRAIN_LIMIT",
    "DRAIN_TIMEOUT",
    "STREAM_RETRY_STATUSES",
    "AsyncStream",
    "DustStreamError",
    "FrameReader",
    "OnMalformed",
    "SingleConnection",
    "Stream",
    "StreamPlan",
    "StreamPolicy",
    "StreamRequest",
    "StreamSession",
    "adrain",
    "aopen_stream",
    "cut_short",
    "drain",
    "open_stream",
    "stream_options",
]
