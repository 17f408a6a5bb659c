"""The hostile test server itself: it answers with exactly the scripted bytes and records what it got."""

from __future__ import annotations

import gzip
import socket
import threading
import zlib

import httpx
import pytest

from dust_ext.testing.hostile import (
    Exchange,
    HostileServer,
    chunk,
    gzip_bomb,
    response_bytes,
    response_head,
    sse_frame,
)


def test_scripted_response_and_recorded_request() -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(201, b'{"ok": true}', {"X-Request-Id": "r1"}, content_type="application/json")
        )

    with HostileServer(handler) as server:
        # Bytes, not json=: the server must record the body byte for byte, whatever httpx's JSON spacing
        # (0.27 writes `{"k": "v"}`, 0.28 `{"k":"v"}`).
        response = httpx.post(
            f"{server.url}/api/v1/w/W/x?a=1&b=",
            content=b'{"k":"v"}',
            headers={"X-Test": "t", "Content-Type": "application/json"},
        )
    assert response.status_code == 201
    assert response.json() == {"ok": True}
    assert response.headers["x-request-id"] == "r1"
    (request,) = server.requests
    assert (request.method, request.path, request.query) == ("POST", "/api/v1/w/W/x", {"a": ["1"], "b": [""]})
    assert request.headers["x-test"] == "t"
    assert request.body == b'{"k":"v"}'
    assert server.errors == []


def test_keep_alive_reuses_the_connection_and_close_ends_it() -> None:
    def handler(exchange: Exchange) -> None:
        last = exchange.request.path == "/last"
        # A server that closes says so in its head: otherwise the client may reuse the connection before
        # it sees the close (a race, not what this test is about).
        headers = {"Connection": "close"} if last else {}
        exchange.send(response_bytes(200, exchange.request.path.encode(), headers))
        if last:
            exchange.close()

    with HostileServer(handler) as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/one").text == "/one"
        assert client.get("/last").text == "/last"
        assert client.get("/again").text == "/again"
    assert [request.connection_index for request in server.requests] == [0, 0, 1]


def test_a_body_cut_short_is_a_transport_error_for_the_client() -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Length": "100"}) + b"only part")
        exchange.close()

    with HostileServer(handler) as server, pytest.raises(httpx.RemoteProtocolError):
        httpx.get(server.url)


def test_chunked_sse_frames_and_trickled_bytes_arrive_intact() -> None:
    frame = sse_frame('{"a": 1}\nsecond line', event="dust-handshake", event_id="7")
    assert frame == b'event: dust-handshake\nid: 7\ndata: {"a": 1}\ndata: second line\n\n'

    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_head(200, {"Transfer-Encoding": "chunked", "Content-Type": "text/event-stream"})
        )
        exchange.trickle(chunk(frame), interval=0.0, size=3)
        exchange.send(chunk(b""))

    with HostileServer(handler) as server:
        assert httpx.get(server.url).content == frame


def test_gzip_bomb_inflates_to_the_size_asked() -> None:
    bomb = gzip_bomb(3 * 1024 * 1024 + 5)
    assert len(bomb) < 10_000
    assert len(gzip.decompress(bomb)) == 3 * 1024 * 1024 + 5
    assert zlib.decompress(bomb, 31)[:4] == b"\0\0\0\0"


def test_a_handler_bug_is_recorded_not_swallowed() -> None:
    def handler(exchange: Exchange) -> None:
        raise RuntimeError("handler bug")

    with HostileServer(handler) as server, pytest.raises(httpx.HTTPError):
        httpx.get(server.url, timeout=2)
    assert [type(error) for error in server.errors] == [RuntimeError]


def test_stop_ends_the_handler_threads_waiting_for_a_next_request() -> None:
    # A kept-alive connection leaves its handler thread blocked reading the next request: stop() must wake
    # it (shut the socket down, not only close it), or every test using the server waits out a join.
    def handler(exchange: Exchange) -> None:
        exchange.send(response_bytes(200, b"ok"))

    before = set(threading.enumerate())
    server = HostileServer(handler)
    with server, socket.create_connection(("127.0.0.1", server.port)) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert client.recv(1024).endswith(b"ok")
        server.stop()
        left = [thread.name for thread in set(threading.enumerate()) - before if thread.is_alive()]
    assert left == []
