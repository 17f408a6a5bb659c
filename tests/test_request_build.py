"""The requests the SDK builds itself for its own client equal, byte for byte, what ``httpx``'s
``build_request`` gives (``RequestCore.preset_headers``); cookies a server set, query parameters and headers
someone added to that client still reach the wire."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from dust_ext import DustConfig
from dust_ext._core.call import SSE_MEDIA_TYPE, Call, RequestOptions, unparsed
from dust_ext._core.request import AttemptLoop
from dust_ext._http import HTTP, AsyncHTTP
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

KEY = "sk-build-0123456789abcdef"
BASE = "https://dust.example"
ROOT = f"{BASE}/api/v1/w/W"

# Every shape of call the resources make: (method, path, the other fields of its Call).
SHAPES: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", "assistant/conversations/c", {}),
    ("get", "assistant/agent_configurations", {"params": {"view": "all", "limit": 5, "skip": None}}),
    ("GET", "spaces", {"params": {"tags": ["a", "b"]}, "options": RequestOptions(params={"limit": 3})}),
    ("POST", "assistant/conversations", {"json": {"message": {"content": "héllo", "mentions": []}}}),
    ("POST", "files", {"json": None}),
    ("PATCH", "assistant/conversations/c", {"json": {"title": "t"}}),
    ("DELETE", "assistant/conversations/c", {}),
    (
        "DELETE",
        "spaces/s/members",
        {"json": {"userIds": ["u"]}},
    ),  # a method without a body by default, given one
    ("POST", "files/f", {"files": {"file": ("a.txt", b"abc", "text/plain")}, "data": {"purpose": "x"}}),
    ("PUT", "data_sources/d/documents/x", {"content": b"\x00raw bytes"}),
    ("POST", "upload", {"content": "text body"}),
    ("GET", "spaces", {"headers": {"X-Trace": "1"}}),
    ("GET", "spaces", {"headers": {"authorization": "Bearer other"}}),
    ("GET", "spaces", {"options": RequestOptions(extra_headers={"Accept": "text/csv", "X-Other": "2"})}),
    ("GET", "assistant/conversations/c/events", {"accept": SSE_MEDIA_TYPE}),
    ("GET", "assistant/conversations/c/events", {"accept": "application/x-ndjson"}),
    ("GET", "/api/v1/me", {}),
    ("GET", f"{ROOT}/spaces?x=1", {"params": {"y": 2}}),
    ("PUT", "https://uploads.example/bucket/obj?sig=abc", {"content": b"payload"}),
    ("GET", "http://dust.example/api/v1/w/W/spaces", {}),
    ("GET", "https://dust.example:443/api/v1/w/W/spaces", {}),
]


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Iterator[HTTP | AsyncHTTP]:
    config = DustConfig(workspace_id="W", api_key=KEY, base_url=BASE, default_headers={"X-Team": "t"})
    if request.param == "sync":
        sync = HTTP(config)
        yield sync
        sync.close()
    else:
        asynchronous = AsyncHTTP(config)
        yield asynchronous
        asyncio.run(asynchronous.aclose())


def _as_build_request_gives(
    driver: HTTP | AsyncHTTP, loop: AttemptLoop, shape: dict[str, Any]
) -> httpx.Request:
    """The request of ``loop``'s attempt as ``build_request`` builds it from the headers ``start`` merges."""
    core, client = driver.core, driver.http_client
    options = shape.get("options") or RequestOptions()
    headers = {**(shape.get("headers") or {}), **(options.extra_headers or {})}
    params = {**(shape.get("params") or {}), **(options.params or {})}
    kwargs: dict[str, Any] = {
        name: shape[name] for name in ("json", "content", "files", "data") if shape.get(name) is not None
    }
    if params:
        kwargs["params"] = {key: value for key, value in params.items() if value is not None}
    merged = core.headers_for(
        loop.url, accept=shape.get("accept", "application/json"), headers=headers, client_has_defaults=True
    )
    request = client.build_request(loop.method, loop.url, headers=merged, **kwargs)
    return request


def _same_request(built: httpx.Request, expected: httpx.Request, timeouts: dict[str, Any]) -> None:
    assert built.method == expected.method
    assert built.url == expected.url
    assert str(built.url) == str(expected.url)
    assert built.headers.raw == expected.headers.raw
    assert built.read() == expected.read()
    assert built.extensions == {**expected.extensions, "timeout": timeouts}


@pytest.mark.parametrize(("method", "path", "shape"), SHAPES)
def test_a_request_through_the_sdk_client_equals_what_build_request_gives(
    driver: HTTP | AsyncHTTP, method: str, path: str, shape: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "urandom", lambda size: b"\x07" * size)  # one multipart boundary for both
    loop = AttemptLoop(driver.core, driver.http_client, Call(method, path, unparsed, **shape))
    built = loop.next_request()
    _same_request(built, _as_build_request_gives(driver, loop, shape), built.extensions["timeout"])
    again = loop.next_request()  # a retry's request: the same, from the cached headers
    _same_request(again, _as_build_request_gives(driver, loop, shape), again.extensions["timeout"])


def test_the_key_goes_only_to_the_dust_host(driver: HTTP | AsyncHTTP) -> None:
    core, client = driver.core, driver.http_client
    to_dust = AttemptLoop(core, client, Call("GET", "spaces", unparsed)).next_request()
    elsewhere = AttemptLoop(
        core, client, Call("PUT", "https://uploads.example/o", unparsed, content=b"x")
    ).next_request()
    assert to_dust.headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in elsewhere.headers
    assert KEY not in repr(to_dust)
    assert KEY not in repr(core.preset_headers(client, "application/json"))


def test_build_request_is_skipped_only_while_the_client_holds_no_cookie(
    driver: HTTP | AsyncHTTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    core, client = driver.core, driver.http_client
    built: list[str] = []
    build_request = client.build_request

    def recording(method: str, url: Any, **kwargs: Any) -> httpx.Request:
        built.append(str(url))
        return build_request(method, url, **kwargs)

    monkeypatch.setattr(client, "build_request", recording)
    AttemptLoop(core, client, Call("GET", "spaces", unparsed)).next_request()
    assert built == []
    client.cookies.set("s", "1", domain="dust.example")
    request = AttemptLoop(core, client, Call("GET", "spaces", unparsed)).next_request()
    assert built == [f"{ROOT}/spaces"]
    assert request.headers["cookie"] == "s=1"
    assert request.headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("name", "value"), [("X-Added", "yes"), ("Host", "proxy.example"), ("Accept", "*/*")]
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_headers_changed_on_the_sdk_client_are_sent(
    driver: HTTP | AsyncHTTP, name: str, value: str, method: str
) -> None:
    core, client = driver.core, driver.http_client
    AttemptLoop(
        core, client, Call(method, "spaces", unparsed)
    ).next_request()  # caches the headers as they were
    client.headers[name] = value
    request = AttemptLoop(core, client, Call(method, "spaces", unparsed)).next_request()
    assert request.headers[name] == value
    expected = client.build_request(method, f"{ROOT}/spaces", headers={"Authorization": f"Bearer {KEY}"})
    assert request.headers.raw == expected.headers.raw


def test_query_parameters_set_on_the_sdk_client_are_sent(driver: HTTP | AsyncHTTP) -> None:
    core, client = driver.core, driver.http_client
    client.params = httpx.QueryParams({"debug": "1"})
    request = AttemptLoop(core, client, Call("GET", "spaces", unparsed, params={"limit": 2})).next_request()
    assert request.url.params["debug"] == "1"
    assert request.url.params["limit"] == "2"


def _cookie_server() -> HostileServer:
    """A server whose first answer sets a session cookie."""
    answered: list[Exchange] = []

    def handler(exchange: Exchange) -> None:
        cookie = {} if answered else {"Set-Cookie": "s=1; Path=/"}
        answered.append(exchange)
        exchange.send(response_bytes(200, b"{}", cookie, content_type="application/json"))

    return HostileServer(handler)


def test_a_cookie_the_server_set_is_sent_back_sync() -> None:
    with _cookie_server() as server:
        http = HTTP(DustConfig(workspace_id="W", api_key=KEY, base_url=server.url))
        try:
            http.request("GET", "spaces")
            http.request("GET", "spaces")
        finally:
            http.close()
    assert "cookie" not in server.requests[0].headers
    assert server.requests[1].headers["cookie"] == "s=1"
    assert server.requests[1].headers["authorization"] == f"Bearer {KEY}"


def test_a_cookie_the_server_set_is_sent_back_async() -> None:
    async def twice(http: AsyncHTTP) -> None:
        try:
            await http.request("GET", "spaces")
            await http.request("GET", "spaces")
        finally:
            await http.aclose()

    with _cookie_server() as server:
        asyncio.run(twice(AsyncHTTP(DustConfig(workspace_id="W", api_key=KEY, base_url=server.url))))
    assert "cookie" not in server.requests[0].headers
    assert server.requests[1].headers["cookie"] == "s=1"
