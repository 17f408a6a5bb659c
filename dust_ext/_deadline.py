"""The blocking client's transport, whose every socket wait ends by the attempt's deadline.

A blocking read cannot be cancelled, and httpx's timeouts bound each wait, not their sum: a server that
trickles its status line a byte at a time, or repeats ``HTTP/1.1 100 Continue``, keeps a call alive for
ever while every single read is quick. asyncio code cancels the attempt (``asyncio.timeout``); blocking
code gets the same bound here, from public httpcore interfaces only: :class:`DeadlineTransport` is an
``httpx`` transport over an ``httpcore.ConnectionPool`` whose network backend wraps each connection, and
each connect, read and write on it waits at most until the deadline that
:func:`~dust_ext._io.attempt_deadline` set for the calling thread (:data:`~dust_ext._io.BLOCKING_DEADLINE`),
then raises httpcore's own timeout. No thread, no socket shut down from outside: a wait simply never asks
for more time than is left.

The drain of a finished event stream (:func:`~dust_ext._io.drain_deadline`) is bounded the same way.

Requests routed through a proxy from the environment (``HTTPS_PROXY``...) go through httpx's own transport
and keep httpx's per-wait limits only; so does a caller's own ``http_client``. Imported when the SDK
creates its first blocking client (httpx itself imports httpcore only then).
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Iterable, Iterator
from typing import NoReturn

import httpcore
import httpx

from dust_ext._io import BLOCKING_DEADLINE

__all__ = ["DeadlineTransport", "waits_end_by_deadline"]


def _bounded(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    """``timeout``, shortened to what is left before the deadline (``error`` once nothing is left)."""
    deadline = BLOCKING_DEADLINE.get()
    if deadline == math.inf:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None or timeout > left else timeout


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every wait ends by the calling thread's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream
        # What involves no wait is the stream's own method, not a wrapper called on every request.
        self.close = stream.close  # type: ignore[method-assign]
        self.get_extra_info = stream.get_extra_info  # type: ignore[method-assign]

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if buffer:  # httpcore ends each request with an empty write: nothing to wait for
            self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def start_tls(
        self, ssl_context: object, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context,  # type: ignore[arg-type]  # httpcore types it as ssl.SSLContext
            server_hostname,
            _bounded(timeout, httpcore.ConnectTimeout),
        )
        return _DeadlineStream(stream)


def waits_end_by_deadline(network_stream: object) -> bool:
    """Whether ``network_stream`` (a response's ``network_stream`` extension) is a connection of
    :class:`DeadlineTransport`, whose every wait ends by :data:`~dust_ext._io.BLOCKING_DEADLINE`."""
    return isinstance(network_stream, _DeadlineStream)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's blocking backend, each connection wrapped in a :class:`_DeadlineStream`."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(
            path, _bounded(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


# httpcore's errors and httpx's carry the same names (httpx maps one onto the other in its own transport);
# the most specific class of the raised error that httpx also defines is the one raised.
def _raise_as_httpx(exc: httpcore.TimeoutException | Exception, request: httpx.Request) -> NoReturn:
    for cls in type(exc).__mro__:
        if cls.__module__.startswith("httpcore"):
            mapped = getattr(httpx, cls.__name__, None)
            if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError):
                raise mapped(str(exc), request=request) from exc
    raise exc


_HTTPCORE_ERRORS = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.ProxyError,
    httpcore.UnsupportedProtocol,
)


class _ResponseBody(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes], request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except _HTTPCORE_ERRORS as exc:
            _raise_as_httpx(exc, self._request)

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


# httpx's own method, even if this module is first imported while a test library has it replaced (vcrpy's
# wrapper keeps the original as ``__wrapped__``).
_HTTPX_HANDLE_REQUEST = inspect.unwrap(httpx.HTTPTransport.handle_request)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's default HTTP/1.1 transport (certificates from the environment as httpx loads them), over a
    connection pool whose waits end by :func:`blocking_deadline`.

    Test libraries that replace ``httpx.HTTPTransport.handle_request`` (vcrpy cassettes, pytest-httpx) get
    every request as they would from httpx's own transport: while one is in place, requests go through
    it (and httpx's pool, when it lets them reach the network) instead of the deadline pool.
    """

    def __init__(self, limits: httpx.Limits) -> None:
        ssl_context = httpx.create_ssl_context()
        super().__init__(verify=ssl_context, limits=limits)
        self._deadline_pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend(),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if httpx.HTTPTransport.handle_request is not _HTTPX_HANDLE_REQUEST:  # patched by a test library
            return super().handle_request(request)
        url = request.url
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = self._deadline_pool.handle_request(core_request)
        except _HTTPCORE_ERRORS as exc:
            _raise_as_httpx(exc, request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseBody(response.stream, request),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._deadline_pool.close()
        super().close()
