"""Every id that goes into a URL path stays one segment, or the call is refused before any request.

The resource methods are found by introspecting the clients, and which of their arguments land in the path
is found by calling each method once with marker ids against a hostile server: a new method (or a new id
argument) is covered without editing this file. Then each path id is set to ``""``, ``"."`` and ``".."``
(which percent-encoding keeps and HTTP stacks resolve away) and the server must receive nothing.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustError, DustInvalidIdError, RetryPolicy
from dust_ext._client import LazyResource
from dust_ext._core.paths import check_relative_path
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

# Every method is called, the deprecated `iter` aliases too (they still send requests with path ids).
pytestmark = pytest.mark.filterwarnings(r"ignore:.*\.iter\(\) is deprecated:DeprecationWarning")

NO_RETRIES = RetryPolicy(max_retries=0)
BAD_IDS = ["", ".", ".."]

# Values for required arguments that are not ids; any value of the right shape does.
DUMMIES: dict[str, Any] = {
    "q": "q",
    "query": "q",
    "text": "t",
    "content": "c",
    "rows": [],
    "parents": [],
    "thumb_direction": "up",
    "message_ids": ["m1"],
    "result": {},
    "payload": {},
    "apps": [],
    "markdown": "m",
    "email": "e@x.y",
    "start": "2025-01",
    "title": "t",
    "verdict": "approved",
    "agent": "dust",
    "action": "add",
    "server_name": "s",
    "name": "n",
    "specification_hash": "h",
    "config": {},
    "inputs": [],
    "description": "d",
    "instructions": "i",
}
# Arguments some methods need beyond their required ones to get as far as sending.
EXTRAS: dict[str, dict[str, Any]] = {
    "conversations.answer_question": {"custom_response": "x"},
    "chat.send": {"text": "hi"},
    "chat.stream": {"text": "hi"},
    "data_sources.documents.upsert": {"text": "t"},
    "data_source_views.update": {"parents_in": []},
}
# Methods whose requests do not depend on an id argument, or that loop forever by design.
NOT_ID_CALLS = {"mcp.serve", "chat.session"}


def _not_found(exchange: Exchange) -> None:
    exchange.send(
        response_bytes(
            404, b'{"error": {"type": "not_found", "message": "no"}}', content_type="application/json"
        )
    )


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with HostileServer(_not_found) as running:
        yield running


def _config(server: HostileServer) -> DustConfig:
    return DustConfig(workspace_id="W", api_key="sk-test", base_url=server.url, timeout=5.0)


def _resources(client: object, prefix: str = "") -> Iterator[tuple[str, object]]:
    if not prefix:
        for name, attribute in vars(type(client)).items():
            if isinstance(attribute, LazyResource):
                yield from _resources(getattr(client, name), name)
        return
    yield prefix, client
    for name, value in inspect.getmembers(client):
        if not name.startswith("_") and hasattr(value, "_client") and name != "with_raw_response":
            yield from _resources(value, f"{prefix}.{name}")


@dataclass(frozen=True)
class Method:
    qualified: str
    ids: tuple[str, ...]
    required: tuple[str, ...]


# Id-named arguments that are not ids of their own: a resume cursor, the seed API's alias of conversation_id.
NOT_IDS = {"last_event_id", "conv_id"}


# Path arguments whose names do not end with _id.
OTHER_PATH_ARGUMENTS = {"sid", "url_secret"}


def _id_like(name: str) -> bool:
    return name in OTHER_PATH_ARGUMENTS or (name.endswith("_id") and name not in NOT_IDS)


def _methods(client: object) -> list[Method]:
    found = []
    for prefix, resource in _resources(client):
        for name, function in inspect.getmembers(type(resource), inspect.isfunction):
            qualified = f"{prefix}.{name}"
            if name.startswith("_") or qualified in NOT_ID_CALLS:
                continue
            parameters = list(inspect.signature(function).parameters.values())[1:]
            ids = tuple(p.name for p in parameters if _id_like(p.name))
            required = tuple(
                p.name
                for p in parameters
                if p.default is inspect.Parameter.empty
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                and not _id_like(p.name)
            )
            if ids:
                found.append(Method(qualified, ids, required))
    return found


def _bound(client: object, qualified: str) -> Callable[..., Any]:
    target: Any = client
    for part in qualified.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


_LOOP = asyncio.new_event_loop()  # one loop for the async client's connection pool


def _drive(result: Any) -> None:
    """Run whatever the method returned far enough to send its first request."""
    if inspect.isawaitable(result) or hasattr(result, "__aenter__") or hasattr(result, "__anext__"):
        _LOOP.run_until_complete(_adrive(result))
    elif hasattr(result, "__enter__"):
        with result:
            pass
    elif hasattr(result, "__next__"):
        next(result, None)


async def _adrive(result: Any) -> None:
    if inspect.isawaitable(result):
        result = await result
    if hasattr(result, "__aenter__"):
        async with result:
            pass
    elif hasattr(result, "__anext__"):
        await anext(result, None)


def _call(client: object, method: Method, ids: dict[str, str]) -> None:
    arguments = {name: DUMMIES[name] for name in method.required}
    arguments.update(EXTRAS.get(method.qualified, {}))
    arguments.update(ids)
    _drive(_bound(client, method.qualified)(**arguments))


def _path_ids(client: object, server: HostileServer, method: Method) -> list[str]:
    """The id arguments of ``method`` that end up in the request path."""
    markers = {name: f"marker-{name}" for name in method.ids}
    before = len(server.requests)
    with pytest.raises(DustError):
        _call(client, method, markers)
    sent = server.requests[before:]
    if not sent:  # an operation Dust's API does not offer (DustNotSupportedError): nothing to send
        return []
    return [name for name, marker in markers.items() if marker in sent[0].path]


def _clients(server: HostileServer) -> list[object]:
    config = _config(server)
    return [
        DustClient(config, retry_policy=NO_RETRIES),
        AsyncDustClient(config, retry_policy=NO_RETRIES),
    ]


def test_every_resource_method_with_a_path_id_refuses_dot_and_empty_ids(server: HostileServer) -> None:
    checked: list[str] = []
    for client in _clients(server):
        methods = _methods(client)
        assert len(methods) > 40  # the introspection found the resources
        for method in methods:
            for name in _path_ids(client, server, method):
                for bad in BAD_IDS:
                    ids = {other: f"ok-{other}" for other in method.ids}
                    ids[name] = bad
                    before = len(server.requests)
                    with pytest.raises(DustInvalidIdError) as info:
                        _call(client, method, ids)
                    assert server.requests[before:] == [], (
                        f"{method.qualified}({name}={bad!r}) sent a request"
                    )
                    assert info.value.name == name
                checked.append(f"{type(client).__name__}.{method.qualified}.{name}")
    # Spot-check that the dangerous ones of the issue are among those proven.
    for expected in (
        "DustClient.data_sources.tables.rows.delete.row_id",
        "DustClient.data_sources.documents.delete.document_id",
        "DustClient.conversations.get.conversation_id",
        "AsyncDustClient.files.delete.file_id",
        "DustClient.conversations.stream_message_events.message_id",
    ):
        assert expected in checked


@pytest.mark.parametrize("odd", ["a/b", "a?b=1", "a#b", "%2e%2e", "a b", "é"])
def test_other_odd_ids_stay_one_encoded_segment(server: HostileServer, odd: str) -> None:
    client = DustClient(_config(server), retry_policy=NO_RETRIES)
    before = len(server.requests)
    with pytest.raises(DustError):
        client.conversations.get(odd)
    (request,) = server.requests[before:]
    assert request.path.startswith("/api/v1/w/W/assistant/conversations/")
    segment = request.path.removeprefix("/api/v1/w/W/assistant/conversations/")
    assert "/" not in segment
    assert "?" not in request.target
    assert "#" not in request.target


@pytest.mark.parametrize(
    "path",
    [
        "spaces/..",
        "spaces/./x",
        "spaces//x",
        "../../x",
        "spaces/%2e%2e",
        "spaces/.%2E",
        "spaces?x=1",
        "spaces#f",
    ],
)
def test_workspace_request_refuses_paths_that_leave_their_segments(server: HostileServer, path: str) -> None:
    client = DustClient(_config(server), retry_policy=NO_RETRIES)
    before = len(server.requests)
    with pytest.raises(DustInvalidIdError):
        client.workspace_request("GET", path)
    assert server.requests[before:] == []


def test_workspace_request_with_params_and_a_clean_path_is_sent(server: HostileServer) -> None:
    client = DustClient(_config(server), retry_policy=NO_RETRIES)
    before = len(server.requests)
    with pytest.raises(DustError):
        client.workspace_request("GET", "spaces/sp.1/data_sources", params={"x": "1"})
    (request,) = server.requests[before:]
    assert (request.path, request.query) == ("/api/v1/w/W/spaces/sp.1/data_sources", {"x": ["1"]})


@pytest.mark.parametrize("workspace_id", ["W/../../x", "W?y=1", "W#f", "..", ".", "W x", "W%2F"])
def test_config_refuses_a_workspace_id_that_is_not_one_segment(workspace_id: str) -> None:
    from dust_ext import DustConfigError

    with pytest.raises(DustConfigError, match="workspace"):
        DustConfig(workspace_id=workspace_id, api_key="sk-test")


def test_validate_uses_the_encoded_workspace_even_when_validation_was_bypassed(server: HostileServer) -> None:
    # model_construct skips validation (pydantic's escape hatch): the request path still refuses to leave.
    config = _config(server).model_copy()
    unsafe = DustConfig.model_construct(**{**dict(config), "workspace_id": ".."})
    client = DustClient(unsafe, retry_policy=NO_RETRIES)
    before = len(server.requests)
    with pytest.raises(DustInvalidIdError):
        client.validate()
    assert server.requests[before:] == []


def test_check_relative_path_accepts_ordinary_paths() -> None:
    for path in ["spaces", "/api/v1/w/W/spaces/s.1/x", "files/fil_%2Fx", "a.b/c..d/...x"]:
        check_relative_path(path)
