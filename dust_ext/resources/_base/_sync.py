# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""What every resource class shares (``_sync.py`` is generated from this file).

Raw access is typed per method: a resource's ``WithRawResponse`` class wraps each method with
:func:`async_to_raw_response_wrapper` (``client.agents.with_raw_response.list()`` returns a
``RawResponse[list[AgentConfiguration]]``, parsed when ``parse()`` is called), its ``WithStreamingResponse``
class with :func:`async_to_streamed_response_wrapper` (an :class:`AsyncStreamedResponse` whose body is unread
when the block starts). A method marked :func:`~dust_ext._core.call.one_call` is described
(:func:`describe_call`) and sent by the wrappers themselves; any other method runs as it is, its responses
captured, and its raw result is the parsed one.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, TypeVar, cast, runtime_checkable

import httpx

from dust_ext._core.call import (
    Call,
    RawResponse,
    RequestOptions,
    ResponseDetails,
    capture_responses,
    is_one_call,
    operation_call,
    raw_response_for,
    unparsed,
)
from dust_ext._io import Method
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.flow import StreamRequest
from dust_ext._streaming.session import FrameReader, SingleConnection
from dust_ext.exceptions import DustConnectionError, DustTimeoutError

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


class StreamedResponse(ResponseDetails, Generic[R]):
    """The response of a ``with_streaming_response`` call (as openai's ``APIResponse``): status and
    headers when the block starts, the body unread until you read it (:meth:`iter_bytes`, :meth:`iter_text`,
    :meth:`iter_lines`, :meth:`read`) or :meth:`parse` it; the connection is closed when the block ends."""

    def __init__(
        self,
        http_response: httpx.Response,
        parser: Callable[[httpx.Response], R],
        *,
        parsed: tuple[R] | None = None,
    ) -> None:
        """``parsed``: the result when the method built it already (a method doing more than one call)."""
        super().__init__(http_response)
        self._parser = parser
        self._parsed = parsed

    def read(self) -> bytes:
        """The whole body (read now if it was not)."""
        with _body_errors(self.http_response):
            return self.http_response.read()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body's bytes (decoded from its Content-Encoding) as they arrive."""
        with _body_errors(self.http_response):
            yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body's text (decoded with its charset) as it arrives."""
        with _body_errors(self.http_response):
            yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body's lines as they arrive."""
        with _body_errors(self.http_response):
            yield from self.http_response.iter_lines()

    def parse(self) -> R:
        """What the plain method returns, parsed from the body (read first if it was not); parsed once."""
        if self._parsed is None:
            self.read()
            self._parsed = (self._parser(self.http_response),)
        return self._parsed[0]

    def close(self) -> None:
        """Close the connection without reading the rest of the body (the block's end does it too)."""
        self.http_response.close()


def _call_capturing(method: Method[P, R], *args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
    with capture_responses() as responses:
        result = method(*args, **kwargs)
        if isinstance(result, LazyStream):
            result.start()
    return raw_response_for(responses, result, getattr(method, "__qualname__", "the call"))


def to_raw_response_wrapper(
    method: Method[P, R],
) -> Method[P, RawResponse[R]]:
    """``method`` returning a :class:`RawResponse` of its result (status, headers, request id, ``parse()``,
    which parses on first use when ``method`` is one call)."""

    @functools.wraps(method, updated=())  # a method's __signature__ (same_arguments_as) names `self`
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        described = describe_call(method, *args, **kwargs)
        if described is None:
            return _call_capturing(method, *args, **kwargs)
        client, call = described
        response = client.send(call)
        return RawResponse(response, _parse_once(call.parse))

    return wrapped


def to_streamed_response_wrapper(
    method: Method[P, R],
) -> Callable[P, AbstractContextManager[StreamedResponse[R]]]:
    """``method`` as a context manager giving its :class:`AsyncStreamedResponse`: when ``method`` is one
    call, its body is unread when the block starts; a stream ``method`` returns is closed when the block
    ends, read or not."""

    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Iterator[StreamedResponse[R]]:
        described = describe_call(method, *args, **kwargs)
        if described is not None and described[1].files is None and described[1].content is None:
            client, call = described
            with client.open(call) as response:
                yield StreamedResponse(response, call.parse)
            return
        raw = _call_capturing(method, *args, **kwargs)
        result = raw.parse()
        try:
            # Parsed already: parse() gives the result without reading the body (an event stream's body
            # is the stream's to read).
            yield StreamedResponse(raw.http_response, lambda _response: result, parsed=(result,))
        finally:
            if isinstance(result, LazyStream):
                result.close()

    return wrapped


@dataclass
class _Description:
    """What a one-call method's ``_run`` was given while :func:`describe_call` ran it."""

    call: Call[Any] | None = None
    client: DustClient | None = None


_describing: contextvars.ContextVar[_Description | None] = contextvars.ContextVar(
    "dust_describing_call", default=None
)
# What `_run` returns while a call is described: a one-call method returns it at once (checked below).
_DESCRIBED: Any = object()


def describe_call(
    method: Callable[..., Any], *args: Any, **kwargs: Any
) -> tuple[DustClient, Call[Any]] | None:
    """The client and the :class:`Call` of ``method(*args, **kwargs)`` when ``method`` is marked
    :func:`~dust_ext._core.call.one_call`, without sending it; ``None`` for any other method. Only the code
    before ``_run`` runs: it builds the call and sends nothing."""
    if not is_one_call(getattr(method, "__func__", None)):
        return None
    description = _Description()
    token = _describing.set(description)
    try:
        result = method(*args, **kwargs)
        if inspect.isawaitable(result):
            result = _drive_without_awaiting(result)
    finally:
        _describing.reset(token)
    if result is not _DESCRIBED or description.call is None or description.client is None:
        raise AssertionError(
            f"{method.__qualname__} is marked one_call but does not return its call's result"
        )
    return description.client, description.call


def _drive_without_awaiting(coroutine: Any) -> Any:
    # A one-call method awaits only `self._run(...)`, which returns at once while describing: the coroutine
    # finishes on its first step, so no event loop is needed (nor any other await made).
    try:
        coroutine.send(None)
    except StopIteration as finished:
        return finished.value
    coroutine.close()
    raise AssertionError("a described call awaited something else")


def _parse_once(parser: Callable[[httpx.Response], T]) -> Callable[[httpx.Response], T]:
    parsed: list[T] = []

    def parse(response: httpx.Response) -> T:
        if not parsed:
            parsed.append(parser(response))
        return parsed[0]

    return parse


@contextlib.contextmanager
def _body_errors(response: httpx.Response) -> Iterator[None]:
    """Turns a transport failure while reading a streamed body into the SDK's typed error."""
    try:
        yield
    except httpx.TransportError as exc:
        request = response.request
        error = DustTimeoutError if isinstance(exc, httpx.TimeoutException) else DustConnectionError
        raise error(
            f"reading the body of {request.method} {request.url} failed: {type(exc).__name__}",
            method=request.method,
            url=str(request.url),
        ) from exc


def stream_to_raw_response_wrapper(method: Method[P, S]) -> Method[P, RawResponse[S]]:
    """``method``, which returns a stream without connecting, returning a :class:`RawResponse` of the
    stream's first response (opened now: status, headers) whose ``parse()`` is the stream."""

    @functools.wraps(method, updated=())  # a method's __signature__ (same_arguments_as) names `self`
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[S]:
        with capture_responses() as responses:
            stream = method(*args, **kwargs)
            stream.start()
        return raw_response_for(responses, stream, getattr(method, "__qualname__", "the stream"))

    return wrapped


def stream_to_streamed_response_wrapper(
    method: Method[P, S],
) -> Callable[P, AbstractContextManager[RawResponse[S]]]:
    """``method``, which returns a stream, as a context manager giving the :class:`RawResponse` of its
    first response; the stream is closed when the block ends, read or not."""
    open_raw = stream_to_raw_response_wrapper(method)

    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Iterator[RawResponse[S]]:
        raw = open_raw(*args, **kwargs)
        try:
            yield raw
        finally:
            raw.parse().close()

    return wrapped


class Resource:
    """Base of the resource classes (``client.agents`` ...): access to the client and its workspace."""

    def __init__(self, client: DustClient) -> None:
        self._client = client
        # A client's workspace never changes (a new token replaces its config with the same workspace).
        self._workspace_id = client.config.workspace_id

    def _run(self, call: Call[T]) -> T:
        description = _describing.get()
        if description is not None:  # a raw wrapper asks what this one-call method sends (describe_call)
            if description.call is not None:
                raise AssertionError(
                    f"a method marked one_call sends a second call: {call.method} {call.path}"
                )
            description.call, description.client = call, self._client
            return cast(T, _DESCRIBED)
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
        idempotent: bool = False,
    ) -> Any:
        """Run one spec operation (see :func:`~dust_ext._core.call.operation_call`): what the generated
        resource methods call. ``idempotent``: a POST that may be retried like a GET (unless ``options``
        say otherwise)."""
        if options is None and idempotent:
            options = RequestOptions(idempotent=True)
        return self._run(
            operation_call(
                method, template, path=path, parse=parse, params=params, json=json, options=options
            )
        )

    def _stream(
        self,
        method: str,
        template: str,
        *,
        path: Mapping[str, str],
        reader: Callable[[str], FrameReader[T]],
        params: Mapping[str, Any] | None = None,
        json: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Stream[T]:
        """Open one spec operation's event stream, read over one connection by ``reader`` (made for the URL
        that answered): what the generated streamed methods call. Sent when iteration starts."""
        call = operation_call(method, template, path=path, parse=unparsed, params=params, json=json)
        request = StreamRequest(method, call.path, json=call.json)
        connection = SingleConnection(request, reader, call.params, options)
        return Stream(self._client.http, connection, self._client.sleep)
