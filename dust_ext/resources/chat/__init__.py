"""``client.chat``: talk to an agent in one call, token by token, or over several turns. The resource is
written once (``_async.py``); the blocking ``Chat`` is generated from it; its pure parts are in ``calls.py``."""

from dust_ext.resources.chat._async import (
    AsyncChat,
    AsyncChatSession,
    AsyncChatStream,
    AsyncChatWithRawResponse,
    AsyncChatWithStreamingResponse,
)
from dust_ext.resources.chat._sync import (
    Chat,
    ChatSession,
    ChatStream,
    ChatWithRawResponse,
    ChatWithStreamingResponse,
)
from dust_ext.resources.chat.calls import (
    AsyncToolActionHandler,
    ChatStart,
    ChatTurn,
    ContextLike,
    ToolActionHandler,
    make_turn,
)

__all__ = [
    "AsyncChat",
    "AsyncChatSession",
    "AsyncChatStream",
    "AsyncChatWithRawResponse",
    "AsyncChatWithStreamingResponse",
    "AsyncToolActionHandler",
    "Chat",
    "ChatSession",
    "ChatStart",
    "ChatStream",
    "ChatTurn",
    "ChatWithRawResponse",
    "ChatWithStreamingResponse",
    "ContextLike",
    "ToolActionHandler",
    "make_turn",
]
