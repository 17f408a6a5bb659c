"""Recording against a server that echoes the key (raw loopback sockets), sync and async: the cassette holds
the key in no spelling (a key with ``+/=&`` percent-encoded in a query, one with ``"`` or ``\\``
JSON-escaped in a body), and vcrpy's own log lines while recording (its INFO line prints each response
before it is scrubbed) hold none either."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig
from dust_ext._core.redaction import contains_secret
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes
from dust_ext.testing.recording import PLACEHOLDER_API_KEY, dust_cassette

KEYS = ["sk-rec+ord/ing=k&ey0123", 'sk-rec"ord\\ing0123']


def echo(exchange: Exchange) -> None:
    # A proxy that echoes what it got: the Authorization header in a JSON body, the query as it came.
    request = exchange.request
    payload = {"authorization": request.headers.get("authorization", ""), "target": request.target}
    body = json.dumps(payload).encode()
    exchange.send(response_bytes(200, body, {"Content-Type": "application/json", "Connection": "close"}))
    exchange.close()


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("key", KEYS)
def test_the_cassette_and_vcr_logs_hold_the_key_in_no_spelling(
    mode: str, key: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cassette_path = tmp_path / "echo.yaml"
    with HostileServer(echo) as server, caplog.at_level(logging.DEBUG, logger="vcr"):
        config = DustConfig(workspace_id="w0rkspace42", api_key=key, base_url=server.url)
        params = {"token": key}
        if mode == "sync":
            with DustClient(config) as client, dust_cassette(cassette_path, record_mode="once"):
                echoed: Any = client.workspace_request("GET", "echo", params=params)
        else:

            async def run() -> Any:
                async with AsyncDustClient(config) as client:
                    with dust_cassette(cassette_path, record_mode="once"):
                        return await client.workspace_request("GET", "echo", params=params)

            echoed = asyncio.run(run())
    assert echoed["authorization"] == f"Bearer {key}"  # the server did echo it, in JSON
    text = cassette_path.read_text(encoding="utf-8")
    assert not contains_secret(text, key)
    assert PLACEHOLDER_API_KEY in text
    vcr_lines = [record.getMessage() for record in caplog.records if record.name.startswith("vcr")]
    assert any("Appending request" in line for line in vcr_lines)
    assert any("Invoking Request" in line for line in vcr_lines)  # DEBUG, before any hook saw the request
    assert not any(contains_secret(line, key) for line in vcr_lines)
