"""The blocking side's drain deadline: on the SDK's own transport every socket wait of the drain ends by
its deadline (no thread, no socket shut down from outside); another transport's connection keeps its own
client's read timeout.

The server holds the rest of the body back until the test releases it (or for :data:`HOLD` seconds): a
drain that ends with a timeout while the server still holds proves the deadline ended it, without measuring
time."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator

import httpx
import pytest

from dust_ext import DustConfig
from dust_ext._io import BLOCKING_DEADLINE, client_transport, drain_deadline
from dust_ext.testing.hostile import Exchange, HostileServer, response_head

BODY = b"x" * 100
#: How long the server holds the rest of the body back: far longer than any drain deadline below.
HOLD = 10.0
HEAD = response_head(200, {"Content-Length": str(len(BODY)), "Content-Type": "text/plain"})


@pytest.fixture
def holding() -> Iterator[tuple[HostileServer, threading.Event]]:
    """A server that sends the head and the first 10 bytes of the body, then holds the rest back."""
    release = threading.Event()

    def serve(exchange: Exchange) -> None:
        exchange.send(HEAD + BODY[:10])
        if release.wait(HOLD):  # released: the test is over
            return
        exchange.send(BODY[10:])  # held to the end: a client still reading gets the body and no timeout

    with HostileServer(serve) as server:
        try:
            yield server, release
        finally:
            release.set()


def drain(response: httpx.Response, seconds: float, read: list[bytes]) -> None:
    """Read the rest of ``response`` into ``read`` under the drain deadline."""
    with drain_deadline(response, seconds):
        read.extend(response.iter_raw())


def sdk_client() -> httpx.Client:
    limits = DustConfig(workspace_id="W", api_key="sk-io").httpx_limits()
    return httpx.Client(transport=client_transport(limits), timeout=3600)


def test_a_drain_on_the_sdks_transport_ends_at_its_deadline_while_the_server_holds(
    holding: tuple[HostileServer, threading.Event],
) -> None:
    server, release = holding
    with sdk_client() as client, client.stream("GET", f"{server.url}/held") as response:
        read: list[bytes] = []
        with pytest.raises(httpx.ReadTimeout):
            drain(response, 0.05, read)
        assert not release.is_set()  # the server still holds: only the deadline ended the read
        assert b"".join(read) == BODY[:10]
        assert BLOCKING_DEADLINE.get() == math.inf  # the deadline does not outlive the block


def test_a_connection_cut_by_the_drain_deadline_is_not_reused(
    holding: tuple[HostileServer, threading.Event],
) -> None:
    server, release = holding
    with sdk_client() as client:
        for _ in range(2):
            with client.stream("GET", f"{server.url}/held") as response, pytest.raises(httpx.ReadTimeout):
                drain(response, 0.05, [])
        assert not release.is_set()
    assert server.connection_count == 2


def test_a_connection_of_another_transport_keeps_its_clients_read_timeout(
    holding: tuple[HostileServer, threading.Event],
) -> None:
    server, release = holding
    with httpx.Client(timeout=0.05) as client, client.stream("GET", f"{server.url}/held") as response:
        read: list[bytes] = []
        with pytest.raises(httpx.ReadTimeout):
            drain(response, 3600, read)
        assert b"".join(read) == BODY[:10]
        assert not release.is_set()


def test_a_finished_body_is_drained_and_its_connection_reused_on_any_transport() -> None:
    def serve(exchange: Exchange) -> None:
        exchange.send(HEAD + BODY)

    with HostileServer(serve) as server:
        for client in (sdk_client(), httpx.Client(timeout=3600)):
            with client:
                for _ in range(2):
                    with client.stream("GET", f"{server.url}/done") as response:
                        drain(response, 3600, [])
        assert server.connection_count == 2  # one per client


def test_a_response_without_a_connection_is_read_as_it_is() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=iter([BODY[:10], BODY[10:]])))
    read: list[bytes] = []
    with httpx.Client(transport=transport) as client, client.stream("GET", "http://dust.test/x") as response:
        drain(response, 0.0, read)
    assert b"".join(read) == BODY
