"""DustClient and AsyncDustClient: the entry points.

Both hold a :class:`~dust_ext.config.DustConfig`, one HTTP driver of the shared request path (auth, user
agent, timeouts, retries, error mapping) and the resources (``agents``, ``conversations``, ``chat``). Every
resource call is a :class:`~dust_ext.resources._base.Call` run by :meth:`run`; the two clients differ only
in ``await``.

The configuration comes from the arguments, in this order: the config's fields given as keywords
(``DustClient(api_key=..., workspace_id=..., region="eu")``) win over the ``config=`` object when one is
given, else over the ``DUST_*`` environment variables (see :func:`resolve_config`).
"""

from __future__ import annotations

import asyncio
import json as _json
import time
from collections.abc import Awaitable, Callable, Mapping
from importlib import import_module
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypedDict, TypeVar, Unpack, overload

import httpx
from pydantic import SecretStr, ValidationError

from dust_ext._http import AsyncHTTP, RequestOptions, SyncHTTP
from dust_ext._logging import configure_logging
from dust_ext._retry import RetryPolicy
from dust_ext.config import DustConfig, Region
from dust_ext.exceptions import DustConfigError
from dust_ext.resources._base import Call, raw_json, record_raw

if TYPE_CHECKING:
    from dust_ext._streaming import StreamPolicy
    from dust_ext.resources.agents import Agents, AsyncAgents
    from dust_ext.resources.apps import Apps, AsyncApps
    from dust_ext.resources.batch import AsyncBatch, Batch
    from dust_ext.resources.chat import AsyncChat, Chat
    from dust_ext.resources.conversations import AsyncConversations, Conversations
    from dust_ext.resources.data_sources import (
        AsyncDataSources,
        AsyncDataSourceViews,
        DataSources,
        DataSourceViews,
    )
    from dust_ext.resources.files import AsyncFiles, Files
    from dust_ext.resources.mcp import MCP, AsyncMCP
    from dust_ext.resources.mentions import AsyncMentions, Mentions
    from dust_ext.resources.search import AsyncSearch, Search
    from dust_ext.resources.skills import AsyncSkills, Skills
    from dust_ext.resources.spaces import AsyncSpaces, Spaces
    from dust_ext.resources.triggers import AsyncTriggers, Triggers
    from dust_ext.resources.workspace import AsyncWorkspace, Workspace

T = TypeVar("T")
R = TypeVar("R")


def _default_stream_policy() -> StreamPolicy:
    from dust_ext._streaming import StreamPolicy  # the event layer loads with the first stream

    return StreamPolicy()


class _LazyResource(Generic[R]):
    """A client attribute whose resource module is imported on first access: ``import dust_ext`` and
    building a client stay cheap, and a program only loads the API areas it uses."""

    def __init__(self, module: str, class_name: str) -> None:
        self._module = module
        self._class_name = class_name
        self._attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = name

    @overload
    def __get__(self, instance: None, owner: type) -> _LazyResource[R]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> R: ...
    def __get__(self, instance: object | None, owner: type) -> _LazyResource[R] | R:
        if instance is None:
            return self
        resource_class = getattr(import_module(self._module), self._class_name)
        resource: R = resource_class(instance)
        instance.__dict__[self._attribute] = resource
        return resource


#: The cheap authenticated call behind ``validate()``: listing spaces needs only a valid key.
VALIDATE_PATH = "spaces"


class ConfigFields(TypedDict, total=False):
    """The :class:`~dust_ext.config.DustConfig` fields a client accepts as keyword arguments."""

    api_key: str | SecretStr
    workspace_id: str
    region: Region
    base_url: str
    timeout: float
    connect_timeout: float
    max_retries: int
    default_headers: Mapping[str, str]
    user_agent: str
    default_username: str
    default_timezone: str


def config_with(config: DustConfig, changes: Mapping[str, Any]) -> DustConfig:
    """A copy of ``config`` with ``changes`` applied and validated (a new ``region`` without a new
    ``base_url`` picks the region's host). Raises :class:`DustConfigError` naming what is wrong."""
    values = dict(config)
    if "region" in changes and "base_url" not in changes:
        values.pop("base_url", None)
    values.update(changes)
    try:
        return DustConfig(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, error['loc'])) or 'config'}: {error['msg']}"
            for error in exc.errors(include_input=False, include_url=False)
        )
        raise DustConfigError(f"Invalid Dust configuration: {problems}") from None


def resolve_config(config: DustConfig | None, fields: Mapping[str, Any]) -> DustConfig:
    """The configuration of a new client: the keyword ``fields`` over ``config`` when given, else over the
    ``DUST_*`` environment variables (:meth:`DustConfig.from_env`). ``None`` values count as not given."""
    given = {name: value for name, value in fields.items() if value is not None}
    unknown = sorted(set(given) - set(DustConfig.model_fields))
    if unknown:
        raise TypeError(f"unexpected keyword argument{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    if config is None:
        if "region" in given and "base_url" not in given:
            given["base_url"] = None  # a region given here beats a DUST_BASE_URL from the environment
        return DustConfig.from_env(**given)
    return config_with(config, given) if given else config


def _options_changes(
    config: DustConfig,
    timeout: float | None,
    connect_timeout: float | None,
    max_retries: int | None,
    default_headers: Mapping[str, str] | None,
) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "timeout": timeout,
        "connect_timeout": connect_timeout,
        "max_retries": max_retries,
        "default_headers": {**config.default_headers, **default_headers} if default_headers else None,
    }
    return {name: value for name, value in changes.items() if value is not None}


def _json_or_text(response: httpx.Response) -> Any:
    if not response.content:
        return None
    if "json" in response.headers.get("content-type", ""):
        return raw_json(response)
    try:
        return _json.loads(response.content)
    except ValueError:
        return response.text


class DustClient:
    """The blocking client.

    ``DustClient()`` reads the ``DUST_*`` environment variables; ``DustClient(api_key=..., workspace_id=...,
    region="eu")`` takes any :class:`~dust_ext.config.DustConfig` field as a keyword (the environment fills
    the others); ``DustClient(config)`` takes a config object, and keywords given with it override its
    fields. Pass ``http_client`` to reuse your own ``httpx.Client`` (it stays yours to close),
    ``retry_policy`` to change how failed calls are retried and ``stream_policy`` how event streams resume
    after a drop. Use it as a context manager, or call :meth:`close`. ``DUST_LOG=info|debug`` switches on
    the SDK's logs.
    """

    agents: _LazyResource[Agents] = _LazyResource("dust_ext.resources.agents", "Agents")
    conversations: _LazyResource[Conversations] = _LazyResource(
        "dust_ext.resources.conversations", "Conversations"
    )
    chat: _LazyResource[Chat] = _LazyResource("dust_ext.resources.chat", "Chat")
    spaces: _LazyResource[Spaces] = _LazyResource("dust_ext.resources.spaces", "Spaces")
    data_sources: _LazyResource[DataSources] = _LazyResource("dust_ext.resources.data_sources", "DataSources")
    data_source_views: _LazyResource[DataSourceViews] = _LazyResource(
        "dust_ext.resources.data_sources", "DataSourceViews"
    )
    search: _LazyResource[Search] = _LazyResource("dust_ext.resources.search", "Search")
    files: _LazyResource[Files] = _LazyResource("dust_ext.resources.files", "Files")
    apps: _LazyResource[Apps] = _LazyResource("dust_ext.resources.apps", "Apps")
    mcp: _LazyResource[MCP] = _LazyResource("dust_ext.resources.mcp", "MCP")
    mentions: _LazyResource[Mentions] = _LazyResource("dust_ext.resources.mentions", "Mentions")
    skills: _LazyResource[Skills] = _LazyResource("dust_ext.resources.skills", "Skills")
    triggers: _LazyResource[Triggers] = _LazyResource("dust_ext.resources.triggers", "Triggers")
    workspace: _LazyResource[Workspace] = _LazyResource("dust_ext.resources.workspace", "Workspace")
    batch: _LazyResource[Batch] = _LazyResource("dust_ext.resources.batch", "Batch")

    def __init__(
        self,
        config: DustConfig | None = None,
        *,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
        stream_policy: StreamPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        **fields: Unpack[ConfigFields],
    ) -> None:
        configure_logging()
        self.config = resolve_config(config, fields)
        self.sleep = sleep or time.sleep
        self.stream_policy = stream_policy or _default_stream_policy()
        self._http = SyncHTTP(self.config, http_client, retry_policy=retry_policy, sleep=self.sleep)

    @property
    def http(self) -> SyncHTTP:
        """The request path every call goes through (for streaming and advanced use)."""
        return self._http

    def with_options(
        self,
        *,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> DustClient:
        """A copy of this client with other defaults, for one scope:
        ``client.with_options(timeout=5, max_retries=0).agents.list()``.

        ``default_headers`` are merged over the current ones. The copy shares this client's connection
        pool, retry and stream policies: it is cheap to make, closing it does nothing, and it stops working
        once this client is closed.
        """
        changes = _options_changes(self.config, timeout, connect_timeout, max_retries, default_headers)
        retry_policy = self._http.core.retry_policy
        if max_retries is not None:
            retry_policy = retry_policy.with_max_retries(max_retries)
        return DustClient(
            config_with(self.config, changes),
            http_client=self._http.http_client,
            retry_policy=retry_policy,
            stream_policy=self.stream_policy,
            sleep=self.sleep,
        )

    def run(self, call: Call[T]) -> T:
        """Send a described call through the request path and parse its response."""
        response = self._http.request(
            call.method,
            call.path,
            json=call.json,
            params=call.params,
            content=call.content,
            files=call.files,
            headers=call.headers,
            options=call.options,
        )
        record_raw(response, call.parse)
        return call.parse(response)

    def workspace_request(
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
        return self.run(
            Call(method.upper(), path.lstrip("/"), _json_or_text, json=json, params=params, options=options)
        )

    def validate(self) -> None:
        """Check the workspace id and API key with a cheap authenticated call; raises a DustAPIError
        (e.g. DustUnauthorizedError, DustNotFoundError) if they are wrong."""
        self.workspace_request("GET", VALIDATE_PATH)

    def close(self) -> None:
        """Close the HTTP client if this client created it."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"DustClient(workspace_id={self.config.workspace_id!r}, base_url={self.config.base_url!r})"


class AsyncDustClient:
    """The asyncio client: the same surface as :class:`DustClient`, with ``await`` and ``async with``
    (the same arguments, config fields as keywords included)."""

    agents: _LazyResource[AsyncAgents] = _LazyResource("dust_ext.resources.agents", "AsyncAgents")
    conversations: _LazyResource[AsyncConversations] = _LazyResource(
        "dust_ext.resources.conversations", "AsyncConversations"
    )
    chat: _LazyResource[AsyncChat] = _LazyResource("dust_ext.resources.chat", "AsyncChat")
    spaces: _LazyResource[AsyncSpaces] = _LazyResource("dust_ext.resources.spaces", "AsyncSpaces")
    data_sources: _LazyResource[AsyncDataSources] = _LazyResource(
        "dust_ext.resources.data_sources", "AsyncDataSources"
    )
    data_source_views: _LazyResource[AsyncDataSourceViews] = _LazyResource(
        "dust_ext.resources.data_sources", "AsyncDataSourceViews"
    )
    search: _LazyResource[AsyncSearch] = _LazyResource("dust_ext.resources.search", "AsyncSearch")
    files: _LazyResource[AsyncFiles] = _LazyResource("dust_ext.resources.files", "AsyncFiles")
    apps: _LazyResource[AsyncApps] = _LazyResource("dust_ext.resources.apps", "AsyncApps")
    mcp: _LazyResource[AsyncMCP] = _LazyResource("dust_ext.resources.mcp", "AsyncMCP")
    mentions: _LazyResource[AsyncMentions] = _LazyResource("dust_ext.resources.mentions", "AsyncMentions")
    skills: _LazyResource[AsyncSkills] = _LazyResource("dust_ext.resources.skills", "AsyncSkills")
    triggers: _LazyResource[AsyncTriggers] = _LazyResource("dust_ext.resources.triggers", "AsyncTriggers")
    workspace: _LazyResource[AsyncWorkspace] = _LazyResource("dust_ext.resources.workspace", "AsyncWorkspace")
    batch: _LazyResource[AsyncBatch] = _LazyResource("dust_ext.resources.batch", "AsyncBatch")

    def __init__(
        self,
        config: DustConfig | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        retry_policy: RetryPolicy | None = None,
        stream_policy: StreamPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **fields: Unpack[ConfigFields],
    ) -> None:
        configure_logging()
        self.config = resolve_config(config, fields)
        self.sleep = sleep or asyncio.sleep
        self.stream_policy = stream_policy or _default_stream_policy()
        self._http = AsyncHTTP(self.config, http_client, retry_policy=retry_policy, sleep=self.sleep)

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
    ) -> AsyncDustClient:
        """See :meth:`DustClient.with_options` (not a coroutine: it only copies)."""
        changes = _options_changes(self.config, timeout, connect_timeout, max_retries, default_headers)
        retry_policy = self._http.core.retry_policy
        if max_retries is not None:
            retry_policy = retry_policy.with_max_retries(max_retries)
        return AsyncDustClient(
            config_with(self.config, changes),
            http_client=self._http.http_client,
            retry_policy=retry_policy,
            stream_policy=self.stream_policy,
            sleep=self.sleep,
        )

    async def run(self, call: Call[T]) -> T:
        """Send a described call through the request path and parse its response."""
        response = await self._http.request(
            call.method,
            call.path,
            json=call.json,
            params=call.params,
            content=call.content,
            files=call.files,
            headers=call.headers,
            options=call.options,
        )
        record_raw(response, call.parse)
        return call.parse(response)

    async def workspace_request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """See :meth:`DustClient.workspace_request`."""
        return await self.run(
            Call(method.upper(), path.lstrip("/"), _json_or_text, json=json, params=params, options=options)
        )

    async def validate(self) -> None:
        """See :meth:`DustClient.validate`."""
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
        return (
            f"AsyncDustClient(workspace_id={self.config.workspace_id!r}, base_url={self.config.base_url!r})"
        )
