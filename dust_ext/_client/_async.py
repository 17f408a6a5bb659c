"""The client (``_sync.py``, the blocking ``DustClient``, is generated from this file).

It holds a :class:`~dust_ext.config.DustConfig`, one driver of the shared request path (auth, user agent,
timeouts, retries, error mapping) and the resources (``agents``, ``conversations``, ``chat``...), each
imported on first use. Every resource call is a :class:`~dust_ext._core.call.Call` run by :meth:`run`.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack

import httpx

from dust_ext._client.core import (
    RAW_CLIENT_TOKEN,
    VALIDATE_PATH,
    ConfigFields,
    LazyResource,
    default_stream_policy,
    json_or_text,
    resolve_config,
)
from dust_ext._core.call import Call, RequestOptions, record_response
from dust_ext._core.oauth import TokenRefreshCallback
from dust_ext._core.retry import RetryPolicy
from dust_ext._http import AsyncHTTP
from dust_ext._io import AsyncSleep, async_wait_seconds
from dust_ext._logging import configure_logging
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustConfigError

if TYPE_CHECKING:
    from dust_api import AuthenticatedClient

    from dust_ext._streaming import StreamPolicy
    from dust_ext.resources.agents import AsyncAgents
    from dust_ext.resources.apps import AsyncApps
    from dust_ext.resources.batch import AsyncBatch
    from dust_ext.resources.chat import AsyncChat
    from dust_ext.resources.conversations import AsyncConversations
    from dust_ext.resources.data_sources import AsyncDataSources, AsyncDataSourceViews
    from dust_ext.resources.files import AsyncFiles
    from dust_ext.resources.mcp import AsyncMCP
    from dust_ext.resources.mentions import AsyncMentions
    from dust_ext.resources.search import AsyncSearch
    from dust_ext.resources.skills import AsyncSkills
    from dust_ext.resources.spaces import AsyncSpaces
    from dust_ext.resources.triggers import AsyncTriggers
    from dust_ext.resources.workspace import AsyncWorkspace

T = TypeVar("T")


class AsyncDustClient:
    """The Dust client.

    ``DustClient()`` reads the ``DUST_*`` environment variables; ``DustClient(api_key=..., workspace_id=...,
    region="eu")`` takes any :class:`~dust_ext.config.DustConfig` field as a keyword (the environment fills
    the others); ``DustClient(config)`` takes a config object, and keywords given with it override its
    fields. Pass ``http_client`` to reuse your own httpx client (it stays yours to close), ``retry_policy``
    to change how failed calls are retried and ``stream_policy`` how event streams resume after a drop. With
    an OAuth ``access_token`` and its ``refresh_token``, the client renews the access token when it expires
    (at most once per call) and calls ``on_token_refresh`` with the new pair, for you to store. Use
    it as a context manager, or call ``close()``. ``DUST_LOG=info|debug`` switches on the SDK's logs.
    ``AsyncDustClient`` is the same client for asyncio: the same arguments and methods, awaited.
    """

    agents: LazyResource[AsyncAgents] = LazyResource("dust_ext.resources.agents", "AsyncAgents")
    conversations: LazyResource[AsyncConversations] = LazyResource(
        "dust_ext.resources.conversations", "AsyncConversations"
    )
    chat: LazyResource[AsyncChat] = LazyResource("dust_ext.resources.chat", "AsyncChat")
    spaces: LazyResource[AsyncSpaces] = LazyResource("dust_ext.resources.spaces", "AsyncSpaces")
    data_sources: LazyResource[AsyncDataSources] = LazyResource(
        "dust_ext.resources.data_sources", "AsyncDataSources"
    )
    data_source_views: LazyResource[AsyncDataSourceViews] = LazyResource(
        "dust_ext.resources.data_sources", "AsyncDataSourceViews"
    )
    search: LazyResource[AsyncSearch] = LazyResource("dust_ext.resources.search", "AsyncSearch")
    files: LazyResource[AsyncFiles] = LazyResource("dust_ext.resources.files", "AsyncFiles")
    apps: LazyResource[AsyncApps] = LazyResource("dust_ext.resources.apps", "AsyncApps")
    mcp: LazyResource[AsyncMCP] = LazyResource("dust_ext.resources.mcp", "AsyncMCP")
    mentions: LazyResource[AsyncMentions] = LazyResource("dust_ext.resources.mentions", "AsyncMentions")
    skills: LazyResource[AsyncSkills] = LazyResource("dust_ext.resources.skills", "AsyncSkills")
    triggers: LazyResource[AsyncTriggers] = LazyResource("dust_ext.resources.triggers", "AsyncTriggers")
    workspace: LazyResource[AsyncWorkspace] = LazyResource("dust_ext.resources.workspace", "AsyncWorkspace")
    batch: LazyResource[AsyncBatch] = LazyResource("dust_ext.resources.batch", "AsyncBatch")

    def __init__(
        self,
        config: DustConfig | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        retry_policy: RetryPolicy | None = None,
        stream_policy: StreamPolicy | None = None,
        sleep: AsyncSleep | None = None,
        on_token_refresh: TokenRefreshCallback | None = None,
        **fields: Unpack[ConfigFields],
    ) -> None:
        configure_logging()
        resolved = resolve_config(config, fields)
        if on_token_refresh is not None and resolved.refresh_token is None:
            raise DustConfigError(
                "on_token_refresh is called when the OAuth access token is renewed: give the refresh_token "
                "(or DUST_REFRESH_TOKEN) too"
            )
        self.sleep = sleep or async_wait_seconds
        self.stream_policy = stream_policy or default_stream_policy()
        self._http = AsyncHTTP(resolved, http_client, retry_policy=retry_policy, sleep=self.sleep)
        if self._http.core.oauth is not None:
            self._http.core.oauth.on_token_refresh = on_token_refresh

    @property
    def config(self) -> DustConfig:
        """The client's configuration; with OAuth, it holds the latest access and refresh token."""
        return self._http.core.config

    @property
    def http(self) -> AsyncHTTP:
        """The request path every call goes through (for streaming and advanced use)."""
        return self._http

    def with_options(
        self,
        *,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy of this client with other defaults, for one scope:
        ``client.with_options(timeout=5, max_retries=0).agents.list()`` (not a coroutine: it only copies).

        ``default_headers`` are merged over the current ones. The copy shares this client's connection
        pool, retry and stream policies: it is cheap to make, closing it does nothing, and it stops working
        once this client is closed.
        """
        given: dict[str, Any] = {
            "timeout": timeout,
            "connect_timeout": connect_timeout,
            "max_retries": max_retries,
        }
        if default_headers:
            given["default_headers"] = {**self.config.default_headers, **default_headers}
        changes = {name: value for name, value in given.items() if value is not None}
        retry_policy = self._http.core.retry_policy
        if max_retries is not None:
            retry_policy = retry_policy.with_max_retries(max_retries)
        copy = type(self)(
            self.config.model_copy(update=changes),
            http_client=self._http.http_client,
            retry_policy=retry_policy,
            stream_policy=self.stream_policy,
            sleep=self.sleep,
        )
        copy._http.share_credentials(self._http)
        return copy

    @cached_property
    def raw(self) -> AuthenticatedClient:
        """The generated client (``dust_api``) on this client's request path: pass it as ``client=`` to
        any ``dust_api.api`` function (``list_spaces.sync_detailed(w_id, client=client.raw)``; the
        asyncio functions with ``AsyncDustClient``) and its calls get this client's credential, user
        agent, timeouts, retries, connection pool and typed errors (a 404 raises ``DustNotFoundError``).
        Its ``token`` is a placeholder: the request path adds the real credential."""
        from dust_api import AuthenticatedClient

        from dust_ext._transport import AsyncPolicyTransport

        raw = AuthenticatedClient(base_url=self.config.base_url, token=RAW_CLIENT_TOKEN)
        raw.set_async_httpx_client(
            httpx.AsyncClient(base_url=self.config.base_url, transport=AsyncPolicyTransport(self._http))
        )
        return raw

    async def run(self, call: Call[T]) -> T:
        """Send a described call through the request path and parse its response."""
        response = await self._http.send(call)
        record_response(response)
        return call.parse(response)

    async def send(self, call: Call[Any]) -> httpx.Response:
        """Send a described call through the request path; its response read, not parsed."""
        response = await self._http.send(call)
        record_response(response)
        return response

    @asynccontextmanager
    async def open(self, call: Call[Any]) -> AsyncIterator[httpx.Response]:
        """Send a described call through the request path and yield its successful response with the body
        unread (``with_streaming_response``); closed when the block ends."""
        async with self._http.open(call) as response:
            record_response(response)
            yield response

    async def workspace_request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """Call any endpoint under ``/api/v1/w/{workspace_id}/`` (``path`` relative to it, e.g.
        ``"assistant/conversations"``) and return its decoded body: the escape hatch for endpoints without
        a wrapper. Auth, retries and typed errors apply as everywhere."""
        return await self.run(
            Call(method.upper(), path.lstrip("/"), json_or_text, json=json, params=params, options=options)
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        parse_json: bool = True,
    ) -> Any:
        """dust-client 0.1.1's request helper (deprecated): ``path`` from the host (``"/api/v1/..."``);
        the decoded body, or the ``httpx.Response`` with ``parse_json=False``. Use :meth:`workspace_request`
        (a path under the workspace) or ``client.http.request(...)`` (the response) instead."""
        warnings.warn(
            "DustClient.request is dust-client's helper: use workspace_request() or http.request()",
            DeprecationWarning,
            stacklevel=2,
        )
        response = await self._http.request(method.upper(), path, params=params, json=json)
        return json_or_text(response) if parse_json else response

    async def validate(self) -> None:
        """Check the workspace id and API key with a cheap authenticated call; raises a DustAPIError
        (e.g. DustUnauthorizedError, DustNotFoundError) if they are wrong."""
        await self.workspace_request("GET", VALIDATE_PATH)

    async def close(self) -> None:
        """Close the HTTP client if this client created it."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(workspace_id={self.config.workspace_id!r}, base_url={self.config.base_url!r})"
