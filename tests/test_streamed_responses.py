"""``with_streaming_response`` streams: the block starts on the status and headers, the body still unread.

Against a hostile server that holds the body back until the test lets it go: had the SDK read the body
before the block, the block could not start (the server waits for the block), so each test proves the order
by what it can observe inside the block, not by timing.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import threading
from collections.abc import Callable

import pytest

import dust_ext.resources
from dust_ext import AsyncDustClient, DustClient, DustConfig, DustConnectionError
from dust_ext._core.call import Call, always_true, is_one_call, one_call
from dust_ext.resources._base import (
    AsyncResource,
    AsyncStreamedResponse,
    Resource,
    StreamedResponse,
)
from dust_ext.resources._base._sync import describe_call
from dust_ext.testing.hostile import Exchange, HostileServer, response_head

BODY = b'{"spaces": [],\n "note": "held back"}\n'
HEAD = response_head(200, {"Content-Length": str(len(BODY)), "Content-Type": "application/json"})
FIRST = 12  # bytes sent before the server waits


def held_back(release: threading.Event, *, cut: bool = False) -> Callable[[Exchange], None]:
    """Sends the head and the first bytes of the body, then the rest once ``release`` is set (or closes
    the connection there when ``cut``)."""

    def handler(exchange: Exchange) -> None:
        exchange.send(HEAD + BODY[:FIRST])
        release.wait(10)
        if cut:
            exchange.close()
            return
        exchange.send(BODY[FIRST:])

    return handler


def config_for(server: HostileServer) -> DustConfig:
    return DustConfig(workspace_id="W", api_key="sk-streamed", base_url=server.url, timeout=10, max_retries=0)


def test_the_block_starts_before_the_body_and_iter_bytes_follows_it() -> None:
    release = threading.Event()
    with HostileServer(held_back(release)) as server, DustClient(config_for(server)) as client:
        with client.spaces.with_streaming_response.list() as streamed:
            assert isinstance(streamed, StreamedResponse)
            assert (streamed.status_code, streamed.headers["content-type"]) == (200, "application/json")
            assert not streamed.http_response.is_stream_consumed
            chunks = streamed.iter_bytes()
            assert next(chunks) == BODY[:FIRST]  # all the server has sent so far
            release.set()
            assert BODY[:FIRST] + b"".join(chunks) == BODY
        assert streamed.http_response.is_closed


async def test_async_the_block_starts_before_the_body_and_iter_bytes_follows_it() -> None:
    release = threading.Event()
    with HostileServer(held_back(release)) as server:
        async with AsyncDustClient(config_for(server)) as client:
            async with client.spaces.with_streaming_response.list() as streamed:
                assert isinstance(streamed, AsyncStreamedResponse)
                assert streamed.status_code == 200
                assert not streamed.http_response.is_stream_consumed
                chunks = streamed.iter_bytes()
                assert await anext(chunks) == BODY[:FIRST]
                release.set()
                assert BODY[:FIRST] + b"".join([chunk async for chunk in chunks]) == BODY
            assert streamed.http_response.is_closed


def test_parse_reads_the_body_when_called_and_once() -> None:
    release = threading.Event()
    with (
        HostileServer(held_back(release)) as server,
        DustClient(config_for(server)) as client,
        client.spaces.with_streaming_response.list() as streamed,
    ):
        assert streamed.elapsed is None  # not read yet
        release.set()
        spaces = streamed.parse()
        assert spaces == []
        assert streamed.parse() is spaces
        assert streamed.read() == BODY


async def test_async_parse_text_and_lines() -> None:
    release = threading.Event()
    with HostileServer(held_back(release)) as server:
        async with AsyncDustClient(config_for(server)) as client:
            async with client.spaces.with_streaming_response.list() as streamed:
                release.set()
                assert await streamed.parse() == []
            release.clear()
            async with client.spaces.with_streaming_response.list() as streamed:
                release.set()
                assert [line async for line in streamed.iter_lines()] == BODY.decode().splitlines()
            release.clear()
            async with client.spaces.with_streaming_response.list() as streamed:
                release.set()
                assert "".join([text async for text in streamed.iter_text()]) == BODY.decode()


def test_iter_text_and_iter_lines() -> None:
    release = threading.Event()
    release.set()
    with HostileServer(held_back(release)) as server, DustClient(config_for(server)) as client:
        with client.spaces.with_streaming_response.list() as streamed:
            assert "".join(streamed.iter_text()) == BODY.decode()
        with client.spaces.with_streaming_response.list() as streamed:
            assert list(streamed.iter_lines()) == BODY.decode().splitlines()


def test_close_ends_the_response_without_reading_the_rest() -> None:
    release = threading.Event()
    with HostileServer(held_back(release)) as server, DustClient(config_for(server)) as client:
        with client.spaces.with_streaming_response.list() as streamed:
            streamed.close()
            assert streamed.http_response.is_closed
            assert not streamed.http_response.is_stream_consumed
        release.set()


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_body_cut_while_iterating_is_a_typed_error(mode: str) -> None:
    release = threading.Event()
    with HostileServer(held_back(release, cut=True)) as server:
        if mode == "sync":
            with (
                DustClient(config_for(server)) as client,
                client.spaces.with_streaming_response.list() as sync,
            ):
                release.set()
                with pytest.raises(DustConnectionError, match="reading the body of GET"):
                    list(sync.iter_bytes())
            return

        async def scenario() -> None:
            async with (
                AsyncDustClient(config_for(server)) as client,
                client.spaces.with_streaming_response.list() as streamed,
            ):
                release.set()
                with pytest.raises(DustConnectionError, match="reading the body of GET"):
                    await streamed.read()

        asyncio.run(scenario())


def test_the_raw_view_parses_on_first_use() -> None:
    release = threading.Event()
    release.set()
    with HostileServer(held_back(release)) as server, DustClient(config_for(server)) as client:
        parsed: list[object] = []
        raw = client.spaces.with_raw_response.list()
        assert raw.http_response.content == BODY  # read, as with openai's raw responses
        parsed.append(raw.parse())
        assert raw.parse() is parsed[0]
        assert parsed == [[]]


def test_only_one_call_methods_are_described() -> None:
    config = DustConfig(workspace_id="W", api_key="sk-describe", base_url="http://127.0.0.1:9")
    with DustClient(config) as client:
        described = describe_call(client.spaces.list, kinds=["regular"])
        assert described is not None
        sender, call = described
        assert sender is client
        assert (call.method, call.path, call.params) == ("GET", "/api/v1/w/W/spaces", {"kinds": "regular"})
        # A method that wraps its result in a page (more than the call's own parse) runs as it is.
        assert describe_call(client.search.nodes, "roadmap") is None
        # So does a method made of several requests (create, then upload).
        assert describe_call(client.files.upload, b"x", file_name="x.txt") is None


def test_the_blocking_and_asyncio_twins_mark_the_same_methods_one_call() -> None:
    verdicts: dict[str, tuple[bool, bool]] = {}
    for module in pkgutil.iter_modules(dust_ext.resources.__path__):
        if module.name.startswith("_"):
            continue
        asynchronous = importlib.import_module(f"dust_ext.resources.{module.name}._async")
        blocking = importlib.import_module(f"dust_ext.resources.{module.name}._sync")
        for class_name, cls in vars(asynchronous).items():
            if not (isinstance(cls, type) and issubclass(cls, AsyncResource) and cls is not AsyncResource):
                continue
            twin = getattr(blocking, class_name.removeprefix("Async"))
            assert issubclass(twin, Resource)
            for name, function in vars(cls).items():
                if inspect.isfunction(function) and not name.startswith("_"):
                    verdicts[f"{class_name}.{name}"] = (is_one_call(function), is_one_call(vars(twin)[name]))
    assert [name for name, (a, b) in verdicts.items() if a != b] == []
    one_call_methods = sorted(name for name, (a, _) in verdicts.items() if a)
    assert "AsyncSpaces.list" in one_call_methods  # generated
    assert "AsyncMentions.suggestions" in one_call_methods  # generated, its path chosen by an argument
    assert "AsyncFiles.upload" not in one_call_methods
    assert "AsyncSearch.nodes" not in one_call_methods
    assert len(one_call_methods) > len(verdicts) / 2  # most methods are one call


class Misdeclared(Resource):
    """Methods marked one call that are not: the wrappers must refuse them, not send half of them."""

    @one_call
    def twice(self) -> bool:
        self._run(Call("DELETE", "spaces/a", always_true))
        return self._run(Call("DELETE", "spaces/b", always_true))

    @one_call
    def converted(self) -> str:
        return str(self._run(Call("GET", "spaces", always_true)))


def test_a_method_marked_one_call_that_is_not_is_refused_before_sending() -> None:
    config = DustConfig(workspace_id="W", api_key="sk-describe", base_url="http://127.0.0.1:9")
    with DustClient(config) as client:
        resource = Misdeclared(client)
        with pytest.raises(AssertionError, match="second call: DELETE spaces/b"):
            describe_call(resource.twice)
        with pytest.raises(AssertionError, match="does not return its call's result"):
            describe_call(resource.converted)
