"""The calls of ``client.search``, described without I/O (see :mod:`dust_ext._core.call`), and the decoding
of the streamed search's frames."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import ValidationError

from dust_ext._core.params import as_list
from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming.session import FrameReader
from dust_ext.exceptions import DustAPIError, DustDecodeError, error_from_response
from dust_ext.types.search import NodeSearchEvent

ViewType = Literal["all", "document", "table", "documents", "tables"]
"""Which nodes to find. Dust's handlers accept ``all``, ``document`` and ``table`` only (the official JS
SDK's streamed search sends ``documents``/``tables``, which Dust rejects with a 400); the plural spellings
are accepted here and sent singular."""


def view_type_value(view_type: ViewType | None) -> str | None:
    """The ``viewType`` Dust accepts for ``view_type`` (plural spellings made singular)."""
    if view_type is None:
        return None
    singular = {"documents": "document", "tables": "table"}.get(view_type, view_type)
    if singular not in {"all", "document", "table"}:
        raise TypeError(f"view_type must be all, document or table, not {view_type!r}")
    return singular


def comma_joined(values: Sequence[str] | None) -> str | None:
    """Space ids as this GET takes them: comma-separated (``None`` or none: left out)."""
    return ",".join(as_list(values) or []) or None


def _frame_payload(frame: dict[str, Any]) -> dict[str, Any] | None:
    """Dust's own search frames (``front-api/routes/v1/w/[wId]/search/index.ts``) as event payloads."""
    knowledge = frame.get("knowledgeResults")
    if isinstance(knowledge, dict):
        return {**knowledge, "type": "knowledge_results"}
    tools = frame.get("toolResults")
    if isinstance(tools, list):
        return {"type": "tool_results", "toolResults": tools}
    return None


def _search_error(frame: dict[str, Any], url: str) -> DustAPIError | None:
    """Dust reports a failed search inside the stream: ``{"error": {"status": 400, "error": {"type",
    "message"}}}``; that becomes the error a non-streamed request would have raised."""
    failure = frame.get("error")
    if not isinstance(failure, dict) or "type" in frame or "data" in frame:
        return None
    status = failure.get("status")
    envelope = {"error": failure.get("error") if isinstance(failure.get("error"), dict) else failure}
    return error_from_response(
        status if isinstance(status, int) and 400 <= status < 600 else 500,
        {},
        json.dumps(envelope).encode(),
        "GET",
        url,
    )


def decode_search_frame(sse: ServerSentEvent, url: str) -> NodeSearchEvent | None:
    """One SSE frame of the streamed search as an event (Dust's frames: :func:`_frame_payload`, its
    failures: :func:`_search_error`); ``None`` for frames that carry nothing (empty data, ``done``). The
    conversation-event envelope ``{"eventId", "data": {"type"}}`` and a bare ``{"type": ...}`` object are
    read too; a frame without ``type`` that carries ``nodes`` is a ``results`` frame."""
    raw = sse.data.strip()
    if not raw or raw == "done":
        return None
    try:
        frame = json.loads(raw)
        if not isinstance(frame, dict):
            raise TypeError("a frame must be a JSON object")
        failure = _search_error(frame, url)
        if failure is not None:
            raise failure
        known = _frame_payload(frame)
        if known is not None:
            return NodeSearchEvent.model_validate(known)
        inner = frame.get("data")
        payload: dict[str, Any] = dict(inner) if isinstance(inner, dict) else dict(frame)
        if "eventId" in frame and "eventId" not in payload:
            payload["eventId"] = frame["eventId"]
        payload.setdefault("type", "results" if "nodes" in payload else "unknown")
        return NodeSearchEvent.model_validate(payload)
    except (ValueError, TypeError, ValidationError, RecursionError) as exc:
        raise DustDecodeError(
            f"GET {url} sent a search frame that is not a search event: {exc}",
            body=raw,
            method="GET",
            url=url,
        ) from None


class SearchFrameReader(FrameReader[NodeSearchEvent]):
    """The frame reader of the streamed search: each frame through :func:`decode_search_frame`; the stream
    has no terminal event and simply ends with its body."""

    def read(self, sse: ServerSentEvent) -> NodeSearchEvent | None:
        return decode_search_frame(sse, self.url)
