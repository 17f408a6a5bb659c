"""The pure page decisions (dust_ext._core.pagination); the page classes are exercised on the emulator by
the resources that return them (tests/test_resources_data.py, tests/test_resources_search.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from dust_ext._core.call import Call
from dust_ext._core.pagination import PageData, cursor_page, next_offset, offset_page
from dust_ext._core.request import RequestOptions
from dust_ext.resources.data_sources.calls import (
    DUST_DEFAULT_LIST_LIMIT,
    list_documents_page_call,
    list_rows_page_call,
)
from dust_ext.resources.search.calls import nodes_page_call


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


# --- the SDK's paginated calls: what the next page's request keeps ---------------------------------------


def test_the_next_documents_page_keeps_limit_filter_and_options() -> None:
    options = RequestOptions(timeout=3.0)
    first = list_documents_page_call(
        "w", "s", "ds", limit=2, offset=None, document_ids=["a", "b", "c"], options=options
    )
    assert first.params == {"document_ids": ["a", "b", "c"], "limit": 2}  # no offset unless given
    documents = [{"document_id": "a"}, {"document_id": "b"}]
    page = _answer(first, {"documents": documents, "total": 3})
    assert ([doc.document_id for doc in page.items], page.total, page.body.total) == (["a", "b"], 3, 3)
    following = page.next_call
    assert following is not None
    assert (following.path, following.options) == (first.path, options)
    assert following.params == {"document_ids": ["a", "b", "c"], "limit": 2, "offset": 2}
    assert _answer(following, {"documents": [{"document_id": "c"}], "total": 3}).next_call is None


def test_rows_pages_start_at_the_given_offset_and_default_to_dusts_page_size() -> None:
    first = list_rows_page_call("w", "s", "ds", "t", limit=None, offset=4, options=None)
    assert first.params == {"offset": 4}
    rows = [{"row_id": f"r{index}", "value": {}} for index in range(DUST_DEFAULT_LIST_LIMIT)]
    following = _answer(first, {"rows": rows}).next_call  # no total: a full page of Dust's default size
    assert following is not None
    assert following.params == {"offset": 4 + DUST_DEFAULT_LIST_LIMIT}
    assert _answer(following, {"rows": rows[:3]}).next_call is None  # a short page is the last


def test_the_next_search_page_is_the_same_search_at_dusts_cursor() -> None:
    options = RequestOptions(max_retries=0)
    first = nodes_page_call(
        "w",
        "roadmap",
        space_ids=["s1"],
        view_type="documents",
        include_data_sources=None,
        node_ids=None,
        search_source_urls=True,
        limit=1,
        cursor=None,
        options=options,
    )
    page = _answer(first, {"nodes": [{"internalId": "n1"}], "nextPageCursor": "1", "resultsCount": 2})
    following = page.next_call
    assert following is not None
    assert following.options == options
    assert following.json == {**first.json, "cursor": "1"}
    assert following.json["viewType"] == "document"
