"""Every error the SDK raises, and the sans-IO mapping from an HTTP error response to one of them.

All errors derive from :class:`DustError`; an error *response* from Dust becomes the :class:`DustAPIError`
subclass of its status code. See the guide "Errors, retries, timeouts".
"""

from __future__ import annotations

import email.utils
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "MAX_RETRY_AFTER_SECONDS",
    "QUOTA_ERROR_TYPES",
    "REQUEST_ID_HEADERS",
    "DustAPIError",
    "DustAgentError",
    "DustAppRunError",
    "DustBadRequestError",
    "DustBatchError",
    "DustClientClosedError",
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
    "error_class_for_status",
    "error_from_response",
    "is_quota_exceeded",
    "parse_retry_after",
    "reason_phrase",
    "redact_headers",
    "request_id_from_headers",
]

# A server asking for a longer wait than this is treated as asking for this long: callers wait
# inside a request, and an hour-long sleep hidden in an SDK call is never what anyone wants.
MAX_RETRY_AFTER_SECONDS = 300.0

# Headers that may carry a request id, most specific first: Dust sends none, its proxies may.
REQUEST_ID_HEADERS = (
    "x-dust-request-id",
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-cloud-trace-context",
)

_SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})
_REDACTED = "[redacted]"

# Codes outside the IANA registry that real proxies send; http.HTTPStatus(code) raises on them.
_EXTRA_REASON_PHRASES = {
    499: "Client Closed Request",
    520: "Unknown Error",
    521: "Web Server Is Down",
    522: "Connection Timed Out",
    523: "Origin Is Unreachable",
    524: "A Timeout Occurred",
    525: "SSL Handshake Failed",
    526: "Invalid SSL Certificate",
    527: "Railgun Error",
    529: "Site Is Overloaded",
    530: "Origin DNS Error",
}

_MAX_MESSAGE_CHARS = 500


# The errors declare their attributes as dataclass fields (keyword arguments after the message); eq=False and
# repr=False keep Exception's comparison by identity, its hash and its repr.
@dataclass(eq=False, repr=False)
class DustError(Exception):
    """Base class of every exception raised by the Dust SDK.

    ``message`` is what went wrong. Every error pickles (across a process pool, say) with all its attributes,
    as they are when pickled.
    """

    message: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own __reduce__ rebuilds with cls(*self.args), which most errors' keyword-only
        # arguments refuse: rebuild without __init__, then restore the attributes.
        return (_new_error, (type(self), self.args), self.__dict__)


def _new_error(cls: type[DustError], args: tuple[Any, ...]) -> DustError:
    return cls.__new__(cls, *args)


class DustConfigError(DustError, ValueError):
    """The client configuration is missing or invalid (e.g. ``DUST_API_KEY`` is not set)."""


@dataclass(eq=False, repr=False, kw_only=True)
class DustInvalidIdError(DustError, ValueError):
    """An id (or a path given to ``workspace_request``) cannot be put in a URL path as one segment (``""``,
    ``"."``, ``".."``: the guide "Errors, retries, timeouts" says why); raised before any request is sent.
    ``name`` is the argument (``"conversation_id"``, ``"path"``...)."""

    name: str | None = None
    value: str | None = None


class DustNotSupportedError(DustError):
    """The operation exists in the SDK's surface but Dust's public API does not offer it (deleting a message,
    creating a data source...); the message says what to do instead."""


class DustBatchError(DustError, ValueError):
    """A batch run cannot start or go on: unreadable input, a prompt template naming a field a row lacks,
    duplicate row keys, an output file that belongs to another run. Raised before any request is sent
    for the rows concerned, so nothing is lost: fix the cause and run again."""


class DustInvalidArgumentError(DustError, ValueError):
    """An argument of an SDK method is not one of the values it accepts (the message lists them).

    Raised before any request is sent; a ``ValueError`` too, so ``except ValueError`` keeps working.
    """


class DustToolActionRequiredError(DustError):
    """An agent's tool call waits for the user (approval, an answer, an authentication) and nobody answers.

    ``action`` is the waiting :class:`~dust_ext.resources.tools.PendingToolAction`; ``conversation_id`` and
    ``message_id`` say where it waited. The guide "Chat with agents" says when it is raised.
    """

    def __init__(self, message: str, *, action: Any = None) -> None:
        super().__init__(message)
        self.action = action
        self.conversation_id: str | None = getattr(action, "conversation_id", None)
        self.message_id: str | None = getattr(action, "message_id", None)

    def __reduce__(self) -> tuple[Any, ...]:
        # The pending action holds a live client, which does not pickle: the copy keeps the rest.
        rebuild, args, state = super().__reduce__()
        return (rebuild, args, {**state, "action": None})


class DustClientClosedError(DustError, RuntimeError):
    """A call on a client that was closed (``client.close()``, or after its ``with`` block). Raised before
    anything is sent; a ``RuntimeError`` too, as httpx's own error for it was."""


@dataclass(eq=False, repr=False, kw_only=True)
class DustConnectionError(DustError):
    """The request could not be completed at the network level (DNS, refused connection, reset...)."""

    method: str | None = None
    url: str | None = None


class DustTimeoutError(DustConnectionError):
    """The request timed out (connecting, writing, reading, or waiting for a pooled connection)."""


@dataclass(eq=False, repr=False, kw_only=True)
class DustDecodeError(DustError):
    """A response arrived but its body is not what the API promises (invalid JSON, wrong shape...).

    ``body`` keeps the raw text so the problem can be diagnosed.
    """

    body: str
    status_code: int | None = None
    method: str | None = None
    url: str | None = None


_RAW_EXCERPT_CHARS = 200


class DustEventDecodeError(DustDecodeError):
    """A stream frame could not be decoded into a Dust event.

    Raised for frames whose data is not valid JSON, is not ``{"eventId": str, "data": {"type": str, ...}}``,
    or whose fields do not fit the event type they claim. ``raw`` (and ``body``) holds the frame's full data text.
    """

    def __init__(self, message: str, *, raw: str) -> None:
        excerpt = raw if len(raw) <= _RAW_EXCERPT_CHARS else raw[:_RAW_EXCERPT_CHARS] + "..."
        super().__init__(f"{message} (frame data: {excerpt!r})", body=raw)
        self.raw = raw
        self.last_event_id: str | None = None
        """Set by the stream drivers: the last event delivered before this frame, to resume after it."""


@dataclass(eq=False, repr=False, kw_only=True)
class DustStreamError(DustError):
    """An event stream ended without its terminal event and could not be resumed."""

    last_event_id: str | None


@dataclass(eq=False, repr=False, kw_only=True)
class DustResponseTooLargeError(DustDecodeError):
    """A response body grew past :attr:`DustConfig.max_response_bytes <dust_ext.DustConfig.max_response_bytes>`,
    or a stream frame past ``StreamPolicy.max_frame_chars``; nothing more is read. ``limit`` is the cap that was
    exceeded; ``body`` keeps at most the first few hundred characters."""

    limit: int
    body: str = ""


@dataclass(eq=False, repr=False, kw_only=True)
class DustRedirectError(DustError):
    """A server redirect the SDK refused to follow: to another origin (the API key would leave the Dust
    host), a loop, or more hops than allowed. ``url`` is the request redirected, ``location`` where to."""

    url: str | None = None
    location: str | None = None


class DustAgentError(DustError):
    """An agent failed while answering (an ``agent_error`` event in the message's event stream).

    ``code`` is Dust's error code (e.g. ``"multi_actions_error"``), ``metadata`` any extra details it sent.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        conversation_id: str | None = None,
        message_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.conversation_id = conversation_id
        self.message_id = message_id

    def __str__(self) -> str:
        where = f" (message {self.message_id})" if self.message_id else ""
        return f"{self.code}: {self.message}{where}" if self.code else f"{self.message}{where}"


@dataclass(eq=False, repr=False, kw_only=True)
class DustAppRunError(DustError):
    """A streamed app run failed: the server sent an ``error`` event (``code`` and ``message`` are Dust's;
    ``run_id`` is the run's id when the stream announced it before failing).

    Errors of the request itself (unknown app, stale specification hash…) are raised as
    :class:`~dust_ext.DustAPIError` before any event, like for any call; a block that fails while the run
    goes on is reported in its ``block_execution`` event (``error`` of each output), not raised.
    """

    code: str | None = None
    run_id: str | None = None

    def __str__(self) -> str:
        where = f" (run {self.run_id})" if self.run_id else ""
        return f"{self.code}: {self.message}{where}" if self.code else f"{self.message}{where}"


class DustAPIError(DustError):
    """Dust answered with an HTTP error status.

    Attributes:
        status_code: the HTTP status.
        error_type: Dust's ``error.type`` code (e.g. ``"conversation_not_found"``), when the body has one.
        message: Dust's ``error.message``, or a short description of a non-Dust body (HTML page...).
        details: the inside of Dust's ``{"error": {...}}`` envelope (any field Dust adds, e.g.
            ``connectors_error``, included); another JSON body whole; a non-JSON body's text; ``None`` if empty.
        body: the raw body text (its first ``DustConfig.max_error_body_bytes`` bytes).
        body_truncated: True when the server sent more than was kept in ``body`` (the rest was not read).
        request_id: the request id from the response headers, if any.
        method, url: the request that failed (URLs never contain the API key).
        headers: the response headers, with credentials redacted.
        retry_after: seconds the server asked to wait (``Retry-After``), capped; ``None`` if absent.
    """

    def __init__(
        self,
        status_code: int,
        message: str,
        *,
        error_type: str | None = None,
        details: Any = None,
        body: str = "",
        request_id: str | None = None,
        method: str | None = None,
        url: str | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
        body_truncated: bool = False,
    ) -> None:
        self.status_code = status_code
        self.message = message
        self.error_type = error_type
        self.details = details
        self.body = body
        self.request_id = request_id
        self.method = method
        self.url = url
        self.headers: dict[str, str] = redact_headers(headers or {})
        self.retry_after = retry_after
        self.body_truncated = body_truncated
        Exception.__init__(self, str(self))  # not DustError's: it would set message to this whole line

    @property
    def code(self) -> str | None:
        """Alias of :attr:`error_type` (the name the first dust-client releases used)."""
        return self.error_type

    @property
    def reason(self) -> str:
        """The HTTP reason phrase for :attr:`status_code` (``"Not Found"``)."""
        return reason_phrase(self.status_code)

    def __str__(self) -> str:
        head = f"{self.status_code} {self.reason}".rstrip()
        parts = [head]
        if self.error_type:
            parts.append(self.error_type)
        if self.message and self.message != self.reason:
            parts.append(self.message)
        line = ": ".join(parts)
        where = " ".join(part for part in (self.method, self.url) if part)
        context = [where] if where else []
        if self.request_id:
            context.append(f"request_id={self.request_id}")
        return f"{line} ({', '.join(context)})" if context else line

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, error_type={self.error_type!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class DustBadRequestError(DustAPIError):
    """400: the request is malformed or a parameter is invalid (``invalid_request_error``)."""


class DustUnauthorizedError(DustAPIError):
    """401: the API key is missing, malformed or revoked."""


class DustForbiddenError(DustAPIError):
    """403: the key is valid but may not do this (wrong workspace, restricted conversation or space)."""


class DustNotFoundError(DustAPIError):
    """404: the workspace, conversation, message, agent... does not exist (or is not visible to the key)."""


class DustConflictError(DustAPIError):
    """409: the request conflicts with the resource's current state."""


class DustUnprocessableEntityError(DustAPIError):
    """422: the request is well-formed but cannot be processed."""


class DustRateLimitError(DustAPIError):
    """429: too many requests in Dust's per-minute window (a burst), or a quota (then it is the subclass
    :class:`DustQuotaExceededError`). :attr:`retry_after` is the wait the server asked for, if any."""


class DustQuotaExceededError(DustRateLimitError):
    """429 for a quota, not a burst (credits, spend limit, programmatic cap): waiting does not lift it, so it
    is never retried. Dust words it as a burst; :func:`is_quota_exceeded` tells them apart."""


class DustServerError(DustAPIError):
    """5xx (including non-standard codes such as 520 or 529): Dust or a proxy in front of it failed."""


_STATUS_CLASSES: Mapping[int, type[DustAPIError]] = {
    400: DustBadRequestError,
    401: DustUnauthorizedError,
    403: DustForbiddenError,
    404: DustNotFoundError,
    409: DustConflictError,
    422: DustUnprocessableEntityError,
    429: DustRateLimitError,
}


# Dust's error types that always mean a quota (waiting seconds will not lift it), whatever the status.
QUOTA_ERROR_TYPES: frozenset[str] = frozenset(
    {"plan_message_limit_exceeded", "credits_exhausted", "user_cap_reached", "plan_limit_error"}
)

# How Dust words a quota it answers as ``429 rate_limit_error`` (no Retry-After), read from dust-tt/dust's
# front-api/routes/v1/w/[wId]/assistant/conversations/index.ts, front/lib/api/programmatic_usage/tracking.ts
# (checkProgrammaticUsageLimits) and front/lib/api/assistant/conversation.ts (checkMessagesLimit): credits run
# out, an API key's monthly usage cap or credit spend limit, the workspace's daily or monthly programmatic cap,
# the sidekick usage limit (tests/test_retry.py quotes each message). Burst limits (with_rate_limit.ts,
# public_api_rate_limit.ts, checkMessagesLimit's concurrency guards) say "Too many requests" or "Rate limit
# exceeded". Matched case-insensitively, in any wording order Dust may reshuffle, by the words naming a quota.
_QUOTA_MESSAGE = re.compile(
    r"run out of (?:\w+ )*credits"
    r"|\b(?:usage|spend|spending) (?:cap|limit)\b"
    r"|\bprogrammatic\b.*\b(?:cap|limit)\b"
    r"|\bcredits? (?:exhausted|depleted)\b"
    r"|\bmessage limit for this plan\b",
    re.IGNORECASE | re.DOTALL,
)


def is_quota_exceeded(error_type: str | None, message: str | None) -> bool:
    """Whether a rate-limit answer is a quota (credits, spend or programmatic cap) rather than a burst: one of
    :data:`QUOTA_ERROR_TYPES`, or a ``rate_limit_error`` worded as one of Dust's quota messages."""
    return error_type in QUOTA_ERROR_TYPES or bool(message and _QUOTA_MESSAGE.search(message))


def error_class_for_status(status_code: int) -> type[DustAPIError]:
    """The :class:`DustAPIError` subclass for an HTTP status; other 4xx (and oddities) get the base class."""
    if 500 <= status_code <= 599:
        return DustServerError
    return _STATUS_CLASSES.get(status_code, DustAPIError)


def map_status_to_error(status_code: int) -> type[DustAPIError]:
    """dust-client 0.1.1's name of :func:`error_class_for_status` (deprecated: use that)."""
    import warnings

    warnings.warn(
        "map_status_to_error is dust-client's name: use dust_ext.exceptions.error_class_for_status",
        DeprecationWarning,
        stacklevel=2,
    )
    return error_class_for_status(status_code)


def reason_phrase(status_code: int) -> str:
    """Reason phrase for any status code, including non-IANA ones (499, 520-530); never raises."""
    import httpx  # here, not at the top: `import dust_ext` loads this module but not httpx (perf4)

    return httpx.codes.get_reason_phrase(status_code) or _EXTRA_REASON_PHRASES.get(status_code, "")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A lowercase-keyed copy of ``headers`` with credential-bearing values replaced."""
    return {
        name.lower(): (_REDACTED if name.lower() in _SENSITIVE_HEADERS else value)
        for name, value in headers.items()
    }


def request_id_from_headers(headers: Mapping[str, str]) -> str | None:
    """The first request id found among :data:`REQUEST_ID_HEADERS`, or ``None``."""
    headers = {name.lower(): value for name, value in headers.items()}  # names are case-insensitive
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name, "").strip()
        if value:
            return value
    return None


def parse_retry_after(
    headers: Mapping[str, str],
    *,
    now: datetime | None = None,
    max_seconds: float = MAX_RETRY_AFTER_SECONDS,
) -> float | None:
    """Seconds to wait according to ``retry-after-ms`` or else ``Retry-After`` (delta-seconds or HTTP-date).

    Returns ``None`` when absent or unparseable; clamps to ``[0, max_seconds]``.
    """
    headers = {name.lower(): value for name, value in headers.items()}
    try:
        seconds = float(headers.get("retry-after-ms", "")) / 1000
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds):
        value = headers.get("retry-after", "").strip()
        try:
            seconds = float(value)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return min(max(seconds, 0.0), max_seconds)


_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_WHITESPACE = re.compile(r"\s+")


def _summarise_text(text: str) -> str:
    """A one-line description of a non-JSON body: an HTML page's title, else its first characters."""
    stripped = text.strip()
    if not stripped:
        return ""
    if stripped.startswith("<"):  # an HTML page
        title = _HTML_TITLE.search(stripped)
        stripped = title.group(1) if title else _TAG.sub(" ", stripped)
    line = _WHITESPACE.sub(" ", stripped).strip()
    if len(line) > _MAX_MESSAGE_CHARS:
        line = line[: _MAX_MESSAGE_CHARS - 1] + "…"
    return line


def json_error_reason(error: Exception) -> str:
    """Why a body or frame is not JSON, for an error message: the decoder's words, or "nested too deeply"
    for a ``RecursionError`` (``[`` repeated a thousand times exhausts the stack of ``json.loads``)."""
    return "it is nested too deeply" if isinstance(error, RecursionError) else str(error)


def _read_envelope(payload: Any) -> tuple[str | None, str | None, Any]:
    """The type, message and details of Dust's ``{"error": {"type", "message", ...}}`` envelope, tolerating
    the shapes proxies and old APIs use; the details are the envelope's inside, or any other payload whole."""
    if not isinstance(payload, dict):
        return None, None, payload
    error = payload.get("error")
    if isinstance(error, dict):
        # Dust uses "type"; some proxies and older endpoints say "code".
        error_type, message, payload = error.get("type") or error.get("code"), error.get("message"), error
    elif isinstance(error, str):
        error_type, message = payload.get("type"), error
    else:
        error_type, message = payload.get("type"), payload.get("message")
    return (
        error_type if isinstance(error_type, str) and error_type else None,
        message if isinstance(message, str) and message else None,
        payload,
    )


def error_from_response(
    status_code: int,
    headers: Mapping[str, str],
    body: bytes,
    method: str,
    url: str,
    *,
    now: datetime | None = None,
    body_truncated: bool = False,
) -> DustAPIError:
    """Build the exception for an error response (sans-IO: bytes in, exception out; never raises).

    Parses Dust's error envelope when present; otherwise (HTML error page from a proxy, empty body,
    plain text, unexpected JSON) keeps a short summary as the message and the raw text in ``body``.
    ``body_truncated`` says ``body`` is only the start of what the server sent (then a JSON envelope cut
    short is kept as text).
    """
    text = body.decode("utf-8", errors="replace")
    details: Any = None
    error_type: str | None = None
    message: str | None = None
    if text.strip():
        try:
            details = json.loads(text)
        except (ValueError, RecursionError):  # a body nested thousands deep is not an envelope either
            details = text
            message = _summarise_text(text)
        else:
            error_type, message, details = _read_envelope(details)
    cls = error_class_for_status(status_code)
    if cls is DustRateLimitError and is_quota_exceeded(error_type, message):
        cls = DustQuotaExceededError
    return cls(
        status_code,
        message or reason_phrase(status_code) or f"HTTP {status_code}",
        error_type=error_type,
        details=details,
        body=text,
        request_id=request_id_from_headers(headers),
        method=method.upper(),
        url=url,
        headers=headers,
        retry_after=parse_retry_after(headers, now=now),
        body_truncated=body_truncated,
    )
