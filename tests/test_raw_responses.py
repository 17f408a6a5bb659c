"""Typed raw access (``with_raw_response`` / ``with_streaming_response``) on every resource.

Two kinds of proof: every public method of every resource (sub-resources included, both clients) is
listed in its raw views, read from the client by introspection so that a method added without its raw
twin fails here; and on the emulator, a method of each resource gives its HTTP status, headers and
request, and ``parse()`` gives what the plain call returns, with the blocking and the asyncio client.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import UnionType
from typing import Any

import pytest
from knowledge_support import SOURCE, SPACE, VIEW
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient, DustConfig, RawResponse
from dust_ext._client import LazyResource
from dust_ext.data_sources import (
    DataSource,
    DataSourceView,
    Document,
    File,
    Folder,
    SearchResult,
    Space,
    Table,
)
from dust_ext.resources._base import AsyncResource, AsyncStreamedResponse, Resource, StreamedResponse
from dust_ext.resources.data_sources import (
    AsyncDocumentListPage,
    AsyncTableRowListPage,
    DocumentListPage,
    TableRowListPage,
)
from dust_ext.resources.mentions import MentionSuggestion
from dust_ext.resources.search import AsyncNodeSearchResultPage, NodeSearchResultPage
from dust_ext.resources.skills import Skill
from dust_ext.resources.workspace import VerifiedDomain
from dust_ext.testing import EmulatorServer

# --- every method has its raw twin (introspection) ---------------------------------------------------------

# Resources still on the old pattern (no typed raw views yet). Strict: once an area is converted, its
# entry makes the test fail (XPASS) until it is deleted here, so the check then covers it for good.
NOT_CONVERTED: set[str] = set()

# The only methods a raw view may leave out, each with the reason: they send many requests (or none), so no single
# response stands for them.
WITHOUT_RAW_TWIN = {
    "data_sources.documents.iter": "deprecated alias walking every page: list() gives the first page's response",
    "data_sources.tables.rows.iter": "deprecated alias walking every page: list() gives the first page's response",
    "mcp.serve": "runs a tool server until stopped: many requests, no single response",
    "chat.session": "sends nothing itself: each turn is a send or a stream, with their own raw twins",
}

OFFLINE = DustConfig(workspace_id="w_offline", api_key="sk-offline", base_url="http://127.0.0.1:9")


def _resource_names() -> list[str]:
    return sorted(name for name, value in vars(DustClient).items() if isinstance(value, LazyResource))


def _public_methods(resource: object) -> list[str]:
    """The methods a user calls on ``resource`` (what its class defines, not starting with ``_``)."""
    return [
        name
        for name, _function in inspect.getmembers(type(resource), inspect.isfunction)
        if not name.startswith("_")
    ]


def _sub_resources(resource: object) -> dict[str, Any]:
    return {
        name: value
        for name, value in vars(resource).items()
        if not name.startswith("_") and isinstance(value, Resource | AsyncResource)
    }


def _missing_from_raw_views(resource: Any, path: str) -> Iterator[str]:
    raw, streaming = resource.with_raw_response, resource.with_streaming_response
    for name in _public_methods(resource):
        if f"{path}.{name}" in WITHOUT_RAW_TWIN:
            continue
        method = getattr(resource, name)
        if getattr(getattr(raw, name, None), "__wrapped__", None) != method:
            yield f"{path}.with_raw_response.{name}"
        if not callable(getattr(streaming, name, None)):
            yield f"{path}.with_streaming_response.{name}"
    for name, sub in _sub_resources(resource).items():
        if getattr(raw, name, None) is not sub.with_raw_response:
            yield f"{path}.with_raw_response.{name}"
        if getattr(streaming, name, None) is not sub.with_streaming_response:
            yield f"{path}.with_streaming_response.{name}"
        yield from _missing_from_raw_views(sub, f"{path}.{name}")


def _offline_clients() -> Iterator[object]:
    with DustClient(OFFLINE) as client:
        yield client
    asynchronous = AsyncDustClient(OFFLINE)
    yield asynchronous
    asyncio.run(asynchronous.close())


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="not converted yet"))
        if name in NOT_CONVERTED
        else name
        for name in _resource_names()
    ],
)
def test_every_public_method_has_a_raw_and_a_streaming_twin(name: str) -> None:
    missing = []
    for client in _offline_clients():
        missing += [
            f"{type(client).__name__}: {gap}" for gap in _missing_from_raw_views(getattr(client, name), name)
        ]
    assert missing == []


def test_each_method_left_out_of_the_raw_views_exists() -> None:
    """A stale entry of WITHOUT_RAW_TWIN (a renamed or removed method) fails here."""
    for client in _offline_clients():
        for qualified in WITHOUT_RAW_TWIN:
            *path, method = qualified.split(".")
            target: Any = client
            for part in path:
                target = getattr(target, part)
            assert method in _public_methods(target), qualified


def test_the_introspection_sees_sub_resources_and_every_method() -> None:
    """The check above reads what it must: sub-resources and every method, generators included."""
    with DustClient(OFFLINE) as client:
        data_sources = client.data_sources
        assert set(_sub_resources(data_sources)) == {"documents", "tables", "folders"}
        assert set(_sub_resources(data_sources.tables)) == {"rows"}
        assert set(_public_methods(data_sources.documents)) == {
            "list",
            "iter",
            "get",
            "upsert",
            "delete",
            "update_parents",
        }
        assert "search" in _public_methods(client.data_source_views)


def test_a_method_missing_from_a_raw_view_is_reported() -> None:
    with DustClient(OFFLINE) as client:
        rows = client.data_sources.tables.rows
        del rows.with_raw_response.get
        rows.with_streaming_response.upsert = None
        assert list(_missing_from_raw_views(client.data_sources, "data_sources")) == [
            "data_sources.tables.rows.with_raw_response.get",
            "data_sources.tables.rows.with_streaming_response.upsert",
        ]


# --- each resource's raw access on the emulator, both clients ----------------------------------------------


def _add_document(client: DustClient, text: str) -> None:
    client.data_sources.documents.upsert(SPACE, SOURCE, "raw-search", text=text)


def _make_table(client: DustClient) -> None:
    client.data_sources.tables.upsert(SPACE, SOURCE, name="staff", description="People", table_id="tbl_raw")
    client.data_sources.tables.rows.upsert(
        SPACE, SOURCE, "tbl_raw", [{"row_id": "r1", "value": {"name": "Ada"}}]
    )


@dataclass(frozen=True)
class RawCase:
    """One method called through the raw views: where it is, its arguments, and what must come back."""

    method: str
    args: tuple[Any, ...]
    http_method: str
    path_end: str
    parsed: type | UnionType | tuple[type, type]
    kwargs: dict[str, Any] = field(default_factory=dict)
    prepare: Callable[[DustClient], None] | None = None
    query: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.method


CASES = [
    RawCase("spaces.list", (), "GET", "/spaces", (list, Space)),
    RawCase("data_sources.list", (SPACE,), "GET", f"/spaces/{SPACE}/data_sources", (list, DataSource)),
    RawCase(
        "data_sources.search",
        (SPACE, SOURCE, "sleep"),
        "GET",
        f"/data_sources/{SOURCE}/search",
        (list, SearchResult),
        kwargs={"top_k": 1, "full_text": True},
        prepare=lambda client: _add_document(client, "cats sleep all day"),
        query={"top_k": "1", "full_text": "true", "query": "sleep"},
    ),
    RawCase(
        "data_sources.documents.upsert",
        (SPACE, SOURCE, "raw-doc"),
        "POST",
        f"/data_sources/{SOURCE}/documents/raw-doc",
        Document,
        kwargs={"text": "raw text", "async_upsert": False},
    ),
    RawCase(
        "data_sources.folders.upsert",
        (SPACE, SOURCE, "raw-folder"),
        "POST",
        f"/data_sources/{SOURCE}/folders/raw-folder",
        Folder,
        kwargs={"title": "Raw"},
    ),
    RawCase(
        "data_sources.tables.get",
        (SPACE, SOURCE, "tbl_raw"),
        "GET",
        f"/data_sources/{SOURCE}/tables/tbl_raw",
        Table,
        prepare=_make_table,
    ),
    RawCase(
        "data_sources.tables.rows.list",
        (SPACE, SOURCE, "tbl_raw"),
        "GET",
        f"/data_sources/{SOURCE}/tables/tbl_raw/rows",
        TableRowListPage | AsyncTableRowListPage,
        prepare=_make_table,
    ),
    RawCase(
        "data_sources.documents.list",
        (SPACE, SOURCE),
        "GET",
        f"/data_sources/{SOURCE}/documents",
        DocumentListPage | AsyncDocumentListPage,
        kwargs={"limit": 1},
        prepare=lambda client: _add_document(client, "a page of one"),
        query={"limit": "1"},
    ),
    RawCase(
        "search.nodes",
        ("raw-search",),
        "POST",
        "/search",
        NodeSearchResultPage | AsyncNodeSearchResultPage,
        prepare=lambda client: _add_document(client, "found by title"),
    ),
    RawCase(
        "data_source_views.get",
        (SPACE, VIEW),
        "GET",
        f"/spaces/{SPACE}/data_source_views/{VIEW}",
        DataSourceView,
    ),
    RawCase(
        "files.upload",
        (b"col\n1\n",),
        "POST",
        "/files",
        File,
        kwargs={"file_name": "raw.csv", "use_case": "upsert_table"},
    ),
    RawCase("workspace.verified_domains", (), "GET", "/verified_domains", (list, VerifiedDomain)),
    RawCase("mentions.suggestions", ("ech",), "GET", "/mentions/suggestions", (list, MentionSuggestion)),
    RawCase("skills.list", (), "GET", "/skills", (list, Skill)),
    RawCase(
        "triggers.send_webhook",
        ("whs_emulator", "whsec_emulator", {"event": "deploy"}),
        "POST",
        "/triggers/hooks/whs_emulator/whsec_emulator",
        bool,
    ),
]


def _view(client: object, case: RawCase, kind: str) -> Callable[..., Any]:
    """``client.<resource path>.<kind>.<method>``, e.g. ``client.spaces.with_raw_response.list``."""
    *resource_path, method = case.method.split(".")
    target: Any = client
    for part in resource_path:
        target = getattr(target, part)
    function: Callable[..., Any] = getattr(getattr(target, kind), method)
    return function


def _plain(client: object, case: RawCase) -> Callable[..., Any]:
    *resource_path, method = case.method.split(".")
    target: Any = client
    for part in [*resource_path, method]:
        target = getattr(target, part)
    function: Callable[..., Any] = target
    return function


def _check(raw: RawResponse[Any], case: RawCase) -> Any:
    assert isinstance(raw, RawResponse)
    _check_details(raw, case)
    return _check_parsed(raw.parse(), case)


def _check_details(
    raw: RawResponse[Any] | StreamedResponse[Any] | AsyncStreamedResponse[Any], case: RawCase
) -> None:
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    request = raw.http_response.request
    assert (request.method, request.url.path.endswith(case.path_end)) == (case.http_method, True), request.url
    for name, value in case.query.items():
        assert request.url.params[name] == value


def _check_parsed(parsed: Any, case: RawCase) -> Any:
    if isinstance(case.parsed, tuple):
        container, item = case.parsed
        assert isinstance(parsed, container)
        assert parsed
        assert all(isinstance(element, item) for element in parsed)
    else:
        assert isinstance(parsed, case.parsed)
    return parsed


def _shape(value: Any) -> Any:
    """What a result is made of: its type, item by item for a list (ids and times are the server's own,
    new on every call)."""
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_raw_and_streaming_response_sync(case: RawCase, fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        if case.prepare:
            case.prepare(client)
        raw = _view(client, case, "with_raw_response")(*case.args, **case.kwargs)
        parsed = _check(raw, case)
        with _view(client, case, "with_streaming_response")(*case.args, **case.kwargs) as streamed:
            assert isinstance(streamed, StreamedResponse)
            _check_details(streamed, case)
            assert _shape(_check_parsed(streamed.parse(), case)) == _shape(parsed)
        assert _shape(_plain(client, case)(*case.args, **case.kwargs)) == _shape(parsed)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_raw_and_streaming_response_async(case: RawCase, fresh_dust_emulator: EmulatorServer) -> None:
    config = emulator_config(fresh_dust_emulator)
    if case.prepare:
        with DustClient(config) as setup:
            case.prepare(setup)

    async def scenario() -> None:
        client = AsyncDustClient(config)
        try:
            raw = await _view(client, case, "with_raw_response")(*case.args, **case.kwargs)
            parsed = _check(raw, case)
            async with _view(client, case, "with_streaming_response")(*case.args, **case.kwargs) as streamed:
                assert isinstance(streamed, AsyncStreamedResponse)
                _check_details(streamed, case)
                assert _shape(_check_parsed(await streamed.parse(), case)) == _shape(parsed)
            plain = await _plain(client, case)(*case.args, **case.kwargs)
            assert _shape(plain) == _shape(parsed)
        finally:
            await client.close()

    asyncio.run(scenario())


def test_search_filters_are_checked_like_keyword_arguments(fresh_dust_emulator: EmulatorServer) -> None:
    """The search filters are written once (``SearchFilters``); a misspelt one is still refused by name."""
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        with pytest.raises(TypeError, match=r"data_sources\.search\(\) .*: topk"):
            client.data_sources.search(SPACE, SOURCE, "sleep", topk=1)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match=r"data_source_views\.search\(\) .*: tag_in"):
            client.data_source_views.search(SPACE, VIEW, "sleep", tag_in=["a"])  # type: ignore[call-arg]
