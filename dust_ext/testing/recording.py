"""Record Dust traffic once, replay it offline: vcrpy / pytest-recording settings made for the Dust API.

Needs ``vcrpy`` (and ``pytest-recording`` for the pytest fixtures): ``pip install 'dust-python[recording]'``.

What a cassette made with :func:`dust_vcr_config` holds, and how it replays:

- **No secret.** ``Authorization``, ``Cookie`` and ``Set-Cookie`` headers are dropped (and any other header
  carrying a ``Bearer`` token); the API key (the ``DUST_API_KEY`` in use, any ``sk-...`` token) and the
  workspace id (``DUST_WORKSPACE_ID``, and whatever stands after ``/w/`` in a URL) become
  :data:`PLACEHOLDER_API_KEY` / :data:`PLACEHOLDER_WORKSPACE_ID` in URLs, headers and bodies, the key in
  every spelling (percent-encoded in a query, JSON-escaped in a body). User emails and names are masked too
  with ``mask_users=True``. While recording, vcrpy's own log lines (its INFO line prints each recorded
  request and response, body included) are scrubbed the same way (:func:`scrubbed_vcr_logs`).
- **Stable matching.** A request matches a recording on method, path, query and body (JSON compared as
  data), not on host or port, so a cassette recorded from real Dust or from an emulator on any port
  replays under any ``base_url``. Ids in paths need no pattern: during a replay they come from the replayed
  responses, so they are the recorded ones. What the *client* makes up per run is normalised on both sides
  before matching: the multipart boundary of file uploads, and the JSON fields named in
  ``volatile_body_fields`` (by default ``timezone``, which ``DustConfig`` reads from the machine) become
  fixed placeholders. Each recorded response plays once, in order, so polling and stream reconnections
  replay as they happened.
- **Event streams.** vcrpy reads a whole response body before handing it over (its issue #989), so a
  stream that waits for the client (a tool call to approve, an MCP request to answer) or that never
  closes would block the recording. :func:`cut_recorded_event_streams` ends each recorded stream body
  right after the frame at which the client has to act: a terminal event or a tool call waiting for the
  user on an agent message stream, each request of an MCP request stream, and Dust's ``data: done``
  hand-off on any stream (a body cut elsewhere gets that hand-off frame appended). The SDK then resumes
  with ``?lastEventId=`` as it does after any hand-off, and that next connection is recorded as its own
  interaction (so is each hop of a redirect; ``Location`` headers are stored relative, so a replay
  follows them on any host). A replayed stream therefore yields the same typed events and text.
- **No loop on a finished cassette.** Each recording plays once: a stream that reconnects beyond what
  was recorded gets vcrpy's ``CannotOverwriteExistingCassetteException`` (not a network error, so the
  SDK's resume logic does not retry it), naming the request that was not recorded.

Use it with pytest-recording through ``dust_ext.testing.pytest_plugin`` (its ``vcr_config`` fixture), or
with plain vcrpy through :func:`dust_cassette`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import httpcore
import httpx

from dust_ext._core.redaction import redact_secret
from dust_ext.events import TERMINAL_EVENT_TYPES

__all__ = [
    "CLIENT_TURN_EVENT_TYPES",
    "DEFAULT_VOLATILE_BODY_FIELDS",
    "HAND_OFF_FRAME",
    "MATCH_ON",
    "MULTIPART_BOUNDARY",
    "PLACEHOLDER_API_KEY",
    "PLACEHOLDER_EMAIL",
    "PLACEHOLDER_NAME",
    "PLACEHOLDER_WORKSPACE_ID",
    "REPLAY_ENVIRONMENT",
    "VOLATILE_PLACEHOLDER",
    "CassetteScrubber",
    "EventStreamCut",
    "cut_recorded_event_streams",
    "dust_cassette",
    "dust_vcr_config",
    "frame_data",
    "frame_ends_recording",
    "missing_replay_environment",
    "scrubbed_vcr_logs",
]

PLACEHOLDER_WORKSPACE_ID = "recorded-workspace"
"""What a workspace id becomes in a cassette; a replaying client uses it as its ``workspace_id``."""

PLACEHOLDER_API_KEY = "recorded-api-key"
"""What an API key becomes wherever it appears in a cassette; a replaying client uses it as its key."""

PLACEHOLDER_EMAIL = "user@example.com"
"""What every email address becomes with ``mask_users=True``."""

PLACEHOLDER_NAME = "Recorded User"
"""What user names (``fullName``, ``firstName``, ``lastName``, ``username``) become with ``mask_users=True``."""

VOLATILE_PLACEHOLDER = "<volatile>"
"""What the value of a volatile request field becomes, on both sides of a match."""

DEFAULT_VOLATILE_BODY_FIELDS: frozenset[str] = frozenset({"timezone"})
"""JSON request fields whose value changes between machines or runs, ignored when matching: ``timezone``
defaults to the machine's zone (``DustConfig.default_timezone``), which a CI runner does not share."""

MATCH_ON: tuple[str, ...] = ("method", "path", "query", "body")
"""vcrpy matchers: not ``host``/``port``/``scheme``, so any ``base_url`` replays a cassette."""

REPLAY_ENVIRONMENT: Mapping[str, str] = {
    "DUST_WORKSPACE_ID": PLACEHOLDER_WORKSPACE_ID,
    "DUST_API_KEY": PLACEHOLDER_API_KEY,
}
"""The ``DUST_*`` variables a replay sets when they are missing, so ``DustConfig.from_env()`` works in CI
without a key (nothing is sent anywhere: every request is answered from the cassette or fails)."""

CLIENT_TURN_EVENT_TYPES: frozenset[str] = frozenset(
    {
        "tool_approve_execution",
        "tool_ask_user_question",
        "tool_personal_auth_required",
        "tool_file_auth_required",
    }
)
"""Agent message events after which the agent waits for the client: a recorded stream ends there."""

MULTIPART_BOUNDARY = "dust-recording-boundary"
"""What the random multipart boundary of an upload becomes, in its body and ``Content-Type``."""

HAND_OFF_FRAME = b"data: done\n\n"
"""Dust's hand-off frame (reconnect now with ``?lastEventId=``), ending every recorded stream body."""

_USER_NAME_FIELDS = frozenset({"fullName", "firstName", "lastName", "username"})
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Dust API keys; the look-behind keeps words such as "disk-..." intact.
_API_KEY = re.compile(r"(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{6,}")
# The workspace segment of Dust URLs: /api/v1/w/{wId}/... and the event-stream hosts' /api/sse/v1/w/{wId}/...
_WORKSPACE_IN_PATH = re.compile(r"(/api/(?:sse/)?v1/w/)([^/?#]+)")
_BOUNDARY = re.compile(r"boundary=\"?([^\";,\s]+)\"?")
_MESSAGE_EVENTS_PATH = re.compile(r"/messages/[^/]+/events/?$")
_MCP_REQUESTS_PATH = re.compile(r"/mcp/requests/?$")
_SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"})


# --- scrubbing: pure text and JSON rewriting ------------------------------------------------------------


@dataclass(frozen=True)
class CassetteScrubber:
    """Rewrites what vcrpy records so a cassette holds no credential and matches across runs.

    ``api_keys`` / ``workspace_ids``: values to replace wherever they appear, on top of those read from
    ``DUST_API_KEY`` / ``DUST_WORKSPACE_ID`` each time a request is recorded or matched (so a client created
    after the cassette was opened is covered) and those learnt from the requests themselves (the
    ``Authorization`` bearer token, the workspace segment of the path), so a client configured in code is
    covered too. ``mask_users``: replace emails and user names. ``volatile_body_fields``: JSON request
    fields (at any depth) whose value is ignored when matching.
    """

    api_keys: tuple[str, ...] = ()
    workspace_ids: tuple[str, ...] = ()
    mask_users: bool = False
    volatile_body_fields: frozenset[str] = DEFAULT_VOLATILE_BODY_FIELDS
    learnt: set[str] = field(default_factory=set, compare=False, repr=False)
    """Keys and workspace ids seen in requests (a request is scrubbed before its response is recorded)."""

    def __post_init__(self) -> None:
        _SCRUBBERS[id(self)] = self  # for vcrpy's log lines (scrubbed_vcr_logs); equal ones are not one

    def __deepcopy__(self, memo: dict[int, Any]) -> CassetteScrubber:
        # pytest-recording deep-copies its configuration: the copy must be this scrubber, so what it learns
        # from the requests also scrubs vcrpy's log lines.
        return self

    def _secrets(self) -> tuple[list[str], list[str]]:
        # os.environ is read on each call, never kept: pytest-recording deep-copies the configuration (and
        # so this object), which would freeze a copy of the environment as it was before the test ran.
        keys = [*self.api_keys, os.environ.get("DUST_API_KEY", ""), os.environ.get("DUST_ACCESS_TOKEN", "")]
        keys += [value.removeprefix("key:") for value in self.learnt if value.startswith("key:")]
        workspaces = [*self.workspace_ids, os.environ.get("DUST_WORKSPACE_ID", "")]
        workspaces += [value.removeprefix("w:") for value in self.learnt if value.startswith("w:")]
        # Longest first, so that a value containing another is replaced whole. A one-letter workspace id
        # (as in examples) is only replaced inside URLs, not wherever that letter stands alone.
        return (
            sorted({k for k in keys if len(k) >= 4 and k != PLACEHOLDER_API_KEY}, key=len, reverse=True),
            sorted(
                {w for w in workspaces if len(w) >= 4 and w != PLACEHOLDER_WORKSPACE_ID},
                key=len,
                reverse=True,
            ),
        )

    def _learn(self, uri: str, headers: Iterable[tuple[str, Any]]) -> None:
        workspace = _WORKSPACE_IN_PATH.search(uri)
        if workspace and workspace.group(2) != PLACEHOLDER_WORKSPACE_ID:
            self.learnt.add(f"w:{workspace.group(2)}")
        for name, value in headers:
            scheme, _, token = str(value).partition(" ")
            if name.lower() == "authorization" and scheme.lower() == "bearer" and token.strip():
                self.learnt.add(f"key:{token.strip()}")

    def text(self, text: str) -> str:
        """``text`` without API keys, workspace ids and (with ``mask_users``) email addresses."""
        keys, workspaces = self._secrets()
        for key in keys:  # in any spelling: percent-encoded in a URL, JSON-escaped in a body
            text = redact_secret(text, key, PLACEHOLDER_API_KEY)
        text = _API_KEY.sub(PLACEHOLDER_API_KEY, text)
        text = _WORKSPACE_IN_PATH.sub(rf"\g<1>{PLACEHOLDER_WORKSPACE_ID}", text)
        for workspace in workspaces:
            text = re.sub(
                rf"(?<![A-Za-z0-9_-]){re.escape(workspace)}(?![A-Za-z0-9_-])", PLACEHOLDER_WORKSPACE_ID, text
            )
        if self.mask_users:
            text = _EMAIL.sub(PLACEHOLDER_EMAIL, text)
        return text

    def json_value(self, value: Any, *, volatile: bool) -> Any:
        """A decoded JSON value with user names masked (``mask_users``) and, if ``volatile``, the volatile
        fields replaced by :data:`VOLATILE_PLACEHOLDER`; strings are left to :meth:`text`."""
        if isinstance(value, list):
            return [self.json_value(item, volatile=volatile) for item in value]
        if not isinstance(value, dict):
            return value
        rewritten: dict[str, Any] = {}
        for key, item in value.items():
            if volatile and key in self.volatile_body_fields and item is not None:
                rewritten[key] = VOLATILE_PLACEHOLDER
            elif self.mask_users and key in _USER_NAME_FIELDS and isinstance(item, str) and item:
                rewritten[key] = PLACEHOLDER_NAME
            else:
                rewritten[key] = self.json_value(item, volatile=volatile)
        return rewritten

    def body(self, body: bytes, content_type: str, *, volatile: bool) -> bytes:
        """A request or response body, scrubbed; JSON and event-stream bodies are rewritten value by value
        (a body that is not UTF-8 text, such as an uploaded image, is left as it is)."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
        if "json" in content_type:
            text = self._json_text(text, volatile=volatile)
        elif "text/event-stream" in content_type:
            text = "\n".join(self._event_stream_line(line) for line in text.split("\n"))
        return self.text(text).encode("utf-8")

    def _json_text(self, text: str, *, volatile: bool) -> str:
        if not (volatile and self.volatile_body_fields) and not self.mask_users:
            return text
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return json.dumps(
            self.json_value(value, volatile=volatile), separators=(",", ":"), ensure_ascii=False
        )

    def _event_stream_line(self, line: str) -> str:
        if not self.mask_users or not line.startswith("data:"):
            return line
        return "data: " + self._json_text(line[5:].lstrip(" "), volatile=False)

    # vcrpy hooks ------------------------------------------------------------------------------------------

    def request(self, request: Any) -> Any:
        """vcrpy ``before_record_request``: runs on each request recorded *and* on each request matched, so
        both sides of a match are scrubbed and normalised the same way."""
        self._learn(request.uri, request.headers.items())
        request.uri = self.text(request.uri)
        headers = {}
        for name, value in request.headers.items():
            if name.lower() in _SECRET_HEADERS or "bearer" in str(value).lower():
                continue
            headers[name] = self.text(str(value))
        body = request.body
        if isinstance(body, bytes | bytearray) and body:
            content_type = headers.get("content-type", headers.get("Content-Type", ""))
            body = bytes(body)
            boundary = _BOUNDARY.search(content_type)
            if "multipart/" in content_type and boundary:
                body = body.replace(boundary.group(1).encode(), MULTIPART_BOUNDARY.encode())
                content_type = content_type.replace(boundary.group(1), MULTIPART_BOUNDARY)
                for name in list(headers):
                    if name.lower() == "content-type":
                        headers[name] = content_type
            request.body = self.body(body, content_type, volatile=True)
        request.headers = headers
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        """vcrpy ``before_record_response``: secrets out of headers and body, ``Location`` made relative."""
        headers: dict[str, list[str]] = {}
        for name, values in response.get("headers", {}).items():
            if name.lower() in _SECRET_HEADERS:
                continue
            kept = [self.text(str(value)) for value in values if "bearer" not in str(value).lower()]
            if name.lower() == "location":
                kept = [_relative(value) for value in kept]
            if kept:
                headers[name] = kept
        response["headers"] = headers
        body = response.get("body", {}).get("string")
        content_type = next(
            (values[0] for name, values in headers.items() if name.lower() == "content-type" and values), ""
        )
        if isinstance(body, str):
            body = body.encode("utf-8")
        if isinstance(body, bytes) and body:
            response["body"]["string"] = self.body(body, content_type, volatile=False)
        return response


_SCRUBBERS: weakref.WeakValueDictionary[int, CassetteScrubber] = weakref.WeakValueDictionary()

# vcrpy's loggers: a filter on a logger applies to its own records only, not to its children's.
_VCR_LOGGERS = (
    "vcr",
    "vcr.cassette",
    "vcr.matchers",
    "vcr.patch",
    "vcr.request",
    "vcr.stubs",
    "vcr.stubs.httpx_stubs",
    "vcr.stubs.aiohttp_stubs",
)


# A query parameter's value in a URL of a log line.
_QUERY_VALUE = re.compile(r"([?&][^=&\s>]+=)[^&\s>]+")


class _ScrubVcrRecords(logging.Filter):
    """Renders each vcrpy log record and scrubs it with every live :class:`CassetteScrubber` (and one that
    reads the environment), so no handler ever sees the unscrubbed request or response. vcrpy announces a
    request (``vcr.request``, DEBUG) before any hook has seen it, so before a key set in code is learnt:
    there the query values are masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name == "vcr.request":
            message = _QUERY_VALUE.sub(r"\g<1>...", message)
        for scrubber in [*_SCRUBBERS.values(), CassetteScrubber()]:
            message = scrubber.text(message)
        record.msg, record.args = message, ()
        return True


@contextmanager
def scrubbed_vcr_logs() -> Iterator[None]:
    """Inside the block, vcrpy's log lines hold no credential (its INFO line ``Appending request ... and
    response ...`` prints the response before it is scrubbed for the cassette)."""
    scrub = _ScrubVcrRecords()
    loggers = [logging.getLogger(name) for name in _VCR_LOGGERS]
    for logger in loggers:
        logger.addFilter(scrub)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(scrub)


def _relative(location: str) -> str:
    # Dust redirects event streams to an absolute URL on its own origin; stored as a path, a replay follows
    # it on whatever base_url the replaying client has (and never towards the recording host).
    url = httpx.URL(location)
    if not url.is_absolute_url:
        return location
    query = url.query.decode("ascii")
    return url.path + (f"?{query}" if query else "")


# --- event streams: where a recorded body ends ----------------------------------------------------------


def frame_data(frame: bytes) -> str:
    """The ``data`` of one raw SSE message frame (its ``data:`` lines joined), or ``""``: also for a
    named event such as Dust's ``event: dust-handshake`` greeting, which carries no Dust event (the SDK
    skips named events, as a browser ``EventSource`` listening for messages does)."""
    text = frame.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    names = [line[6:].strip() for line in lines if line.startswith("event:")]
    if names and names[-1] not in ("", "message"):
        return ""
    return "\n".join(line[5:].removeprefix(" ") for line in lines if line.startswith("data:"))


def frame_ends_recording(data: str, path: str) -> bool:
    """Whether a recorded stream on ``path`` ends after a frame carrying ``data``: Dust's ``done``
    hand-off on any stream; on an agent message stream, a terminal event or one the client must answer;
    on an MCP request stream, every request."""
    stripped = data.strip()
    if not stripped:
        return False
    if stripped == "done":
        return True
    if _MCP_REQUESTS_PATH.search(path):
        return True
    if not _MESSAGE_EVENTS_PATH.search(path):
        return False
    try:
        frame = json.loads(stripped)
    except ValueError:
        return False
    event = frame.get("data") if isinstance(frame, dict) else None
    event_type = event.get("type") if isinstance(event, dict) else None
    return event_type in TERMINAL_EVENT_TYPES or event_type in CLIENT_TURN_EVENT_TYPES


class EventStreamCut:
    """Sans-IO: passes an event stream's bytes through until the frame that ends a recording.

    ``feed(chunk)`` returns the bytes to pass on (whole frames; an unfinished frame waits for the rest);
    once :attr:`finished`, everything else is dropped. ``end()`` returns what is left at end of stream.

    A body cut anywhere but at Dust's own ``data: done`` gets one appended (:data:`HAND_OFF_FRAME`): the
    recorded connection ends the way Dust ends a connection it hands off, so the SDK reconnects at once
    (while recording and while replaying) instead of treating the end as a drop to back off from.
    """

    __slots__ = ("_pending", "finished", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.finished = False
        self._pending = b""

    def feed(self, chunk: bytes) -> bytes:
        """The bytes of ``chunk`` (with what was pending) to deliver."""
        if self.finished:
            return b""
        self._pending += chunk
        delivered = bytearray()
        while True:
            end = _frame_end(self._pending)
            if end is None:
                return bytes(delivered)
            frame, self._pending = self._pending[:end], self._pending[end:]
            delivered += frame
            data = frame_data(frame)
            if frame_ends_recording(data, self.path):
                self.finished = True
                self._pending = b""
                if data.strip() != "done":
                    delivered += HAND_OFF_FRAME
                return bytes(delivered)

    def end(self) -> bytes:
        """The unfinished tail of a body the server ended (kept: the SDK judges it)."""
        tail, self._pending = self._pending, b""
        return b"" if self.finished else tail


def _frame_end(buffer: bytes) -> int | None:
    ends = [
        index + len(separator)
        for separator in (b"\n\n", b"\r\n\r\n", b"\r\r")
        if (index := buffer.find(separator)) >= 0
    ]
    return min(ends) if ends else None


class _CutSyncStream:
    """An httpcore response body that ends where :class:`EventStreamCut` says."""

    def __init__(self, stream: Iterable[bytes], path: str) -> None:
        self._stream = stream
        self._cut = EventStreamCut(path)

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            delivered = self._cut.feed(chunk)
            if delivered:
                yield delivered
            if self._cut.finished:
                return
        tail = self._cut.end()
        if tail:
            yield tail

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if callable(close):
            close()


class _CutAsyncStream:
    """Async twin of :class:`_CutSyncStream`."""

    def __init__(self, stream: AsyncIterable[bytes], path: str) -> None:
        self._stream = stream
        self._cut = EventStreamCut(path)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            delivered = self._cut.feed(chunk)
            if delivered:
                yield delivered
            if self._cut.finished:
                return
        tail = self._cut.end()
        if tail:
            yield tail

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if callable(aclose):
            await aclose()


def _event_stream_path(request: httpcore.Request, response: httpcore.Response) -> str | None:
    content_type = next((v for k, v in response.headers if k.lower() == b"content-type"), b"")
    if b"text/event-stream" not in content_type:
        return None
    return request.url.target.decode("ascii", errors="replace").split("?", 1)[0]


@contextmanager
def cut_recorded_event_streams() -> Iterator[None]:
    """While active, event-stream bodies coming from the network end at the frame where the client must
    act (see :func:`frame_ends_recording`), so that vcrpy, which reads a body whole before recording it,
    does not wait for a stream that waits for the client.

    vcrpy replaces httpx's transports and calls the real ones it saved when it was imported, so the cut
    sits one level lower, on httpcore's connection pools (what httpx's transports send through). Replays
    never reach the network: it only matters while recording.
    """
    sync_send = httpcore.ConnectionPool.handle_request
    async_send = httpcore.AsyncConnectionPool.handle_async_request

    def handle_request(pool: httpcore.ConnectionPool, request: httpcore.Request) -> httpcore.Response:
        response = sync_send(pool, request)
        path = _event_stream_path(request, response)
        if path is not None and isinstance(response.stream, Iterable):
            response.stream = _CutSyncStream(response.stream, path)
        return response

    async def handle_async_request(
        pool: httpcore.AsyncConnectionPool, request: httpcore.Request
    ) -> httpcore.Response:
        response = await async_send(pool, request)
        path = _event_stream_path(request, response)
        if path is not None and isinstance(response.stream, AsyncIterable):
            response.stream = _CutAsyncStream(response.stream, path)
        return response

    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(httpcore.ConnectionPool, "handle_request", handle_request))
        stack.enter_context(
            mock.patch.object(httpcore.AsyncConnectionPool, "handle_async_request", handle_async_request)
        )
        yield


# --- vcrpy configuration --------------------------------------------------------------------------------


def dust_vcr_config(
    *,
    api_keys: Iterable[str] = (),
    workspace_ids: Iterable[str] = (),
    mask_users: bool = False,
    volatile_body_fields: Iterable[str] = DEFAULT_VOLATILE_BODY_FIELDS,
    **overrides: Any,
) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR(...)`` / ``use_cassette(...)`` (and pytest-recording's
    ``vcr_config``) that keep secrets out of cassettes and match Dust requests across runs.

    ``api_keys`` / ``workspace_ids`` add values to scrub besides ``DUST_API_KEY`` / ``DUST_WORKSPACE_ID``;
    ``mask_users`` replaces emails and user names; ``volatile_body_fields`` names JSON request fields to
    ignore when matching. ``overrides`` (e.g. ``record_mode="once"``) are passed on to vcrpy as they are.
    """
    scrubber = CassetteScrubber(
        api_keys=tuple(api_keys),
        workspace_ids=tuple(workspace_ids),
        mask_users=mask_users,
        volatile_body_fields=frozenset(volatile_body_fields),
    )
    config: dict[str, Any] = {
        "match_on": MATCH_ON,
        "before_record_request": scrubber.request,
        "before_record_response": scrubber.response,
        "decode_compressed_response": True,
        "record_on_exception": False,
    }
    config.update(overrides)
    return config


@contextmanager
def dust_cassette(
    path: str | os.PathLike[str], *, record_mode: str = "none", **options: Any
) -> Iterator[Any]:
    """A vcrpy cassette with :func:`dust_vcr_config` and stream cutting, for use without pytest:

    ``with dust_cassette("tests/cassettes/chat.yaml", record_mode="once"): ...``. ``options`` go to
    :func:`dust_vcr_config`. Yields the vcrpy ``Cassette``.
    """
    import vcr  # the recording extra; imported here so the module imports without it

    recorder = vcr.VCR()
    with (
        scrubbed_vcr_logs(),
        cut_recorded_event_streams(),
        recorder.use_cassette(
            os.fspath(path), **dust_vcr_config(record_mode=record_mode, **options)
        ) as cassette,
    ):
        yield cassette


def missing_replay_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The :data:`REPLAY_ENVIRONMENT` variables absent from ``environ`` (to set for a replay)."""
    return {name: value for name, value in REPLAY_ENVIRONMENT.items() if not environ.get(name, "").strip()}
