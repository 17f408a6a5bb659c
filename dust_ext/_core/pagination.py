"""Pages of a list, described without I/O: the items of one page and the call that fetches the next.

A paginated call's parser returns a :class:`PageData`; the page classes of :mod:`dust_ext.pagination` wrap
it with a client, so that ``page.get_next_page()`` runs :attr:`PageData.next_call` and ``for item in page``
walks every page. Dust paginates in two ways, each a small pure function here: by offset (documents, table
rows: ``offset``/``limit`` and a ``total``) and by cursor (workspace search: ``nextPageCursor``). The
generated ``list`` methods (a page kind in openapi/sdk.yaml) build their first call and hand it to
:func:`paged_by_offset` or :func:`paged_by_cursor`: each following page is that call with the next offset or
cursor, so it keeps the limit, the filters and the request options.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, Generic, TypeVar

from dust_ext._core.call import Call

T = TypeVar("T")


@dataclass(frozen=True)
class PageData(Generic[T]):
    """One page: its ``items``, the parsed answer (``body``, Dust's own envelope), the ``total`` when Dust
    gives one, and ``next_call``, the call for the following page (``None`` on the last page)."""

    items: list[T]
    body: Any
    next_call: Call[PageData[T]] | None
    total: int | None = None


def next_offset(offset: int, page_length: int, page_size: int, total: int | None) -> int | None:
    """Where the next page starts, or ``None`` when the last page has been read.

    With a ``total`` the pager stops once it is reached; without one, at the first short page. An empty
    page always ends the iteration, so a server whose total is wrong cannot make it loop forever.
    """
    if page_length == 0:
        return None
    following = offset + page_length
    if total is not None:
        return following if following < total else None
    return following if page_length >= page_size else None


def offset_page(
    call_for: Callable[[int], Call[Any]],
    *,
    offset: int,
    page_size: int,
    items_of: Callable[[Any], list[T]],
    total_of: Callable[[Any], int | None],
) -> Call[PageData[T]]:
    """The call for the page at ``offset`` of an offset-paginated list: ``call_for(offset)`` builds the
    plain call (its parser gives Dust's envelope), ``items_of``/``total_of`` read the envelope."""

    def page(body: Any) -> PageData[T]:
        items, total = items_of(body), total_of(body)
        following = next_offset(offset, len(items), page_size, total)
        next_call = None
        if following is not None:
            next_call = offset_page(
                call_for, offset=following, page_size=page_size, items_of=items_of, total_of=total_of
            )
        return PageData(items, body, next_call, total)

    return call_for(offset).then(page)


def cursor_page(
    call_for: Callable[[str | None], Call[Any]],
    *,
    cursor: str | None,
    items_of: Callable[[Any], list[T]],
    next_cursor_of: Callable[[Any], str | None],
) -> Call[PageData[T]]:
    """The call for the page at ``cursor`` of a cursor-paginated list (``None``: the first page). A page
    without items ends the walk even if the server sends a cursor, so a wrong cursor cannot loop."""

    def page(body: Any) -> PageData[T]:
        items, following = items_of(body), next_cursor_of(body)
        next_call = None
        if following and items and following != cursor:
            next_call = cursor_page(
                call_for, cursor=following, items_of=items_of, next_cursor_of=next_cursor_of
            )
        return PageData(items, body, next_call)

    return call_for(cursor).then(page)


def paged_by_offset(
    first: Call[Any],
    *,
    offset: int | None,
    limit: int | None,
    default_limit: int,
    items: str,
    total: str | None = None,
) -> Call[PageData[Any]]:
    """The page ``first`` asks for, of a list paginated by the ``offset`` query parameter (``first`` sends
    it only if the caller gave one): ``items`` and ``total`` name the envelope's fields, ``default_limit``
    is Dust's page size when no ``limit`` is sent. Each following page is ``first`` at the next offset."""
    start = offset or 0

    def call_for(at: int) -> Call[Any]:
        return first if at == start else replace(first, params={**(first.params or {}), "offset": at})

    return offset_page(
        call_for,
        offset=start,
        page_size=default_limit if limit is None else limit,
        items_of=attrgetter(items),
        total_of=attrgetter(total) if total else lambda body: None,
    )


def paged_by_cursor(
    first: Call[Any], *, cursor: str | None, items: str, next_cursor: str, field: str = "cursor"
) -> Call[PageData[Any]]:
    """The page ``first`` asks for, of a list paginated by a cursor sent as the body field ``field``
    (``cursor``: the one ``first`` sends, ``None`` for the first page): ``items`` and ``next_cursor`` name
    the envelope's fields. Each following page is ``first`` with Dust's next cursor."""

    def call_for(at: str | None) -> Call[Any]:
        return first if at == cursor else replace(first, json={**(first.json or {}), field: at})

    return cursor_page(
        call_for, cursor=cursor, items_of=attrgetter(items), next_cursor_of=attrgetter(next_cursor)
    )
