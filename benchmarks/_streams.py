"""A recorded Dust agent-message stream, scaled up: the frames of a real emulator reply used as templates
for a long, tokens-heavy reply (what a long answer looks like on the wire)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import httpx


@lru_cache(maxsize=1)
def recorded_templates() -> tuple[dict[str, Any], dict[str, Any]]:
    """A ``generation_tokens`` envelope and the terminal ``agent_message_success`` envelope, as the emulator
    streams them for a ``streamer`` reply."""
    from dust_ext.testing import EmulatorServer

    with (
        EmulatorServer() as server,
        httpx.Client(
            base_url=f"{server.base_url}/api/v1/w/{server.workspace_id}",
            headers={"Authorization": f"Bearer {server.api_key}"},
            timeout=10,
            follow_redirects=True,  # the events URL answers 307 to /api/sse/..., as Dust does
        ) as client,
    ):
        created = client.post(
            "/assistant/conversations",
            json={
                "message": {
                    "content": "tokens=3 template",
                    "mentions": [{"configurationId": "streamer"}],
                    "context": {"username": "bench", "timezone": "UTC"},
                }
            },
        ).json()["conversation"]
        cid, mid = created["sId"], created["content"][1][0]["sId"]
        body = client.get(f"/assistant/conversations/{cid}/messages/{mid}/events").text
    # Event frames only: not the dust-handshake greeting ({}) nor the "done" hand-off.
    frames = [
        frame
        for line in body.splitlines()
        if line.startswith("data: {")
        and isinstance(frame := json.loads(line[6:]), dict)
        and isinstance(frame.get("data"), dict)
    ]
    token = next(f for f in frames if f["data"]["type"] == "generation_tokens")
    final = next(f for f in frames if f["data"]["type"] == "agent_message_success")
    return token, final


def token_text(index: int, token_bytes: int) -> str:
    stem = f"token-{index} "
    return stem if token_bytes <= len(stem) else stem + "x" * (token_bytes - len(stem) - 1) + " "


def frame_bytes(envelope: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(envelope, separators=(",", ":")).encode() + b"\n\n"


def iter_reply_frames(events: int, token_bytes: int = 0, *, full_terminal: bool = True) -> Iterator[bytes]:
    """Frames of a reply of ``events`` token events, then the terminal event.

    ``full_terminal`` puts the whole reply in the terminal event's ``message.content``, as Dust does;
    without it the terminal event carries an empty content (to separate its cost from the stream's). The
    terminal frame is written in pieces, regenerating the text, so the source holds no copy of the reply.
    """
    token, final = recorded_templates()
    base = int(token["eventId"].split("-")[0])
    for index in range(1, events + 1):
        envelope = {
            "eventId": f"{base + index}-0",
            "data": {**token["data"], "text": token_text(index, token_bytes)},
        }
        yield frame_bytes(envelope)
    placeholder = "CONTENT-PLACEHOLDER"
    message = {**final["data"]["message"], "content": placeholder if full_terminal else ""}
    terminal = frame_bytes(
        {"eventId": f"{base + events + 1}-0", "data": {**final["data"], "message": message}}
    )
    if not full_terminal:
        yield terminal
        return
    head, tail = terminal.split(placeholder.encode())
    yield head
    # Token texts are plain ASCII without quotes or backslashes: their JSON encoding is themselves.
    for index in range(1, events + 1):
        yield token_text(index, token_bytes).encode()
    yield tail


def chunked(frames: Iterator[bytes], chunk_size: int = 65536) -> Iterator[bytes]:
    """Re-cut a frame stream into fixed-size network-like chunks (frames straddle chunk boundaries)."""
    buffer = bytearray()
    for frame in frames:
        buffer += frame
        while len(buffer) >= chunk_size:
            yield bytes(buffer[:chunk_size])
            del buffer[:chunk_size]
    if buffer:
        yield bytes(buffer)
