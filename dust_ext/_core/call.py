"""A call described without I/O: what to send and how to turn the answer into the result.

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
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model

from dust_ext._core.paths import check_path_segment
from dust_ext._core.request import JSON_MEDIA_TYPE, RawResponse, RequestOptions, body_error, json_body
from dust_ext.exceptions import DustDecodeError, DustError, json_error_reason

T = TypeVar("T")
U = TypeVar("U")
M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])


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
