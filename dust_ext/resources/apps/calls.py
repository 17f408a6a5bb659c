"""The converter of ``client.apps``' run inputs and the sans-IO reader of a streamed run (the methods are
generated: openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming.session import FrameReader
from dust_ext.events import AppRunErrorEvent, AppRunEvent, AppRunFinalEvent, parse_app_run_event
from dust_ext.exceptions import DustAppRunError, DustConnectionError


def run_inputs(inputs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The ``inputs`` of a run: a list of input objects (the app runs once per input), never one mapping."""
    if isinstance(inputs, Mapping):
        raise TypeError("inputs= is a list of input objects (one run per input), not a single mapping")
    return [dict(item) for item in inputs]


class AppRunStreamReader(FrameReader[AppRunEvent]):
    """Sans-IO reading of a streamed run's SSE frames: typed events, the run id, and where the stream ends.

    Frames carry ``{"type": ..., "content": {...}}`` (no event id: a streamed run cannot be resumed). The
    stream is over at the ``final`` event; an ``error`` event raises :class:`DustAppRunError`, and a stream
    that closes before ``final`` raises :class:`~dust_ext.DustConnectionError` (the run may still be going
    on server-side: read it with :meth:`Apps.get_run` and :attr:`run_id`).
    """

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.run_id: str | None = None

    def read(self, sse: ServerSentEvent) -> AppRunEvent | None:
        """The event of one frame (``None`` for frames carrying none); raises on ``error`` events."""
        event = parse_app_run_event(sse.data.strip())
        if event is None:
            return None
        run_id = getattr(getattr(event, "content", None), "run_id", None)
        if self.run_id is None and isinstance(run_id, str):
            self.run_id = run_id
        if isinstance(event, AppRunErrorEvent):
            self.finished = True
            raise DustAppRunError(event.content.message, code=event.content.code, run_id=self.run_id)
        if isinstance(event, AppRunFinalEvent):
            self.finished = True
        return event

    def end(self) -> None:
        """Called when the connection closes: raises unless the ``final`` event came."""
        if not self.finished:
            run = f" (run {self.run_id})" if self.run_id else ""
            raise DustConnectionError(
                f"the app run stream closed before its final event{run}", method="POST", url=self.url
            )
