"""Inputs and redirects against hostile servers (raw loopback sockets), sync and async: an upload source that
is not a regular file is refused before any request; an event stream follows a same-origin redirect only
under /api/sse/, never one carrying credentials or the key; a closed client raises a DustError."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustClientClosedError,
    DustConfig,
    DustError,
    DustInvalidArgumentError,
    DustRedirectError,
    RetryPolicy,
)
from dust_ext.testing.hostile import Exchange, HostileServer, response_head

KEY = "sk-inputs-0123456789abcdef"
MODES = ["sync", "async"]


def config_for(server: HostileServer) -> DustConfig:
    return DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)


def run(mode: str, server: HostileServer, call: Callable[[Any], Any]) -> Any:
    if mode == "sync":
        with DustClient(config_for(server), retry_policy=RetryPolicy(max_retries=0)) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncDustClient(config_for(server), retry_policy=RetryPolicy(max_retries=0)) as client:
            result = call(client)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


def never_called(exchange: Exchange) -> None:
    raise AssertionError(f"no request expected, got {exchange.request.method} {exchange.request.target}")


# --- uploads ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_uploading_what_is_not_a_regular_file_is_refused_before_any_request(
    mode: str, kind: str, tmp_path: Path
) -> None:
    # before: a FIFO blocked forever after POST files; a directory reserved a file, then IsADirectoryError
    path = tmp_path / kind
    if kind == "directory":
        path.mkdir()
    else:
        os.mkfifo(path)
    with HostileServer(never_called) as server, pytest.raises(DustInvalidArgumentError, match=kind[:3]):
        run(mode, server, lambda client: client.files.upload(path))
    assert server.requests == []


# --- stream redirects ------------------------------------------------------------------------------------


def read_stream(client: Any) -> Any:
    stream = client.conversations.stream_message_events("c1", "m1")
    if isinstance(client, DustClient):
        return list(stream)

    async def collect() -> list[Any]:
        return [event async for event in stream]

    return collect()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("location", "reason"),
    [
        # before: followed, with the key, to whatever Dust endpoint the server named
        (
            lambda s: "/api/v1/w/W/assistant/conversations/c1/cancel",
            "only redirects event streams under /api/sse/",
        ),
        # before: httpx sent attacker:pw as Basic auth in place of the Bearer key
        (lambda s: s.url.replace("http://", "http://attacker:pw@") + "/api/sse/v1/w/W/x", "credentials"),
        # before: a ValueError (the scrubbed Location was not a URL any more)
        (lambda s: f"/api/sse/v1/w/W/x?token={KEY}", "holds the API key"),
    ],
    ids=["other-endpoint", "userinfo", "key-in-location"],
)
def test_a_stream_refuses_hostile_same_origin_redirects(
    mode: str, location: Callable[[HostileServer], str], reason: str
) -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(307, {"Location": location(server), "Content-Length": "0"}))

    with HostileServer(handler) as server, pytest.raises(DustRedirectError, match=reason) as caught:
        run(mode, server, read_stream)
    assert len(server.requests) == 1
    assert KEY not in str(caught.value)
    assert "pw@" not in str(caught.value)


# --- closed clients --------------------------------------------------------------------------------------


def test_a_closed_client_raises_a_dust_error() -> None:
    with HostileServer(never_called) as server:
        client = DustClient(config_for(server))
        client.close()
        with pytest.raises(DustClientClosedError, match="closed") as caught:
            client.agents.list()
    assert isinstance(caught.value, DustError)
    assert isinstance(caught.value, RuntimeError)  # what httpx raised before, for existing handlers
    assert server.requests == []


def test_a_closed_async_client_raises_a_dust_error() -> None:
    async def main(server: HostileServer) -> None:
        client = AsyncDustClient(config_for(server))
        await client.close()
        with pytest.raises(DustClientClosedError, match="closed"):
            await client.agents.list()
        with pytest.raises(DustClientClosedError):
            [event async for event in client.conversations.stream_message_events("c1", "m1")]

    with HostileServer(never_called) as server:
        asyncio.run(main(server))
    assert server.requests == []
