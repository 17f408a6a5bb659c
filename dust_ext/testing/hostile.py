"""Hostile HTTP servers for tests: raw sockets on loopback that say exactly the bytes a test scripts.

The emulator speaks correct HTTP and injects faults through its fault language; a hostile server answers
however the test wants, including what no well-behaved server does: cut a body mid-frame, trickle bytes,
lie in ``Content-Length``, redirect in a loop, send a gzip bomb, never answer. Use it to prove that a client
stays bounded and typed whatever the server does::

    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Type": "text/event-stream"}))
        exchange.send(b'data: {"eventId": "1", "data": {"type": "x"}}\\n')  # no blank line: cut mid-frame
        exchange.close()

    with HostileServer(handler) as server:
        client = DustClient(DustConfig(workspace_id="W", api_key="sk-test", base_url=server.url))
        ...
        assert server.requests[0].path == "/api/v1/w/W/..."

Each connection runs in its own thread, so the same server serves sync and async clients. A handler that
returns without closing keeps the connection alive for the next request (keep-alive); one that raises
:class:`ConnectionClosed` (the client went away) ends it quietly. Only ``127.0.0.1`` is ever bound.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "ConnectionClosed",
    "Exchange",
    "HostileServer",
    "ReceivedRequest",
    "chunk",
    "gzip_bomb",
    "response_bytes",
    "response_head",
    "sse_frame",
]

_MAX_HEAD = 64 * 1024


class ConnectionClosed(Exception):
    """The client closed the connection (or reset it) while the handler was writing or reading."""


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as the server read it off the socket."""

    method: str
    target: str
    """The request target as sent: path and query (``/api/v1/w/W/...?...``)."""
    headers: Mapping[str, str]
    """Header names lower-cased; a repeated header keeps its last value."""
    body: bytes
    connection_index: int
    """Which connection (0, 1, ...) carried it: tells keep-alive reuse from reconnects."""

    @property
    def path(self) -> str:
        """The target without its query string."""
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, list[str]]:
        """The parsed query string (every value, blank values kept)."""
        return parse_qs(urlsplit(self.target).query, keep_blank_values=True)


@dataclass
class Exchange:
    """One request and the socket to answer it on, handed to the test's handler."""

    request: ReceivedRequest
    _connection: socket.socket
    _closed: bool = field(default=False, init=False)

    def send(self, data: bytes) -> None:
        """Write bytes as they are (a status line, headers, body parts: whatever the test scripts)."""
        try:
            self._connection.sendall(data)
        except OSError as exc:
            raise ConnectionClosed(str(exc)) from exc

    def trickle(self, data: bytes, *, interval: float, size: int = 1) -> None:
        """Write ``data`` ``size`` bytes at a time, sleeping ``interval`` seconds between writes."""
        for start in range(0, len(data), size):
            self.send(data[start : start + size])
            time.sleep(interval)

    def close(self) -> None:
        """End the connection now (a clean FIN: to the client, a body that just stops)."""
        self._closed = True
        with contextlib.suppress(OSError):
            self._connection.shutdown(socket.SHUT_RDWR)
        self._connection.close()

    def reset(self) -> None:
        """End the connection with a TCP reset (RST) instead of a clean close."""
        self._connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        self._closed = True
        self._connection.close()

    def client_closes_within(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the client to end the connection; whether it did (a client giving up
        on a stalled response), as opposed to still waiting for more."""
        previous = self._connection.gettimeout()
        self._connection.settimeout(seconds)
        try:
            while self._connection.recv(65536):
                pass  # anything more the client sends is not an answer to wait for
        except TimeoutError:
            return False
        except OSError:
            return True  # reset by the client
        finally:
            self._connection.settimeout(previous)
        return True

    def hang(self, stop: threading.Event | None = None, *, seconds: float = 3600.0) -> None:
        """Keep the connection open and silent until ``stop`` is set, the server stops, or ``seconds``."""
        (stop or threading.Event()).wait(seconds)

    @property
    def closed(self) -> bool:
        """Whether the handler closed or reset the connection."""
        return self._closed


Handler = Callable[[Exchange], None]


class HostileServer:
    """A loopback HTTP/1.1 server whose answers are written byte by byte by ``handler``.

    ``server.url`` is its base URL; ``server.requests`` lists every request received, in order (any thread
    may append while a test reads it; read it after the client call returns).
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[ReceivedRequest] = []
        self.errors: list[BaseException] = []
        """Exceptions raised by the handler other than :class:`ConnectionClosed` (a test may assert none)."""
        self.stopping = threading.Event()
        """Set when the server stops: handlers that :meth:`Exchange.hang` wake up."""
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._accept_thread = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def connection_count(self) -> int:
        """How many connections the server has accepted."""
        with self._lock:
            return len(self._connections)

    def __enter__(self) -> HostileServer:
        self._accept_thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop accepting, close every connection and wait (briefly) for the handler threads."""
        self.stopping.set()
        self._accept_thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            connections, threads = list(self._connections), list(self._threads)
        for connection in connections:
            # shutdown() first: close() alone does not wake a thread blocked in recv() on the socket, so
            # each handler waiting for a next request would hold stop() for the whole join timeout.
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                connection.close()
        for thread in threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                index = len(self._connections)
                self._connections.append(connection)
                thread = threading.Thread(
                    target=self._serve, args=(connection, index), name=f"hostile-{index}", daemon=True
                )
                self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket, index: int) -> None:
        buffer = b""
        try:
            while not self.stopping.is_set():
                request, buffer = _read_request(connection, buffer, index)
                if request is None:
                    return
                self.requests.append(request)
                exchange = Exchange(request, connection)
                self.handler(exchange)
                if exchange.closed:
                    return
        except (ConnectionClosed, OSError):
            return
        except BaseException as exc:  # a broken handler must fail the test, not vanish in a thread
            self.errors.append(exc)
        finally:
            with contextlib.suppress(OSError):
                connection.close()


def _read_request(
    connection: socket.socket, buffer: bytes, index: int
) -> tuple[ReceivedRequest | None, bytes]:
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > _MAX_HEAD:
            raise ConnectionClosed("request head too large")
        data = connection.recv(65536)
        if not data:
            return None, b""
        buffer += data
    head, buffer = buffer.split(b"\r\n\r\n", 1)
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _version = request_line.split(" ", 2)
    headers: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body, buffer = _read_chunked(connection, buffer)
    else:
        while len(buffer) < length:
            data = connection.recv(65536)
            if not data:
                return None, b""
            buffer += data
        body, buffer = buffer[:length], buffer[length:]
    return ReceivedRequest(method, target, headers, body, index), buffer


def _read_chunked(connection: socket.socket, buffer: bytes) -> tuple[bytes, bytes]:
    body = b""
    while True:
        while b"\r\n" not in buffer:
            buffer += _recv(connection)
        size_line, buffer = buffer.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        while len(buffer) < size + 2:
            buffer += _recv(connection)
        body, buffer = body + buffer[:size], buffer[size + 2 :]
        if size == 0:
            return body, buffer


def _recv(connection: socket.socket) -> bytes:
    data = connection.recv(65536)
    if not data:
        raise ConnectionClosed("client closed mid-body")
    return data


_REASONS = {
    200: "OK",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def response_head(status: int, headers: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> bytes:
    """A status line and headers, ending with the blank line; no ``Content-Length`` is added."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
    lines += [f"{name}: {value}" for name, value in items]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def response_bytes(
    status: int, body: bytes = b"", headers: Mapping[str, str] | None = None, *, content_type: str = ""
) -> bytes:
    """A complete response with a truthful ``Content-Length`` (and ``Content-Type`` if given)."""
    all_headers = dict(headers or {})
    if content_type:
        all_headers.setdefault("Content-Type", content_type)
    all_headers.setdefault("Content-Length", str(len(body)))
    return response_head(status, all_headers) + body


def chunk(data: bytes) -> bytes:
    """One chunk of a ``Transfer-Encoding: chunked`` body (``chunk(b"")`` is the last one)."""
    return f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n"


def sse_frame(data: str, *, event: str | None = None, event_id: str | None = None) -> bytes:
    """One server-sent event frame (``data:`` lines split on newlines), ending with the blank line."""
    lines = []
    if event is not None:
        lines.append(f"event: {event}")
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines += [f"data: {line}" for line in data.split("\n")]
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def gzip_bomb(inflated_size: int) -> bytes:
    """Gzip of ``inflated_size`` zero bytes: tiny on the wire, huge once decoded (built without holding it)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    block = bytes(1024 * 1024)
    parts = []
    remaining = inflated_size
    while remaining > 0:
        piece = block[: min(len(block), remaining)]
        parts.append(compressor.compress(piece))
        remaining -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts)
