"""``client.chat``: talk to an agent in one call, token by token, or over several turns. Its methods are
written once (``_behaviour_async.py``), the class and its raw views are generated (``_async.py``), the blocking
twins come from make unasync; its pure parts are in ``calls.py``."""

from dust_ext.resources.chat._async import AsyncChat, AsyncChatWithRawResponse, AsyncChatWithStreamingResponse
from dust_ext.resources.chat._behaviour_async import AsyncChatSession, AsyncChatStream
from dust_ext.resources.chat._behaviour_sync import ChatSession, ChatStream
from dust_ext.resources.chat._sync import Chat, ChatWithRawResponse, ChatWithStreamingResponse
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
