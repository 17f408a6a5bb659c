# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""What every resource class shares (``_sync.py`` is generated from this file).

A resource method builds a :class:`~dust_ext._core.call.Call` with a pure call builder and runs it through
its client. Raw access is typed per method: each resource lists its methods once in a ``WithRawResponse``
class, wrapping them with :func:`async_to_raw_response_wrapper` (``client.agents.with_raw_response.list()``
returns a ``RawResponse[list[AgentConfiguration]]``) and :func:`async_to_streamed_response_wrapper`
(``with client.agents.with_streaming_response.list() as raw: ...``, which keeps a stream open until the
block ends).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar, runtime_checkable

import httpx

from dust_ext._core.call import Call, capture_responses, operation_call, raw_response_for
from dust_ext._core.request import RawResponse, RequestOptions
from dust_ext._io import Method

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
S = TypeVar("S", bound="LazyStream")


@runtime_checkable
class LazyStream(Protocol):
    """A result that connects on first read (the event streams): the raw view opens it at once, so its
    first response's status and headers are there to read."""

    def start(self) -> object: ...

    def close(self) -> None: ...


def _call_capturing(method: Method[P, R], *args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
    with capture_responses() as responses:
        result = method(*args, **kwargs)
        if isinstance(result, LazyStream):
            result.start()
    return raw_response_for(responses, result, getattr(method, "__qualname__", "the call"))


def to_raw_response_wrapper(
    method: Method[P, R],
) -> Method[P, RawResponse[R]]:
    """``method`` returning a :class:`RawResponse` of its result (status, headers, request id, ``parse()``)."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return _call_capturing(method, *args, **kwargs)

    return wrapped


def to_streamed_response_wrapper(
    method: Method[P, R],
) -> Callable[P, AbstractContextManager[RawResponse[R]]]:
    """``method`` as a context manager giving its :class:`RawResponse`; a stream it returns is closed when
    the block ends, read or not."""

    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Iterator[RawResponse[R]]:
        raw = _call_capturing(method, *args, **kwargs)
        try:
            yield raw
        finally:
            result = raw.parse()
            if isinstance(result, LazyStream):
                result.close()

    return wrapped


def _open_capturing(method: Method[P, S], *args: P.args, **kwargs: P.kwargs) -> RawResponse[S]:
    with capture_responses() as responses:
        stream = method(*args, **kwargs)
        stream.start()
    return raw_response_for(responses, stream, getattr(method, "__qualname__", "the stream"))


def stream_to_raw_response_wrapper(method: Method[P, S]) -> Method[P, RawResponse[S]]:
    """``method``, which returns a stream without connecting, returning a :class:`RawResponse` of the
    stream's first response (opened now: status, headers) whose ``parse()`` is the stream."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[S]:
        return _open_capturing(method, *args, **kwargs)

    return wrapped


def stream_to_streamed_response_wrapper(
    method: Method[P, S],
) -> Callable[P, AbstractContextManager[RawResponse[S]]]:
    """``method``, which returns a stream, as a context manager giving the :class:`RawResponse` of its
    first response; the stream is closed when the block ends, read or not."""

    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Iterator[RawResponse[S]]:
        raw = _open_capturing(method, *args, **kwargs)
        try:
            yield raw
        finally:
            raw.parse().close()

    return wrapped


class Resource:
    """Base of the resource classes (``client.agents`` ...): access to the client and its workspace."""

    def __init__(self, client: DustClient) -> None:
        self._client = client

    @property
    def _workspace_id(self) -> str:
        return self._client.config.workspace_id

    def _run(self, call: Call[T]) -> T:
        return self._client.run(call)

    def _request(
        self,
        method: str,
        template: str,
        *,
        path: Mapping[str, str],
        parse: Callable[[httpx.Response], Any],
        params: Mapping[str, Any] | None = None,
        json: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """Run one spec operation (see :func:`~dust_ext._core.call.operation_call`): what the generated
        resource methods call."""
        call = operation_call(method, template, path=path, parse=parse, params=params, json=json)
        return self._run(call.with_options(options))
