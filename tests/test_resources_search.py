"""client.search against the emulator, sync and async: the workspace node search (JSON pages) and its
server-sent-events variant; plus the pure frame decoder."""

from __future__ import annotations

from typing import Any, assert_type, cast

import httpx
import pytest
from knowledge_support import SOURCE, SPACE, call, collect
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustBadRequestError, DustClient, DustConfig
from dust_ext._core.sse import ServerSentEvent
from dust_ext.data_sources import ContentNode, NodeSearchEvent, NodeSearchPage
from dust_ext.exceptions import DustDecodeError
from dust_ext.pagination import AsyncPage, Page
from dust_ext.resources.search import (
    AsyncNodeSearchResultPage,
    NodeSearchResultPage,
    decode_search_frame,
    view_type_value,
)
from dust_ext.testing import EmulatorServer


@pytest.fixture
def kb(dust: Any) -> Any:
    dust = dust
    documents = dust.data_sources.documents
    for index in range(5):
        documents.upsert(SPACE, SOURCE, f"plan-{index}", text="...", title=f"Roadmap plan {index}")
    documents.upsert(
        SPACE, SOURCE, "memo", text="...", title="Office memo", source_url="https://wiki/roadmap"
    )
    dust.data_sources.tables.upsert(
        SPACE, SOURCE, name="roadmap", description="Items", table_id="tbl_roadmap"
    )
    dust.data_sources.folders.upsert(SPACE, SOURCE, "folder-roadmap", title="Roadmap folder")
    return dust


# --- pure ------------------------------------------------------------------------------------------------


def frame(data: str) -> ServerSentEvent:
    return ServerSentEvent(data=data)


def test_decode_search_frames() -> None:
    url = "http://dust/search"
    wrapped = decode_search_frame(
        frame('{"eventId":"e1","data":{"type":"search_results","nodes":[{"title":"A"}]}}'), url
    )
    assert wrapped is not None
    assert (wrapped.type, wrapped.eventId, [n.title for n in wrapped.nodes]) == (
        "search_results",
        "e1",
        ["A"],
    )
    bare = decode_search_frame(frame('{"nodes":[],"extra":1}'), url)
    assert bare is not None
    assert bare.type == "results"
    assert bare.model_extra == {"extra": 1}
    unknown = decode_search_frame(frame('{"type":"progress","percent":50}'), url)
    assert unknown is not None
    assert unknown.model_extra == {"percent": 50}
    assert decode_search_frame(frame(""), url) is None
    assert decode_search_frame(frame("done"), url) is None
    with pytest.raises(DustDecodeError) as info:
        decode_search_frame(frame("{not json"), url)
    assert info.value.body == "{not json"
    with pytest.raises(DustDecodeError):
        decode_search_frame(frame("[1, 2]"), url)


def test_decode_dusts_own_search_frames() -> None:
    # front-api/routes/v1/w/[wId]/search/index.ts writes these, without event ids.
    url = "http://dust/search"
    knowledge = decode_search_frame(
        frame(
            '{"knowledgeResults":{"nodes":[{"internalId":"d1","parentsInternalIds":["d1"]}],'
            '"warningCode":"truncated-query-clauses","nextPageCursor":"c2","resultsCount":7}}'
        ),
        url,
    )
    assert knowledge is not None
    assert (knowledge.type, knowledge.nextPageCursor, knowledge.resultsCount, knowledge.warningCode) == (
        "knowledge_results",
        "c2",
        7,
        "truncated-query-clauses",
    )
    assert knowledge.nodes[0].parentsInternalIds == ["d1"]
    tools = decode_search_frame(frame('{"toolResults":[{"externalId":"x","title":"Doc"}]}'), url)
    assert tools is not None
    assert (tools.type, tools.toolResults) == ("tool_results", [{"externalId": "x", "title": "Doc"}])
    failed = '{"error":{"status":400,"error":{"type":"invalid_request_error","message":"bad query"}}}'
    with pytest.raises(DustBadRequestError) as info:
        decode_search_frame(frame(failed), url)
    assert (info.value.error_type, info.value.message) == ("invalid_request_error", "bad query")


def test_the_streamed_search_sends_dusts_query_names() -> None:
    # Dust validates viewType against table | document | all; the JS SDK's plural forms are a 400 there.
    seen: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(400, json={"error": {"type": "invalid_request_error", "message": "recorded"}})

    config = DustConfig(workspace_id="w1", api_key="sk-search")
    with DustClient(config, http_client=httpx.Client(transport=httpx.MockTransport(refuse))) as client:
        nodes = client.search.stream_nodes(
            "roadmap", space_ids=["a", "b"], view_type="tables", search_source_urls=True, limit=5
        )
        with pytest.raises(DustBadRequestError):
            next(iter(nodes))
    (request,) = seen
    assert request.url.path == "/api/v1/w/w1/search"
    assert dict(request.url.params) == {
        "query": "roadmap",
        "spaceIds": "a,b",
        "viewType": "table",
        "searchSourceUrls": "true",
        "limit": "5",
    }
    assert view_type_value("documents") == "document"  # what search.nodes sends (tests/test_pagination.py)
    with pytest.raises(TypeError, match="view_type"):
        view_type_value(cast(Any, "folders"))


# --- on the emulator -------------------------------------------------------------------------------------


def test_node_search_pages_and_filters(kb: Any) -> None:
    page = kb.search.nodes("roadmap")
    assert isinstance(page, Page | AsyncPage)
    assert isinstance(page.body, NodeSearchPage)
    assert all(isinstance(node, ContentNode) for node in page.nodes)
    assert page.resultsCount == 7
    kinds = sorted({node.type for node in page.nodes if node.type})
    assert kinds == ["document", "folder", "table"]
    assert page.nodes[0].dataSource is not None
    assert page.nodes[0].dataSource.sId == SOURCE

    first = kb.search.nodes("roadmap plan", limit=2)
    assert [node.internalId for node in first.nodes] == ["plan-0", "plan-1"]
    assert first.nextPageCursor is not None
    seen = [node.internalId for node in first.nodes]
    cursor = first.nextPageCursor
    while cursor is not None:
        following = kb.search.nodes("roadmap plan", limit=2, cursor=cursor)
        seen += [node.internalId for node in following.nodes]
        cursor = following.nextPageCursor
    assert seen == [f"plan-{index}" for index in range(5)]

    second = call(kb, first.get_next_page)
    assert [node.internalId for node in second.items] == ["plan-2", "plan-3"]
    assert [node.internalId for node in collect(kb, first)] == seen
    pages = collect(kb, first.iter_pages())
    assert [len(one.nodes) for one in pages] == [2, 2, 1]
    assert (pages[-1].nextPageCursor, pages[-1].has_next_page()) == (None, False)
    assert all(one.resultsCount == 5 and one.warningCode is None for one in pages)
    resumed = kb.search.nodes("roadmap plan", limit=2, cursor=first.nextPageCursor)
    assert [node.internalId for node in collect(kb, resumed)] == seen[2:]

    assert [node.internalId for node in kb.search.nodes("roadmap", view_type="table").nodes] == [
        "tbl_roadmap"
    ]
    assert [node.internalId for node in kb.search.nodes("roadmap", node_ids=["plan-3"]).nodes] == ["plan-3"]
    assert kb.search.nodes("roadmap", space_ids=["vlt_other"]).nodes == []
    assert kb.search.nodes("wiki roadmap").nodes == []
    by_url = kb.search.nodes("wiki roadmap", search_source_urls=True)
    assert [node.internalId for node in by_url.nodes] == ["memo"]


def test_streamed_node_search_yields_dusts_knowledge_results(kb: Any) -> None:
    events = collect(kb, kb.search.stream_nodes("roadmap plan"))
    assert all(isinstance(event, NodeSearchEvent) for event in events)
    assert [event.type for event in events] == ["knowledge_results"]
    assert [node.internalId for node in events[0].nodes] == [f"plan-{i}" for i in range(5)]
    assert events[0].resultsCount == 5
    assert events[0].nextPageCursor is None

    paged = collect(kb, kb.search.stream_nodes("roadmap", limit=3, view_type="documents", space_ids=[SPACE]))
    assert sum(len(event.nodes) for event in paged) == 3
    assert paged[-1].nextPageCursor == "3"
    assert {node.type for event in paged for node in event.nodes} == {"document"}


def test_streamed_search_errors_surface_on_first_iteration(kb: Any) -> None:
    with pytest.raises(DustBadRequestError) as info:
        collect(kb, kb.search.stream_nodes("ab"))
    assert "3 characters" in info.value.message


# --- typed raw access ------------------------------------------------------------------------------------


def test_raw_response_of_node_search_is_typed(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        client.data_sources.documents.upsert(SPACE, SOURCE, "plan", text="...", title="Roadmap plan")
        raw = client.search.with_raw_response.nodes("roadmap")
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        assert raw.http_response.request.method == "POST"
        page = assert_type(raw.parse(), NodeSearchResultPage)
        assert [node.internalId for node in page.nodes] == ["plan"]
        with client.search.with_streaming_response.nodes("roadmap", limit=1) as streamed:
            assert streamed.status_code == 200
            assert assert_type(streamed.parse(), NodeSearchResultPage).resultsCount == 1


async def test_async_raw_response_of_node_search_is_typed(fresh_dust_emulator: EmulatorServer) -> None:
    async with AsyncDustClient(emulator_config(fresh_dust_emulator)) as client:
        await client.data_sources.documents.upsert(SPACE, SOURCE, "plan", text="...", title="Roadmap plan")
        raw = await client.search.with_raw_response.nodes("roadmap")
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        page = assert_type(raw.parse(), AsyncNodeSearchResultPage)
        assert [node.internalId for node in page.nodes] == ["plan"]
        async with client.search.with_streaming_response.nodes("roadmap", limit=1) as streamed:
            assert streamed.status_code == 200
            assert assert_type(await streamed.parse(), AsyncNodeSearchResultPage).resultsCount == 1
