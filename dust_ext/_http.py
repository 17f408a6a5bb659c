"""The one request path: every call to Dust, sync or async, goes through here.

:class:`RequestCore` holds every decision (URL resolution, headers and auth, retry or give up, mapping a
response or a transport failure to a typed error) without doing I/O. :class:`SyncHTTP` and
:class:`AsyncHTTP` only move requests through an ``httpx`` client and sleep between attempts; they differ
in ``await`` and nothing else.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from dust_ext._retry import RetryPolicy, is_idempotent_method
from dust_ext.config import DustConfig
from dust_ext.exceptions import (
    DustAPIError,
    DustConnectionError,
    DustDecodeError,
    DustTimeoutError,
    error_from_response,
    request_id_from_headers,
)

__all__ = [
    "AsyncHTTP",
    "AttemptLoop",
    "RawResponse",
    "RequestCore",
    "RequestOptions",
    "SyncHTTP",
    "json_body",
]

logger = logging.getLogger("dust_ext")

T = TypeVar("T")

JSON_MEDIA_TYPE = "application/json"
SSE_MEDIA_TYPE = "text/event-stream"


@dataclass(frozen=True)
class RequestOptions:
    """Per-call overrides of the client's defaults.

    ``idempotent=True`` lets the SDK re-send a ``POST`` after failures where the server may already have
    acted on it (only do this when a duplicate is harmless); ``None`` infers it from the HTTP method.
    ``extra_headers`` and ``params`` are merged over the call's own.
    """

    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None
    idempotent: bool | None = None
    extra_headers: Mapping[str, str] | None = None
    params: Mapping[str, Any] | None = None


class RawResponse(Generic[T]):
    """A response with its HTTP details, before (or alongside) parsing into the SDK's result type.

    Resources return one of these from their raw-response variants so callers can read status, headers
    and the request id; :meth:`parse` produces what the plain call would have returned.
    """

    def __init__(self, http_response: httpx.Response, parser: Callable[[httpx.Response], T]) -> None:
        self.http_response = http_response
        self._parser = parser

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The request id the server (or its proxy) assigned, if any."""
        return request_id_from_headers(self.http_response.headers)

    @property
    def elapsed(self) -> float | None:
        """Seconds from sending the request to receiving the full response (``None`` until it is read)."""
        try:
            return self.http_response.elapsed.total_seconds()
        except RuntimeError:
            return None

    def parse(self) -> T:
        """The parsed result, as the plain (non-raw) method returns it."""
        return self._parser(self.http_response)

    def __repr__(self) -> str:
        request = self.http_response.request
        return (
            f"<RawResponse [{self.status_code}] {request.method} {request.url} request_id={self.request_id}>"
        )


def json_body(response: httpx.Response) -> Any:
    """The response body decoded as JSON, or :class:`DustDecodeError` (keeping the raw text) if it is not."""
    try:
        return json.loads(response.content)
    except ValueError as exc:
        request = response.request
        raise DustDecodeError(
            f"Expected a JSON body from {request.method} {request.url}, got "
            f"{response.headers.get('content-type', 'no content type')!s}: {exc}",
            body=response.text,
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
        ) from None


class AttemptLoop:
    """State of one logical call across its attempts (sans-IO): what to send, then retry or raise.

    A driver loops: ``request = loop.next_request()``, send it, then on a transport failure call
    :meth:`after_transport_error` and on an error status :meth:`after_error_response` (with the body read).
    Both return the seconds to wait before the next attempt, or raise the error to give up with.
    """

    def __init__(
        self,
        core: RequestCore,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        build_kwargs: dict[str, Any],
        *,
        policy: RetryPolicy,
        idempotent: bool,
    ) -> None:
        self._core = core
        self._client = client
        self.method = method
        self.url = url
        self._build_kwargs = build_kwargs
        self.policy = policy
        self.idempotent = idempotent
        self.attempt = -1
        self._sent_at = 0.0

    def next_request(self) -> httpx.Request:
        """Build the request for the next attempt (rebuilt each time so its body stream is fresh)."""
        self.attempt += 1
        request = self._client.build_request(self.method, self.url, **self._build_kwargs)
        logger.debug("dust request %s %s (attempt %d)", request.method, request.url, self.attempt + 1)
        self._sent_at = time.monotonic()
        return request

    def _seconds(self) -> float:
        """Time since the current attempt was sent (to its response's headers, for a stream)."""
        return time.monotonic() - self._sent_at

    def after_error_response(self, response: httpx.Response) -> float:
        """The delay before retrying an error response (its body already read), or raise its error."""
        error = self._core.error_for(response)
        logger.info(
            "dust %s %s -> %d in %.3fs (request_id=%s)",
            self.method,
            self.url,
            response.status_code,
            self._seconds(),
            error.request_id,
        )
        decision = self.policy.decide(self.attempt, self.method, error=error, idempotent=self.idempotent)
        if not decision.retry:
            logger.info("dust giving up on %s %s: %s", self.method, self.url, decision.reason)
            raise error
        logger.info(
            "dust retrying %s %s in %.2fs: %s", self.method, self.url, decision.delay, decision.reason
        )
        return decision.delay

    def after_transport_error(self, exc: httpx.TransportError) -> float:
        """The delay before retrying after a network failure, or raise it as a Dust error."""
        decision = self.policy.decide(self.attempt, self.method, error=exc, idempotent=self.idempotent)
        if not decision.retry:
            logger.info("dust giving up on %s %s: %s", self.method, self.url, decision.reason)
            error = self._core.connection_error_for(exc, self.method, self.url)
            # Chaining keeps the httpx exception for debugging, unless its text holds the key (a
            # traceback would print it).
            raise error from (exc if self._core.is_free_of_secret(str(exc)) else None)
        logger.info(
            "dust retrying %s %s in %.2fs: %s", self.method, self.url, decision.delay, decision.reason
        )
        return decision.delay

    def log_success(self, response: httpx.Response) -> None:
        """Record the successful response (status, time, request id) at info level."""
        if not logger.isEnabledFor(logging.INFO):  # the request id lookup costs more than the call below
            return
        logger.info(
            "dust %s %s -> %d in %.3fs (request_id=%s)",
            self.method,
            self.url,
            response.status_code,
            self._seconds(),
            request_id_from_headers(response.headers),
        )


class RequestCore:
    """Everything about a Dust request that does not depend on sync or async I/O."""

    def __init__(self, config: DustConfig, retry_policy: RetryPolicy | None = None) -> None:
        self.config = config
        self.retry_policy = retry_policy or RetryPolicy(max_retries=config.max_retries)
        self._origin = _origin(httpx.URL(config.base_url))
        self._base_prefix = f"{config.base_url}/"  # the common case, without parsing the URL

    def resolve_url(self, path: str) -> str:
        """``"assistant/conversations"`` → under the workspace API root; ``"/api/..."`` → under base_url;
        absolute ``http(s)://`` URLs unchanged."""
        if path.startswith(("http://", "https://")):
            return path
        if path.startswith("/"):
            return f"{self.config.base_url}{path}"
        return f"{self.config.api_base}/{path}"

    def headers_for(self, url: str, *, accept: str, headers: Mapping[str, str] | None) -> dict[str, str]:
        """Headers for a request: defaults, then auth, then the caller's (which win).

        The API key is only attached to URLs on the configured Dust host, so an absolute URL elsewhere
        (e.g. a pre-signed upload URL) never receives it.
        """
        merged = {"User-Agent": self.config.user_agent, "Accept": accept, **self.config.default_headers}
        if url.startswith(self._base_prefix) or _origin(httpx.URL(url)) == self._origin:
            merged.update(self.config.auth_headers())
        merged.update(headers or {})
        return merged

    def start(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | str | None = None,
        files: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
        accept: str = JSON_MEDIA_TYPE,
    ) -> AttemptLoop:
        """Prepare one logical call; the returned loop builds each attempt and judges each failure."""
        options = options or RequestOptions()
        method = method.upper()
        url = self.resolve_url(path)
        merged_params = {**(params or {}), **(options.params or {})}
        build_kwargs: dict[str, Any] = {
            "headers": self.headers_for(
                url, accept=accept, headers={**(headers or {}), **(options.extra_headers or {})}
            ),
        }
        if merged_params:
            build_kwargs["params"] = {key: value for key, value in merged_params.items() if value is not None}
        if json is not None:
            build_kwargs["json"] = json
        if content is not None:
            build_kwargs["content"] = content
        if files is not None:
            build_kwargs["files"] = files
        if data is not None:
            build_kwargs["data"] = data
        # Always explicit, so the config's timeout also governs an injected client.
        build_kwargs["timeout"] = (
            options.timeout if options.timeout is not None else self.config.httpx_timeout()
        )
        policy = self.retry_policy
        if options.max_retries is not None:
            policy = policy.with_max_retries(options.max_retries)
        idempotent = options.idempotent if options.idempotent is not None else is_idempotent_method(method)
        return AttemptLoop(self, client, method, url, build_kwargs, policy=policy, idempotent=idempotent)

    def error_for(self, response: httpx.Response) -> DustAPIError:
        """The typed error for an error response whose body has been read."""
        request = response.request
        error = error_from_response(
            response.status_code, response.headers, response.content, request.method, str(request.url)
        )
        self._scrub_secret(error)
        return error

    def connection_error_for(self, exc: httpx.TransportError, method: str, url: str) -> DustConnectionError:
        """The Dust error for a network failure; the message names the call, never the credentials."""
        cls = DustTimeoutError if isinstance(exc, httpx.TimeoutException) else DustConnectionError
        what = "Timed out" if cls is DustTimeoutError else "Connection failed"
        detail = f": {exc}" if str(exc) else ""
        message = f"{what} during {method} {url}: {type(exc).__name__}{detail}"
        return cls(self._redact(message), method=method, url=url)

    def is_free_of_secret(self, text: str) -> bool:
        """Whether ``text`` does not contain the API key."""
        secret = self.config.api_key.get_secret_value()
        return not secret or secret not in text

    def _redact(self, text: str) -> str:
        secret = self.config.api_key.get_secret_value()
        return text.replace(secret, "[redacted]") if secret else text

    def _scrub_secret(self, error: DustAPIError) -> None:
        # Dust never echoes the key, but a misconfigured proxy could; an error message is the last
        # place a credential should end up.
        error.message = self._redact(error.message)
        error.body = self._redact(error.body)
        if isinstance(error.details, str):
            error.details = self._redact(error.details)
        elif error.details is not None and self.config.api_key.get_secret_value() in json.dumps(
            error.details
        ):
            error.details = json.loads(self._redact(json.dumps(error.details)))
        error.args = (str(error),)


def _follow(stream: bool) -> bool | Any:
    return False if stream else httpx.USE_CLIENT_DEFAULT


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default_port)


class SyncHTTP:
    """Blocking driver of the request path over an ``httpx.Client``.

    Pass ``http_client`` to reuse your own client (proxies, transports, event hooks); it is then yours
    to close. Otherwise one is created from the config and closed by :meth:`close`. ``retry_policy``
    defaults to ``RetryPolicy(max_retries=config.max_retries)``. ``sleep`` is injectable so tests never
    wait.
    """

    def __init__(
        self,
        config: DustConfig,
        http_client: httpx.Client | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.core = RequestCore(config, retry_policy)
        self._owns_client = http_client is None
        self.http_client = http_client or httpx.Client(timeout=config.httpx_timeout())
        self._sleep = sleep

    @property
    def config(self) -> DustConfig:
        return self.core.config

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | str | None = None,
        files: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
    ) -> httpx.Response:
        """Send a request with auth, retries and error mapping; return the successful (read) response."""
        loop = self.core.start(
            self.http_client,
            method,
            path,
            json=json,
            params=params,
            content=content,
            files=files,
            data=data,
            headers=headers,
            options=options,
        )
        return self._send(loop, stream=False)

    @contextmanager
    def stream(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
        accept: str = SSE_MEDIA_TYPE,
    ) -> Iterator[httpx.Response]:
        """Like :meth:`request`, but yield the successful response unread (for server-sent events);
        it is closed when the block exits. Errors and retries on the status happen before yielding."""
        loop = self.core.start(
            self.http_client,
            method,
            path,
            json=json,
            params=params,
            headers=headers,
            options=options,
            accept=accept,
        )
        response = self._send(loop, stream=True)
        try:
            yield response
        finally:
            response.close()

    def _send(self, loop: AttemptLoop, *, stream: bool) -> httpx.Response:
        while True:
            request = loop.next_request()
            try:
                # A stream follows redirects itself (dust_ext._redirect decides, hop by hop), even on an
                # injected client that follows them: its key must not go to another host first.
                response = self.http_client.send(request, stream=stream, follow_redirects=_follow(stream))
                if response.is_success:
                    loop.log_success(response)
                    return response
                try:
                    response.read()
                finally:
                    response.close()
            except httpx.TransportError as exc:
                delay = loop.after_transport_error(exc)
            else:
                delay = loop.after_error_response(response)
            self._sleep(delay)

    def close(self) -> None:
        """Close the underlying client if this driver created it."""
        if self._owns_client:
            self.http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncHTTP:
    """Asyncio driver of the request path over an ``httpx.AsyncClient``; mirrors :class:`SyncHTTP`."""

    def __init__(
        self,
        config: DustConfig,
        http_client: httpx.AsyncClient | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.core = RequestCore(config, retry_policy)
        self._owns_client = http_client is None
        self.http_client = http_client or httpx.AsyncClient(timeout=config.httpx_timeout())
        self._sleep = sleep

    @property
    def config(self) -> DustConfig:
        return self.core.config

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | str | None = None,
        files: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
    ) -> httpx.Response:
        """Send a request with auth, retries and error mapping; return the successful (read) response."""
        loop = self.core.start(
            self.http_client,
            method,
            path,
            json=json,
            params=params,
            content=content,
            files=files,
            data=data,
            headers=headers,
            options=options,
        )
        return await self._send(loop, stream=False)

    @asynccontextmanager
    async def stream(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
        accept: str = SSE_MEDIA_TYPE,
    ) -> AsyncIterator[httpx.Response]:
        """Like :meth:`request`, but yield the successful response unread (for server-sent events);
        it is closed when the block exits. Errors and retries on the status happen before yielding."""
        loop = self.core.start(
            self.http_client,
            method,
            path,
            json=json,
            params=params,
            headers=headers,
            options=options,
            accept=accept,
        )
        response = await self._send(loop, stream=True)
        try:
            yield response
        finally:
            await response.aclose()

    async def _send(self, loop: AttemptLoop, *, stream: bool) -> httpx.Response:
        while True:
            request = loop.next_request()
            try:
                response = await self.http_client.send(
                    request, stream=stream, follow_redirects=_follow(stream)
                )
                if response.is_success:
                    loop.log_success(response)
                    return response
                try:
                    await response.aread()
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                delay = loop.after_transport_error(exc)
            else:
                delay = loop.after_error_response(response)
            await self._sleep(delay)

    async def aclose(self) -> None:
        """Close the underlying client if this driver created it."""
        if self._owns_client:
            await self.http_client.aclose()

    async def close(self) -> None:
        """Alias of :meth:`aclose`."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
