"""The attempt's deadline (``AttemptLoop.remaining()``) is what bounds the wait, not only httpx's timeouts.

Each test injects a clock that reads 0 when the attempt is built and 50 s later afterwards (as if the
process had been suspended between building the request and sending it): by the time the driver asks how
long it may wait, the call's ``total_timeout`` (4 s) is spent, though the attempt's own ``timeout`` (100 s)
is not: the call's deadline must bound the attempt. The server answers at once (or holds the
body until the client gives up), so the call can only fail if the driver bounds its wait by what is left:
a ``remaining()`` that overstates the time left (even by seconds) lets it succeed, or wait, instead.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest

from dust_ext import DustConfig, DustTimeoutError, RetryPolicy
from dust_ext._core.call import RequestOptions
from dust_ext._http import HTTP, AsyncHTTP
from dust_ext.exceptions import DustConnectionError
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head

BODY = b'{"spaces": []}'


class SuspendedAfterBuilding:
    """A clock at 0.0 for the attempt's first reading (building the request), then 50 s later."""

    def __init__(self) -> None:
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        return 0.0 if self.readings == 1 else 50.0


def config_for(server: HostileServer) -> DustConfig:
    return DustConfig(
        workspace_id="W", api_key="sk-deadline", base_url=server.url, timeout=100.0, total_timeout=4.0
    )


def prompt(exchange: Exchange) -> None:
    exchange.send(response_bytes(200, b"", content_type="application/json"))


NO_RETRY = RetryPolicy(max_retries=0)


def test_an_async_stream_is_not_opened_once_the_call_is_out_of_time() -> None:
    async def scenario(server: HostileServer) -> None:
        async with AsyncHTTP(
            config_for(server), retry_policy=NO_RETRY, clock=SuspendedAfterBuilding()
        ) as http:
            with pytest.raises(DustTimeoutError, match=r"total_timeout=4s"):
                async with http.stream("GET", "spaces"):
                    pytest.fail("the stream opened after its deadline")

    with HostileServer(prompt) as server:
        asyncio.run(scenario(server))


def test_an_async_call_with_an_empty_body_is_cut_at_its_deadline() -> None:
    # No body chunk arrives, so nothing but the deadline around the whole attempt can end it.
    async def scenario(server: HostileServer) -> None:
        async with AsyncHTTP(
            config_for(server), retry_policy=NO_RETRY, clock=SuspendedAfterBuilding()
        ) as http:
            with pytest.raises(DustTimeoutError, match=r"total_timeout=4s"):
                await http.request("GET", "spaces")

    with HostileServer(prompt) as server:
        asyncio.run(scenario(server))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_held_back_body_is_given_up_on_before_the_server_sends_it(mode: str) -> None:
    """The head comes at once, the body only if the client is still waiting after a grace period: a client
    bounding its read by the time left (none) has hung up long before."""
    outcome: dict[str, bool] = {}
    done = threading.Event()

    def handler(exchange: Exchange) -> None:
        exchange.send(
            response_head(200, {"Content-Length": str(len(BODY)), "Content-Type": "application/json"})
        )
        outcome["client_gave_up_first"] = exchange.client_closes_within(2.0)
        if not outcome["client_gave_up_first"]:
            exchange.send(BODY)
        done.set()

    with HostileServer(handler) as server:
        config, clock = config_for(server), SuspendedAfterBuilding()
        if mode == "sync":
            with HTTP(config, retry_policy=NO_RETRY, clock=clock) as http, pytest.raises(DustConnectionError):
                http.request("GET", "spaces")
        else:

            async def scenario() -> Any:
                async with AsyncHTTP(config, retry_policy=NO_RETRY, clock=clock) as http:
                    return await http.request("GET", "spaces")

            with pytest.raises(DustConnectionError):
                asyncio.run(scenario())
        # An attempt may be cut before its request is written: the blocking client's transport bounds every
        # socket wait by the attempt deadline, as asyncio's cancellation does.
        if server.requests:
            assert done.wait(10)
    assert outcome in ({}, {"client_gave_up_first": True})


# -- per-call limits: RequestOptions(timeout=..., total_timeout=...) bound the attempt as the config's do ---


def send_with(mode: str, server: HostileServer, config: DustConfig, options: RequestOptions) -> Any:
    """``GET spaces`` with ``options``, the clock suspended after building the attempt (see above)."""
    clock = SuspendedAfterBuilding()
    if mode == "sync":
        with HTTP(config, retry_policy=NO_RETRY, clock=clock) as http:
            return http.request("GET", "spaces", options=options)

    async def scenario() -> Any:
        async with AsyncHTTP(config, retry_policy=NO_RETRY, clock=clock) as http:
            return await http.request("GET", "spaces", options=options)

    return asyncio.run(scenario())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_per_call_total_timeout_bounds_the_attempt(mode: str) -> None:
    with HostileServer(prompt) as server:
        config = DustConfig(workspace_id="W", api_key="sk-deadline", base_url=server.url, timeout=100.0)
        with pytest.raises(DustTimeoutError, match=r"total_timeout=4s"):
            send_with(mode, server, config, RequestOptions(total_timeout=4.0))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("timeout", [4.0, httpx.Timeout(1.0, read=4.0)])
def test_a_per_call_timeout_bounds_the_attempt(mode: str, timeout: float | httpx.Timeout) -> None:
    # The config allows 100 s per attempt; the call's own timeout (its largest limit) is what must hold.
    with HostileServer(prompt) as server:
        config = DustConfig(workspace_id="W", api_key="sk-deadline", base_url=server.url, timeout=100.0)
        with pytest.raises(DustTimeoutError, match=r"timeout=4s"):
            send_with(mode, server, config, RequestOptions(timeout=timeout))
