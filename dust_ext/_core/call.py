"""A call described without I/O: what to send (with its :class:`RequestOptions`) and how to turn the answer
into the result (or its raw view, :class:`RawResponse`). :mod:`dust_ext._core.request` runs it.

A resource method builds a :class:`Call` with a pure function (``resources/<area>/calls.py``), then hands it
to its client, which runs it through the one request path. Calls whose spec operation the generated client
covers are built from that client's request builder (:func:`generated_call`), so the spec stays the single
source of truth for paths, parameters and bodies.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import inspect
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model

from dust_ext._core.paths import check_path_segment
from dust_ext._core.redaction import redact_secret
from dust_ext.exceptions import (
    DustDecodeError,
    DustError,
    DustEventDecodeError,
    json_error_reason,
    request_id_from_headers,
)

T = TypeVar("T")
U = TypeVar("U")
M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])


JSON_MEDIA_TYPE = "application/json"
SSE_MEDIA_TYPE = "text/event-stream"


@dataclass(frozen=True)
class RequestOptions:
    """Per-call overrides of the client's defaults.

    ``idempotent=True`` lets the SDK re-send a ``POST`` after failures where the server may already have
    acted on it (only do this when a duplicate is harmless); ``None`` infers it from the HTTP method.
    ``extra_headers`` and ``params`` are merged over the call's own. ``timeout`` replaces
    ``DustConfig.timeout`` (the limit of one attempt; an ``httpx.Timeout`` sets httpx's per-operation limits
    and its largest value bounds the attempt) and ``total_timeout`` ``DustConfig.total_timeout``.
    """

    timeout: float | httpx.Timeout | None = None
    total_timeout: float | None = None
    max_retries: int | None = None
    idempotent: bool | None = None
    extra_headers: Mapping[str, str] | None = None
    params: Mapping[str, Any] | None = None


class ResponseDetails:
    """The HTTP details of a call's response (status, headers, request id, timing): what its raw and its
    streamed views (``with_raw_response``, ``with_streaming_response``) show besides the parsed result."""

    def __init__(self, http_response: httpx.Response) -> None:
        self.http_response = http_response

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
        """The request id the server (or its proxy) assigned, if any (a credential echoed in it is
        redacted)."""
        return redact_sent_key(
            request_id_from_headers(self.http_response.headers), self.http_response.request
        )

    @property
    def elapsed(self) -> float | None:
        """Seconds from sending the request to receiving the full response (``None`` until it is read)."""
        try:
            return self.http_response.elapsed.total_seconds()
        except RuntimeError:
            return None

    def __repr__(self) -> str:
        request = self.http_response.request
        return (
            f"<{type(self).__name__} [{self.status_code}] {request.method} "
            f"{redact_sent_key(str(request.url), request)} request_id={self.request_id}>"
        )


class RawResponse(ResponseDetails, Generic[T]):
    """A response with its HTTP details, before (or alongside) parsing into the SDK's result type.

    Resources return one of these from their raw-response variants so callers can read status, headers
    and the request id; :meth:`parse` produces what the plain call would have returned.
    """

    def __init__(self, http_response: httpx.Response, parser: Callable[[httpx.Response], T]) -> None:
        super().__init__(http_response)
        self._parser = parser

    def parse(self) -> T:
        """The parsed result, as the plain (non-raw) method returns it."""
        return self._parser(self.http_response)


def json_body(response: httpx.Response) -> Any:
    """The response body decoded as JSON, or :class:`DustDecodeError` (keeping the raw text) if it is not."""
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError) as exc:
        content_type = response.headers.get("content-type", "no content type")
        raise body_error(response, f"is not JSON ({content_type}): {json_error_reason(exc)}") from None


def body_error(
    response: httpx.Response,
    problem: str,
    *,
    body: str | None = None,
    error_class: type[DustDecodeError] = DustDecodeError,
    **fields: Any,
) -> DustDecodeError:
    """The error for a 2xx response whose body is ``problem`` (``"is not JSON: ..."``), keeping ``body``
    (the response's text by default), without the credential the request carried (a body that echoes
    ``Bearer <key>`` fails to parse, and its text, pydantic's ``input_value`` included, is what the error
    shows)."""
    request = response.request
    error = error_class(
        f"{request.method} {request.url} returned a body that {problem}",
        body=response.text if body is None else body,
        status_code=response.status_code,
        method=request.method,
        url=str(request.url),
        **fields,
    )
    return scrub_error_text(error, sent_secret(request))


def sent_secret(request: httpx.Request) -> str:
    """The Bearer credential ``request`` carries ("" if none)."""
    authorization: str = request.headers.get("authorization", "")
    return authorization.partition(" ")[2].strip()


def redact_sent_key(text: str | None, request: httpx.Request) -> str | None:
    """``text`` with the Bearer credential ``request`` carried replaced, in any spelling (for values a
    server echoed, or a URL whose query holds it)."""
    if not text:
        return text
    return redact_secret(text, sent_secret(request))


def scrub_error_text(error: DustDecodeError, secret: str) -> DustDecodeError:
    """``error`` (a decode error, a stream frame's included) with ``secret`` removed from every text it
    holds; its ``args`` (what ``str`` and tracebacks show) follow."""
    if not secret:
        return error
    error.message = redact_secret(error.message, secret)
    error.body = redact_secret(error.body, secret)
    if error.url:
        error.url = redact_secret(error.url, secret)
    if isinstance(error, DustEventDecodeError):
        error.raw = error.body
    error.args = tuple(redact_secret(arg, secret) if isinstance(arg, str) else arg for arg in error.args)
    return error


@dataclass(frozen=True)
class Call(Generic[T]):
    """One API call, described once: what to send and how to turn the response into the result.

    A call builder makes it; the client, its driver and the call's :class:`~dust_ext._core.request.AttemptLoop`
    hand it on unchanged, each adding what it does (parsing, sending, retrying), none restating its fields.
    ``options`` are the per-call overrides (timeout, retries, idempotency, extra headers and parameters);
    ``accept`` the media type asked for (an event stream's is ``text/event-stream``).
    """

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    json: Any = None
    params: Mapping[str, Any] | None = None
    options: RequestOptions | None = None
    files: Any = None
    content: bytes | str | None = None
    headers: Mapping[str, str] | None = None
    data: Mapping[str, Any] | None = None
    accept: str = JSON_MEDIA_TYPE

    def then(self, convert: Callable[[T], U]) -> Call[U]:
        """The same request, its parsed result passed through ``convert``."""
        parse = self.parse
        described: Call[Any] = self
        return replace(described, parse=lambda response: convert(parse(response)))

    def with_options(self, options: RequestOptions | None) -> Call[T]:
        """The same call with per-call options (timeout, retries, idempotency, headers)."""
        return self if options is None else replace(self, options=options)


def unparsed(response: httpx.Response) -> httpx.Response:
    """The parser of a call whose caller wants the response itself (the driver's ``request``/``stream``)."""
    return response


_ONE_CALL_METHODS: set[Callable[..., Any]] = set()


def one_call(method: F) -> F:
    """Mark ``method`` (a resource method) as one call: it builds one :class:`Call`, sends it with
    ``self._run`` (or ``self._request``) and returns the parsed result untouched. Its raw and streamed views
    then send that call themselves, so the raw view parses lazily and the streamed one leaves the body
    unread. The generator puts it on every method it writes; a hand-written method that is one call carries
    it too."""
    _ONE_CALL_METHODS.add(method)
    return method


def is_one_call(function: object) -> bool:
    """Whether ``function`` (a resource method's function) is marked :func:`one_call`."""
    return function in _ONE_CALL_METHODS


# The spec's short path parameter names → the argument names users pass to the resource methods.
_ARGUMENT_NAMES = {
    "w_id": "workspace_id",
    "c_id": "conversation_id",
    "m_id": "message_id",
    "ds_id": "data_source_id",
    "dsv_id": "view_id",
    "s_id": "sid",
    "t_id": "table_id",
    "r_id": "row_id",
    "f_id": "folder_id",
    "a_id": "app_id",
    "webhook_source_url_secret": "url_secret",
}


@functools.cache
def _path_parameters(get_kwargs: Callable[..., Any]) -> tuple[str, ...]:
    # The generator makes path parameters positional and query/body parameters keyword-only.
    return tuple(
        name
        for name, parameter in inspect.signature(get_kwargs).parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    )


def generated_kwargs(operation: ModuleType, **arguments: Any) -> dict[str, Any]:
    """What the generated request builder of ``operation`` returns (method, url, params, json...), once
    every path argument is known to stay one segment (see :func:`generated_call`)."""
    for name in _path_parameters(operation._get_kwargs):
        if name in arguments:
            check_path_segment(_ARGUMENT_NAMES.get(name, name), arguments[name])
    kwargs: dict[str, Any] = operation._get_kwargs(**arguments)
    return kwargs


def generated_call(operation: ModuleType, parse: Callable[[httpx.Response], T], **arguments: Any) -> Call[T]:
    """A call built by the generated client's request builder for ``operation`` (a ``dust_api.api`` module).

    Every path argument must stay one segment: the builder percent-encodes it, but ``""``, ``"."`` and
    ``".."`` survive encoding, so they raise :class:`~dust_ext.DustInvalidIdError` here, before any request.
    """
    kwargs = generated_kwargs(operation, **arguments)
    return Call(
        method=str(kwargs["method"]).upper(),
        path=str(kwargs["url"]),
        parse=parse,
        json=kwargs.get("json"),
        params=kwargs.get("params") or None,
    )


class JsonNull(enum.Enum):
    """The type of :data:`JSON_NULL`."""

    NULL = "null"


JSON_NULL = JsonNull.NULL
"""A body field's value sent as an explicit JSON ``null`` by :func:`operation_call` (which leaves ``None``
fields out): Dust reads some nulls as a choice (``"title": null``, a view's ``"parentsIn": null``)."""


def operation_call(
    method: str,
    template: str,
    *,
    path: Mapping[str, str],
    parse: Callable[[httpx.Response], T],
    params: Mapping[str, Any] | None = None,
    json: Mapping[str, Any] | None = None,
    options: RequestOptions | None = None,
) -> Call[T]:
    """The call of one spec operation: ``template`` is its path with the argument names users pass
    (``/api/v1/w/{workspace_id}/spaces/{space_id}``), ``path`` their values. Each path value must stay one
    segment (``""``, ``"."`` and ``".."`` raise :class:`~dust_ext.DustInvalidIdError`, named after its
    argument) and is percent-encoded; ``None`` query parameters and body fields are left out (the caller
    left them to Dust's default); a body field of :data:`JSON_NULL` is sent as ``null``."""
    segments: dict[str, str] = {}
    for name, value in path.items():
        text = str(value)
        if not _PLAIN_ID(text):
            check_path_segment(name, text)
            text = quote(text, safe="")
        segments[name] = text
    query = {key: value for key, value in params.items() if value is not None} if params else None
    body = None
    if json is not None:
        body = {
            key: None if value is JSON_NULL else value for key, value in json.items() if value is not None
        }
    url = template.format_map(segments)
    return Call(method=method, path=url, parse=parse, json=body, params=query or None, options=options)


# Most ids: one segment (not "", "." or "..") that ``quote(text, safe="")`` would leave as it is.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9_.~-]*").fullmatch


@functools.cache  # one parser per (type, envelope key): resource methods ask for it on every call
def parsed(annotation: Any, key: str | None = None) -> Callable[[httpx.Response], Any]:
    """A parser validating the JSON body (or its ``key`` member) as ``annotation`` (a model, ``list[...]``,
    ``bool``...); a body that is not that raises :class:`DustDecodeError` with the raw text."""
    return _parser(annotation, key, getattr(annotation, "__name__", None) or str(annotation))


def always_true(response: httpx.Response) -> bool:
    """A parser for deletions: a 2xx answer means the object is gone."""
    return True


def text_body(response: httpx.Response) -> str:
    """The body as text (YAML and CSV exports)."""
    return response.text


def decode_error(response: httpx.Response, what: str, exc: Exception) -> DustDecodeError:
    """The error for a 2xx body that is not ``what`` the spec promises (the raw text is kept)."""
    return body_error(response, f"is not {what}: {json_error_reason(exc)}")


field_of = parsed
"""A parser validating the JSON body as a model (or its ``key`` member): :func:`parsed`."""


@functools.cache
def list_of(model: type[M], key: str) -> Callable[[httpx.Response], list[M]]:
    """A parser for ``{key: [model, ...]}`` bodies."""
    return _parser(list[model], key, f"a list of {model.__name__}")  # type: ignore[valid-type]


def _parser(annotation: Any, key: str | None, what: str) -> Callable[[httpx.Response], Any]:
    # A validator that reads the JSON bytes directly (in Rust) and picks the member, instead of json.loads
    # followed by validating Python objects.
    if key is None:
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    else:
        envelope = create_model(
            "Envelope", __config__=ConfigDict(extra="ignore"), value=(annotation, Field(alias=key))
        )
        adapter = TypeAdapter(envelope)

    def parse(response: httpx.Response) -> Any:
        try:
            parsed = adapter.validate_json(response.content)
        except (ValidationError, RecursionError) as exc:
            expected = f'{{"{key}": {what}}}' if key else what
            raise decode_error(response, expected, exc) from None
        return parsed.value if key is not None else parsed

    return parse


raw_json = json_body
"""The JSON body as plain Python data."""


def success_flag(response: httpx.Response) -> bool:
    """``{"success": true}`` bodies → True (an empty 2xx body also counts as success)."""
    if not response.content:
        return True
    body = json_body(response)
    return bool(body.get("success", True)) if isinstance(body, dict) else True


# --- raw-response capture ------------------------------------------------------------------------------
# `resource.with_raw_response.method(...)` runs the normal method with a capture slot set in a context
# variable; the request path records every response it returns into it. One mechanism serves every method,
# blocking and asyncio, streams included (their connections are recorded as they open).

_capture: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "dust_raw_capture", default=None
)


def record_response(response: httpx.Response) -> None:
    """Remember ``response`` for the raw-response call in progress, if any."""
    slot = _capture.get()
    if slot is not None:
        slot.append(response)


@contextlib.contextmanager
def capture_responses() -> Iterator[list[httpx.Response]]:
    """Collect the responses the request path returns inside the block (for ``with_raw_response``)."""
    slot: list[httpx.Response] = []
    token = _capture.set(slot)
    try:
        yield slot
    finally:
        _capture.reset(token)


def raw_response_for(responses: list[httpx.Response], result: T, what: str) -> RawResponse[T]:
    """The raw view of a method's result: the HTTP details of its first response (the one that did what
    the method names: a created conversation's POST, a stream's first connection) and the result itself."""
    if not responses:
        raise DustError(f"{what} sent no request, so it has no raw response")
    return RawResponse(responses[0], lambda _response: result)
