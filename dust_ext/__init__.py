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
    from dust_ext._core.request import RawResponse, RequestOptions
    from dust_ext._core.retry import RetryPolicy
    from dust_ext._streaming import AsyncStream, Stream, StreamPolicy
    from dust_ext.chat import ChatMessage, ChatResponse
    from dust_ext.config import DustConfig, OAuthTokens
    from dust_ext.mcp import MCPRequest
    from dust_ext.pagination import AsyncPage, Page
    from dust_ext.resources._base._async import AsyncStreamedResponse
    from dust_ext.resources._base._sync import StreamedResponse
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
_LAZY_NAMES = {
    "AsyncDustClient": "dust_ext._client",
    "DustClient": "dust_ext._client",
    "DustConfig": "dust_ext.config",
    "OAuthTokens": "dust_ext.config",
    "RawResponse": "dust_ext._core.request",
    "AsyncStreamedResponse": "dust_ext.resources._base._async",
    "StreamedResponse": "dust_ext.resources._base._sync",
    "RequestOptions": "dust_ext._core.request",
    "RetryPolicy": "dust_ext._core.retry",
    "AsyncStream": "dust_ext._streaming",
    "Stream": "dust_ext._streaming",
    "StreamPolicy": "dust_ext._streaming",
    "AsyncPage": "dust_ext.pagination",
    "Page": "dust_ext.pagination",
    "AgentAction": "dust_ext.actions",
    "ToolQuestion": "dust_ext.actions",
    "AgentConfiguration": "dust_ext.agents.models",
    "ChatMessage": "dust_ext.chat",
    "ChatResponse": "dust_ext.chat",
    "AgentMessage": "dust_ext.conversations.models",
    "ContentFragment": "dust_ext.conversations.models",
    "Conversation": "dust_ext.conversations.models",
    "Message": "dust_ext.conversations.models",
    "MessageContext": "dust_ext.conversations.models",
    "MessageMention": "dust_ext.conversations.models",
    "UserMessage": "dust_ext.conversations.models",
    "MCPRequest": "dust_ext.mcp",
    "AsyncChatStream": "dust_ext.resources.chat",
    "ChatStream": "dust_ext.resources.chat",
    "AsyncChatSession": "dust_ext.resources.chat",
    "ChatSession": "dust_ext.resources.chat",
    "AsyncPendingToolAction": "dust_ext.resources.tools",
    "BlockedAction": "dust_ext.resources.tools",
    "PendingToolAction": "dust_ext.resources.tools",
}

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


# dust-client 0.1.1's names for what is called differently here: they keep working, with a warning
# (docs/migration.md lists every name of that package and its replacement).
_RENAMED = {"ChatClient": ("dust_ext.resources.chat", "Chat")}


def __getattr__(name: str) -> Any:
    # Clients, models, events and chat load on first use, so `import dust_ext` stays fast.
    if name in _RENAMED:
        module_name, new_name = _RENAMED[name]
        warnings.warn(
            f"dust_ext.{name} is dust-client's name: use {module_name}.{new_name} (the type of client.chat)",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(import_module(module_name), new_name)
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'dust_ext' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The lazy names are attributes too: dir() and tab completion list them before their first use.
    return sorted(set(globals()) | set(_LAZY_NAMES))
