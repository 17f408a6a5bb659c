"""dust_ext: the typed, streaming Python SDK for the Dust developer platform (dust.tt).

from dust_ext import DustClient, DustConfig

client = DustClient(DustConfig.from_env())      # DUST_WORKSPACE_ID, DUST_API_KEY
for agent in client.agents.list():
    print(agent.sId, agent.name)
"""

from dust_ext._client import AsyncDustClient, DustClient
from dust_ext._http import RawResponse, RequestOptions
from dust_ext._retry import RetryPolicy
from dust_ext._streaming import DustStreamError, StreamPolicy
from dust_ext._version import __version__
from dust_ext.agents.models import AgentConfiguration
from dust_ext.chat import ChatMessage, ChatResponse
from dust_ext.config import DustConfig
from dust_ext.conversations.models import (
    AgentMessage,
    ContentFragment,
    Conversation,
    Message,
    MessageContext,
    MessageMention,
    UserMessage,
)
from dust_ext.exceptions import (
    DustAgentError,
    DustAPIError,
    DustBadRequestError,
    DustConfigError,
    DustConflictError,
    DustConnectionError,
    DustDecodeError,
    DustError,
    DustForbiddenError,
    DustNotFoundError,
    DustNotSupportedError,
    DustRateLimitError,
    DustServerError,
    DustTimeoutError,
    DustUnauthorizedError,
    DustUnprocessableEntityError,
)
from dust_ext.mcp import MCPRequest
from dust_ext.resources.tools import AsyncPendingToolAction, BlockedAction, PendingToolAction

__all__ = [
    "AgentConfiguration",
    "AgentMessage",
    "AsyncDustClient",
    "AsyncPendingToolAction",
    "BlockedAction",
    "ChatMessage",
    "ChatResponse",
    "ContentFragment",
    "Conversation",
    "DustAPIError",
    "DustAgentError",
    "DustBadRequestError",
    "DustClient",
    "DustConfig",
    "DustConfigError",
    "DustConflictError",
    "DustConnectionError",
    "DustDecodeError",
    "DustError",
    "DustForbiddenError",
    "DustNotFoundError",
    "DustNotSupportedError",
    "DustRateLimitError",
    "DustServerError",
    "DustStreamError",
    "DustTimeoutError",
    "DustUnauthorizedError",
    "DustUnprocessableEntityError",
    "MCPRequest",
    "Message",
    "MessageContext",
    "MessageMention",
    "PendingToolAction",
    "RawResponse",
    "RequestOptions",
    "RetryPolicy",
    "StreamPolicy",
    "UserMessage",
    "__version__",
]
