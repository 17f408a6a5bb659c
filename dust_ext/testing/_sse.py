"""Server-sent event responses over an ``EventLog``: streamed as produced, resumable, fault-injectable.

Framed as Dust frames its streams (``front-api/lib/api/sse/stream_events.ts`` in Dust's repository): first a
named handshake frame ``event: dust-handshake`` / ``data: {}`` (``front/types/sse.ts``), then each event as
``data: {"eventId": "...", "data": {...}}`` and a blank line, and at the end of the connection the plain-text
``data: done`` sentinel, which tells the client to reconnect at once with ``?lastEventId=`` unless it already
has everything. (The ``/api/v1`` URL of each stream answers ``307`` to its ``/api/sse/`` twin first: see
``_routing.redirect_to_sse``.) A stream sends every logged event strictly after the cursor (``?lastEventId=``;
empty means none, as Dust's ``SseQuerySchema``), then waits for new ones, and ends (with ``done``) once it
has caught up and ``finished()`` is true, or early at a ``done-after`` fault:

- a message stream is finished when the agent message left status ``created``, i.e. right after its
  terminal event (``agent_message_success``, ``agent_error`` or ``agent_generation_cancelled``);
- a conversation stream is finished when no agent message of the conversation is running (so an idle
  conversation's stream replays its log and ends; ``agent_message_done`` of the last running agent is the
  last event of a live one).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse

from dust_ext.testing._event_log import EventId, EventLog
from dust_ext.testing._faults import StreamFaults
from dust_ext.testing._state import now_ms


class StreamDropped(Exception):
    """Raised inside a streaming body to cut the connection mid-response (the ``drop-after`` fault)."""


HANDSHAKE_FRAME = b"event: dust-handshake\ndata: {}\n\n"
"""The frame Dust writes before any event of a managed stream."""
DONE_FRAME = b"data: done\n\n"
"""Dust's end-of-connection sentinel: the client reconnects at once with ``?lastEventId=``."""


def encode_frame(frame_object: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(frame_object, separators=(',', ':'))}\n\n".encode()


def sse_response(
    log: EventLog, cursor: EventId | None, finished: Callable[[], bool], faults: StreamFaults
) -> StreamingResponse:
    return StreamingResponse(
        _frames(log, cursor, finished, faults),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _frames(
    log: EventLog, cursor: EventId | None, finished: Callable[[], bool], faults: StreamFaults
) -> AsyncIterator[bytes]:
    yield HANDSHAKE_FRAME
    sent = 0
    while True:
        wakeup = log.changed()
        pending = log.after(cursor)
        for event in pending:
            if faults.done_after is not None and sent >= faults.done_after:
                yield DONE_FRAME
                return
            number = sent + 1
            for injected in _injected_frames(number, cursor, faults):
                async for piece in _write(injected, faults):
                    yield piece
            frame = encode_frame(event.frame_object())
            if faults.drop_after is not None and sent >= faults.drop_after:
                if faults.drop_abort:
                    raise StreamDropped(f"emulator fault: stream dropped after {sent} frames")
                if faults.drop_mid_frame:
                    yield frame[: len(frame) // 2]
                return
            async for piece in _write(frame, faults):
                yield piece
            sent = number
            cursor = event.event_id
        if not pending:
            if finished():
                yield DONE_FRAME
                return
            if faults.done_after is not None and sent >= faults.done_after:
                yield DONE_FRAME
                return
            await wakeup.wait()


async def _write(frame: bytes, faults: StreamFaults) -> AsyncIterator[bytes]:
    if faults.slow_chunks:
        await asyncio.sleep(faults.slow_chunks)
    size = faults.split_frames
    if size is None:
        yield frame
        return
    for start in range(0, len(frame), size):
        yield frame[start : start + size]
        # Give the server a chance to flush each piece as its own body chunk.
        await asyncio.sleep(0)


def _injected_frames(number: int, cursor: EventId | None, faults: StreamFaults) -> list[bytes]:
    base = cursor or EventId(0, 0)
    injected_id = str(base.injected_successor() if base.seq % 2 == 0 else base)
    frames: list[bytes] = []
    if faults.malformed_at == number:
        frames.append(f'data: {{"eventId":"{injected_id}","data":{{"type":"generation_tok\n\n'.encode())
    if faults.unknown_at == number:
        data = {"type": "emulator_unknown_event", "created": now_ms(), "note": "injected by the emulator"}
        frames.append(encode_frame({"eventId": injected_id, "data": data}))
    if faults.oversized_bytes is not None and faults.oversized_at == number:
        data = {"type": "emulator_oversized_event", "created": now_ms(), "padding": ""}
        overhead = len(encode_frame({"eventId": injected_id, "data": data}))
        data["padding"] = "x" * max(0, faults.oversized_bytes - overhead)
        frames.append(encode_frame({"eventId": injected_id, "data": data}))
    return frames
