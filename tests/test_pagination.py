"""The pure page decisions (dust_ext._core.pagination); the page classes are exercised on the emulator by
the resources that return them (tests/test_resources_data.py, tests/test_resources_search.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from dust_ext._core.call import Call
from dust_ext._core.pagination import PageData, cursor_page, next_offset, offset_page


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
