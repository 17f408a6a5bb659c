# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""Pages of a list (``_sync.py`` is generated from this file).

A list method returns the first page; the page knows how to fetch the next one::

    page = client.data_sources.documents.list(space_id, data_source_id, limit=100)
    page.items, page.total, page.has_next_page()
    for document in page:          # every document of every page, fetching pages as it goes
        ...
    for one_page in page.iter_pages():
        ...

With ``AsyncDustClient``, ``await`` the list call and the page methods, and use ``async for``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dust_ext._core.pagination import PageData

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient

T = TypeVar("T")


class Page(Generic[T]):
    """One page of a list: its ``items``, the ``total`` when Dust gives one, Dust's own answer (``body``),
    and the way to the next page. Iterating it yields every item of this page and the following ones."""

    def __init__(self, client: DustClient, data: PageData[T]) -> None:
        self._client = client
        self._data = data

    @property
    def items(self) -> list[T]:
        """The items of this page only."""
        return self._data.items

    @property
    def total(self) -> int | None:
        """How many items the whole list holds, when Dust says."""
        return self._data.total

    @property
    def body(self) -> Any:
        """This page's answer as Dust sent it, parsed (e.g. ``DocumentPage``, ``NodeSearchPage``)."""
        return self._data.body

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self._data.next_call is not None

    def get_next_page(self) -> Page[T]:
        """The following page (``LookupError`` on the last page)."""
        next_call = self._data.next_call
        if next_call is None:
            raise LookupError("this is the last page: check has_next_page() first")
        return type(self)(self._client, self._client.run(next_call))

    def iter_pages(self) -> Iterator[Page[T]]:
        """This page, then each following page as it is fetched."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} total={self.total} has_next_page={self.has_next_page()}>"
