"""Pages of a list: :class:`Page` (generated) and :class:`AsyncPage` (hand-written), over the pure
:class:`~dust_ext._core.pagination.PageData`."""

from dust_ext._core.pagination import PageData, cursor_page, next_offset, offset_page
from dust_ext.pagination._async import AsyncPage
from dust_ext.pagination._sync import Page

__all__ = ["AsyncPage", "Page", "PageData", "cursor_page", "next_offset", "offset_page"]
