"""dust_ext: the typed, streaming Python SDK for the Dust developer platform (dust.tt).

from dust_ext import DustClient

client = DustClient()      # DUST_WORKSPACE_ID, DUST_API_KEY (or DUST_ACCESS_TOKEN)
for agent in client.agents.list():
    print(agent.sId, agent.name)
"""

import warnings
from importlib import import_module
from typing import TYPE_CHECKING, Any

from dust_ext._version import __version__
from dust_ext.exceptions import (
    DustAgentError,
    DustAPIError,
    DustAppRunError,
    DustBadRequestError,
    DustBatchError,
    DustClientClosedError,
    DustConfigError,
    DustConflictError,
    DustConnectionError,
    DustDecodeError,
    DustError,
    DustEventDecodeError,
    DustForbiddenError,
    DustInvalidArgumentError,
    DustInvalidIdError,
    DustNotFoundError,
    DustNotSupportedError,
    DustQuotaExceededError,
    DustRateLimitError,
    DustRedirectError,
    DustResponseTooLargeError,
    DustServerError,
    DustStreamError,
    DustTimeoutError,
    DustToolActionRequiredError,
    DustUnauthorizedError,
    DustUnprocessableEntityError,
)

if TYPE_CHECKING:
    from dust_ext._client import AsyncDustClient, DustClient
    from dust_ext._core.call import RawResponse, RequestOptions
    from dust_ext._core.retry import RetryPolicy
    from dust_ext._streaming import AsyncStream, Stream, StreamPolicy
    from dust_ext.chat import ChatMessage, ChatResponse
    from dust_ext.config import DustConfig, OAuthTokens
    from dust_ext.mcp import MCPRequest
    from dust_ext.pagination import AsyncPage, Page
    from dust_ext.resources._base import AsyncStreamedResponse, StreamedResponse
    from dust_ext.resources.chat import AsyncChatSession, AsyncChatStream, ChatSession, ChatStream
    from dust_ext.resources.tools import AsyncPendingToolAction, BlockedAction, PendingToolAction
    from dust_ext.types.actions import AgentAction, ToolQuestion
    from dust_ext.types.agents import AgentConfiguration
    from dust_ext.types.conversations import (
        AgentMessage,
        ContentFragment,
        Conversation,
        Message,
        MessageContext,
        MessageMention,
        UserMessage,
    )

# The clients, their config and the request layer load on first use too: `import dust_ext` then costs the
# exceptions only (not even httpx), and the first `DustClient` pays for the rest (benchmarks/RESULTS.md, perf4).
# Each module and the names it gives, as the imports above tell type checkers.
_LAZY_MODULES = {
    "dust_ext._client": ("AsyncDustClient", "DustClient"),
    "dust_ext._core.call": ("RawResponse", "RequestOptions"),
    "dust_ext._core.retry": ("RetryPolicy",),
    "dust_ext._streaming": ("AsyncStream", "Stream", "StreamPolicy"),
    "dust_ext.chat": ("ChatMessage", "ChatResponse"),
    "dust_ext.config": ("DustConfig", "OAuthTokens"),
    "dust_ext.mcp": ("MCPRequest",),
    "dust_ext.pagination": ("AsyncPage", "Page"),
    "dust_ext.resources._base": ("AsyncStreamedResponse", "StreamedResponse"),
    "dust_ext.resources.chat": ("AsyncChatSession", "AsyncChatStream", "ChatSession", "ChatStream"),
    "dust_ext.resources.tools": ("AsyncPendingToolAction", "BlockedAction", "PendingToolAction"),
    "dust_ext.types.actions": ("AgentAction", "ToolQuestion"),
    "dust_ext.types.agents": ("AgentConfiguration",),
    "dust_ext.types.conversations": (
        "AgentMessage",
        "ContentFragment",
        "Conversation",
        "Message",
        "MessageContext",
        "MessageMention",
        "UserMessage",
    ),
}
_LAZY_NAMES = {name: module for module, names in _LAZY_MODULES.items() for name in names}

__all__ = [
    "AgentAction",
    "AgentConfiguration",
    "AgentMessage",
    "AsyncChatSession",
    "AsyncChatStream",
    "AsyncDustClient",
    "AsyncPage",
    "AsyncPendingToolAction",
    "AsyncStream",
    "AsyncStreamedResponse",
    "BlockedAction",
    "ChatMessage",
    "ChatResponse",
    "ChatSession",
    "ChatStream",
    "ContentFragment",
    "Conversation",
    "DustAPIError",
    "DustAgentError",
    "DustAppRunError",
    "DustBadRequestError",
    "DustBatchError",
    "DustClient",
    "DustClientClosedError",
    "DustConfig",
    "DustConfigError",
    "DustConflictError",
    "DustConnectionError",
    "DustDecodeError",
    "DustError",
    "DustEventDecodeError",
    "DustForbiddenError",
    "DustInvalidArgumentError",
    "DustInvalidIdError",
    "DustNotFoundError",
    "DustNotSupportedError",
    "DustQuotaExceededError",
    "DustRateLimitError",
    "DustRedirectError",
    "DustResponseTooLargeError",
    "DustServerError",
    "DustStreamError",
    "DustTimeoutError",
    "DustToolActionRequiredError",
    "DustUnauthorizedError",
    "DustUnprocessableEntityError",
    "MCPRequest",
    "Message",
    "MessageContext",
    "MessageMention",
    "OAuthTokens",
    "Page",
    "PendingToolAction",
    "RawResponse",
    "RequestOptions",
    "RetryPolicy",
    "Stream",
    "StreamPolicy",
    "StreamedResponse",
    "ToolQuestion",
    "UserMessage",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "ChatClient":
        # dust-client 0.1.1's name, kept working with a warning (docs/migration.md lists every name of that
        # package and its replacement).
        warnings.warn(
            "dust_ext.ChatClient is dust-client's name: use dust_ext.resources.chat.Chat "
            "(the type of client.chat)",
            DeprecationWarning,
            stacklevel=2,
        )
        return import_module("dust_ext.resources.chat").Chat
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'dust_ext' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The lazy names are attributes too: dir() and tab completion list them before their first use.
    return sorted(set(globals()) | set(_LAZY_NAMES))
