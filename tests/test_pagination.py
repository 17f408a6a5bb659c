"""The pure page decisions (dust_ext._core.pagination) and the requests the generated list methods send for
the following pages; the page classes are exercised on the emulator by the resources that return them
(tests/test_resources_data.py, tests/test_resources_search.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from dust_ext import DustClient, DustConfig
from dust_ext._core.call import Call, RequestOptions, parsed
from dust_ext._core.pagination import (
    PageData,
    cursor_page,
    next_offset,
    offset_page,
    paged_by_cursor,
    paged_by_offset,
)
from dust_ext.types.data_sources import DocumentPage, TableRowPage
from dust_ext.types.search import NodeSearchPage

CONFIG = DustConfig(workspace_id="w_pages", api_key="sk-pages")


def _body(response: httpx.Response) -> Any:
    return json.loads(response.content)


def _answer(call: Call[Any], body: dict[str, Any]) -> Any:
    response = httpx.Response(200, json=body, request=httpx.Request(call.method, "https://dust.tt/x"))
    return call.parse(response)


def _documents_call(offset: int) -> Call[Any]:
    return Call("GET", "data_sources/ds/documents", _body, params={"offset": offset, "limit": 2})


def _walk_offsets(total: int | None, pages: list[list[int]]) -> list[tuple[int, list[int]]]:
    """The offsets requested and items read when the server answers ``pages`` in turn."""
    seen = []
    call: Call[PageData[int]] | None = offset_page(
        _documents_call,
        offset=0,
        page_size=2,
        items_of=lambda b: b["items"],
        total_of=lambda b: b.get("total"),
    )
    for items in pages:
        assert call is not None
        body = {"items": items} if total is None else {"items": items, "total": total}
        page = _answer(call, body)
        seen.append((call.params["offset"], page.items))
        call = page.next_call
    assert call is None, "the walk should have ended"
    return seen


def test_offset_pages_follow_until_the_total() -> None:
    assert _walk_offsets(5, [[0, 1], [2, 3], [4]]) == [(0, [0, 1]), (2, [2, 3]), (4, [4])]


def test_without_a_total_a_short_page_is_the_last() -> None:
    assert _walk_offsets(None, [[0, 1], [2]]) == [(0, [0, 1]), (2, [2])]


def test_an_empty_page_ends_the_walk_whatever_the_total_says() -> None:
    assert _walk_offsets(100, [[0, 1], []]) == [(0, [0, 1]), (2, [])]


@pytest.mark.parametrize(
    ("offset", "length", "size", "total", "expected"),
    [(0, 2, 2, 4, 2), (2, 2, 2, 4, None), (0, 1, 2, None, None), (0, 2, 2, None, 2), (0, 0, 2, 10, None)],
)
def test_next_offset(offset: int, length: int, size: int, total: int | None, expected: int | None) -> None:
    assert next_offset(offset, length, size, total) == expected


def _search_call(cursor: str | None) -> Call[Any]:
    return Call("POST", "search", _body, json={"query": "q", **({"cursor": cursor} if cursor else {})})


def _first_search_page() -> Call[PageData[str]]:
    return cursor_page(
        _search_call,
        cursor=None,
        items_of=lambda body: body["nodes"],
        next_cursor_of=lambda body: body.get("nextPageCursor"),
    )


def test_cursor_pages_send_the_cursor_back_until_there_is_none() -> None:
    first = _answer(_first_search_page(), {"nodes": ["a"], "nextPageCursor": "c1"})
    assert first.next_call is not None
    assert first.next_call.json == {"query": "q", "cursor": "c1"}
    second = _answer(first.next_call, {"nodes": ["b"], "nextPageCursor": None})
    assert second.items == ["b"]
    assert second.next_call is None


@pytest.mark.parametrize(
    "body", [{"nodes": [], "nextPageCursor": "c2"}, {"nodes": ["a"], "nextPageCursor": "c1"}]
)
def test_a_cursor_that_cannot_progress_ends_the_walk(body: dict[str, Any]) -> None:
    first = _answer(_first_search_page(), {"nodes": ["a"], "nextPageCursor": "c1"})
    assert first.next_call is not None
    again = _answer(first.next_call, body)  # an empty page, or the same cursor sent back
    assert again.next_call is None


# --- the generated list methods' pages: what the next page's request keeps -------------------------------


def test_paged_by_offset_keeps_the_first_call_and_moves_the_offset() -> None:
    options = RequestOptions(timeout=3.0)
    params = {"document_ids": ["a", "b", "c"], "limit": 2}
    first = Call("GET", "documents", parsed(DocumentPage), params=params).with_options(options)
    call = paged_by_offset(first, offset=None, limit=2, default_limit=10, items="documents", total="total")
    assert call.params == params  # no offset unless given
    page = _answer(call, {"documents": [{"document_id": "a"}, {"document_id": "b"}], "total": 3})
    assert (page.total, page.body.total) == (3, 3)
    following = page.next_call
    assert following is not None
    assert (following.path, following.options) == (first.path, options)
    assert following.params == {**params, "offset": 2}
    assert _answer(following, {"documents": [{"document_id": "c"}], "total": 3}).next_call is None


def test_paged_by_offset_without_a_total_uses_dusts_default_page_size() -> None:
    first = Call("GET", "rows", parsed(TableRowPage), params={"offset": 4})
    call = paged_by_offset(first, offset=4, limit=None, default_limit=10, items="rows")
    rows = [{"row_id": f"r{index}", "value": {}} for index in range(10)]
    following = _answer(call, {"rows": rows}).next_call  # no total: a full page of Dust's default size
    assert following is not None
    assert following.params == {"offset": 14}
    assert _answer(following, {"rows": rows[:3]}).next_call is None  # a short page is the last


def test_paged_by_cursor_sends_dusts_cursor_in_the_body() -> None:
    options = RequestOptions(max_retries=0)
    first = Call("POST", "search", parsed(NodeSearchPage), json={"query": "roadmap", "limit": 1})
    first = first.with_options(options)
    call = paged_by_cursor(first, cursor=None, items="nodes", next_cursor="nextPageCursor")
    page = _answer(call, {"nodes": [{"internalId": "n1"}], "nextPageCursor": "1"})
    following = page.next_call
    assert following is not None
    assert following.options == options
    assert following.json == {"query": "roadmap", "limit": 1, "cursor": "1"}


def _pages(*bodies: dict[str, Any]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=bodies[len(seen) - 1])

    return httpx.MockTransport(handler), seen


def test_the_generated_documents_list_walks_pages_keeping_limit_and_filter() -> None:
    transport, seen = _pages(
        {"documents": [{"document_id": "a"}, {"document_id": "b"}], "total": 3},
        {"documents": [{"document_id": "c"}], "total": 3},
    )
    with DustClient(CONFIG, http_client=httpx.Client(transport=transport)) as client:
        page = client.data_sources.documents.list("s", "ds", limit=2, document_ids=["a", "b", "c"])
        assert [doc.document_id for doc in page] == ["a", "b", "c"]
    assert [dict(request.url.params.multi_items()) for request in seen] == [
        {"document_ids": "c", "limit": "2"},
        {"document_ids": "c", "limit": "2", "offset": "2"},
    ]
    assert [request.url.params.get_list("document_ids") for request in seen] == [["a", "b", "c"]] * 2


def test_the_generated_search_nodes_sends_the_next_cursor_and_singular_view_type() -> None:
    transport, seen = _pages(
        {"nodes": [{"internalId": "n1"}], "nextPageCursor": "1"}, {"nodes": [], "nextPageCursor": None}
    )
    with DustClient(CONFIG, http_client=httpx.Client(transport=transport)) as client:
        page = client.search.nodes("roadmap", view_type="documents", space_ids=["s1"], limit=1)
        assert [node.internalId for node in page] == ["n1"]
    sent = [json.loads(request.content) for request in seen]
    assert sent[0] == {"query": "roadmap", "viewType": "document", "spaceIds": ["s1"], "limit": 1}
    assert sent[1] == {**sent[0], "cursor": "1"}
