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

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dust_ext._core.pagination import PageData

if TYPE_CHECKING:
    from dust_ext._client._async import AsyncDustClient

T = TypeVar("T")


class AsyncPage(Generic[T]):
    """One page of a list: its ``items``, the ``total`` when Dust gives one, Dust's own answer (``body``),
    and the way to the next page. Iterating it yields every item of this page and the following ones."""

    def __init__(self, client: AsyncDustClient, data: PageData[T]) -> None:
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

    async def get_next_page(self) -> AsyncPage[T]:
        """The following page (``LookupError`` on the last page)."""
        next_call = self._data.next_call
        if next_call is None:
            raise LookupError("this is the last page: check has_next_page() first")
        return type(self)(self._client, await self._client.run(next_call))

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each following page as it is fetched."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} total={self.total} has_next_page={self.has_next_page()}>"
