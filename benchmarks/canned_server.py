"""A minimal keep-alive HTTP/1.1 server replaying canned Dust responses, for benchmarks where the client's
own cost must dominate.

The emulator (Starlette + uvicorn) spends more CPU per request than the client it serves, which hides the
client's cost. This server does almost nothing per request: it matches the path against a few patterns and
writes pre-encoded bytes (from ``benchmarks/data/canned/``, see ``benchmarks/record_canned.py``). It runs in
its own process (``python -m benchmarks.canned_server --port 0 [--cpu N]``, printing its URL on the first
line), so its CPU does not count in the client's ``process_time``.

Streams are framed as Dust frames them (``front-api/lib/api/sse/redirect.ts`` and ``stream_events.ts`` in
``dust-tt/dust``): ``GET /api/v1/w/{wId}/.../events`` answers 307 to ``/api/sse/v1/w/{wId}/.../events`` (query
kept), the stream opens with an ``event: dust-handshake`` frame and ends with ``data: done``. Pass
``--framing plain`` to serve the stream directly with no redirect, handshake or ``done``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
from pathlib import Path

from benchmarks.record_canned import stream_bytes

DATA = Path(__file__).resolve().parent / "data" / "canned"

_JSON_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("GET", re.compile(r"^/api/v1/w/[^/]+/assistant/agent_configurations$"), "agents.json"),
    ("GET", re.compile(r"^/api/v1/w/[^/]+/assistant/conversations/[^/]+$"), "conversation.json"),
    ("POST", re.compile(r"^/api/v1/w/[^/]+/assistant/conversations$"), "conversation_created.json"),
    ("POST", re.compile(r"^/api/v1/w/[^/]+/assistant/conversations/[^/]+/messages$"), "message_created.json"),
    ("POST", re.compile(r"^/api/v1/w/[^/]+/assistant/conversations/[^/]+/cancel$"), "success.json"),
]
_EVENTS = re.compile(r"^/api/(v1|sse/v1)/w/[^/]+/assistant/conversations/[^/]+/messages/[^/]+/events$")

_HANDSHAKE = b"event: dust-handshake\ndata: {}\n\n"
_DONE = b"data: done\n\n"


def _json_response(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def _chunked(body: bytes, size: int = 16384) -> bytes:
    parts = [b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"]
    for start in range(0, len(body), size):
        piece = body[start : start + size]
        parts.append(f"{len(piece):x}\r\n".encode("ascii") + piece + b"\r\n")
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


class CannedResponses:
    """Every response body, encoded once at start-up."""

    def __init__(self, framing: str, stream_file: str) -> None:
        self.framing = framing
        self.json = {name: _json_response((DATA / name).read_bytes()) for _, _, name in _JSON_ROUTES}
        stream = stream_bytes(stream_file)
        self.stream = _chunked(_HANDSHAKE + stream + _DONE if framing == "dust" else stream)
        self.not_found = _json_response(b'{"error": {"type": "not_found", "message": "not canned"}}').replace(
            b"200 OK", b"404 Not Found", 1
        )

    def answer(self, method: str, target: str) -> bytes:
        path, _, query = target.partition("?")
        if method == "GET" and _EVENTS.match(path):
            if self.framing == "dust" and path.startswith("/api/v1/"):
                location = "/api/sse/" + path[len("/api/") :] + (f"?{query}" if query else "")
                return f"HTTP/1.1 307 Temporary Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode()
            return self.stream
        for route_method, pattern, name in _JSON_ROUTES:
            if method == route_method and pattern.match(path):
                return self.json[name]
        return self.not_found


async def _serve_connection(
    canned: CannedResponses, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, _, header_block = head.partition(b"\r\n")
            method, target, _ = request_line.decode("latin-1").split(" ", 2)
            length = 0
            for line in header_block.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            writer.write(canned.answer(method, target))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def serve(port: int, framing: str, stream_file: str) -> None:
    canned = CannedResponses(framing, stream_file)
    server = await asyncio.start_server(
        lambda r, w: _serve_connection(canned, r, w), "127.0.0.1", port, backlog=4096, limit=1 << 20
    )
    bound = server.sockets[0].getsockname()[1]
    print(f"canned Dust server on http://127.0.0.1:{bound}", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cpu", type=int, default=None, help="pin the server to this CPU")
    parser.add_argument("--framing", choices=["dust", "plain"], default="dust")
    parser.add_argument("--stream", default="tokens_2000.sse", help="file in benchmarks/data/canned/")
    args = parser.parse_args()
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    asyncio.run(serve(args.port, args.framing, args.stream))


if __name__ == "__main__":
    main()
