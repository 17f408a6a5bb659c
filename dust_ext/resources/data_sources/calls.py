"""The hand-written parts of ``client.data_sources``' and ``client.data_source_views``' generated methods:
argument and body checks, search filters and the parsers of Dust's upsert answers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import httpx
from pydantic import ValidationError

from dust_ext._core.call import decode_error, json_body
from dust_ext._core.params import Timestamp, as_list, epoch_ms
from dust_ext.types.data_sources import (
    Document,
    Section,
    Table,
    TableRow,
)

SectionLike = Section | Mapping[str, Any]
RowLike = TableRow | Mapping[str, Any]

DEFAULT_PAGE_SIZE = 100  # the page size of the deprecated ``documents.iter`` / ``tables.rows.iter``


def section_dict(section: SectionLike) -> dict[str, Any]:
    if isinstance(section, Section):
        return section.model_dump(exclude_none=True)
    return dict(section)


def row_dicts(rows: Sequence[RowLike]) -> list[dict[str, Any]]:
    """The ``rows`` of a row upsert: each a :class:`TableRow` or a mapping with ``row_id`` and ``value``."""
    if isinstance(rows, str | Mapping):
        raise TypeError(f"expected a list of rows, got one {type(rows).__name__}")
    return [_row_dict(row) for row in rows]


def _row_dict(row: RowLike) -> dict[str, Any]:
    if isinstance(row, TableRow):
        return row.model_dump(exclude_none=True)
    if "row_id" not in row or "value" not in row:
        raise TypeError("a table row needs `row_id` and `value` (a mapping of column name to value)")
    return dict(row)


def one_content(body: dict[str, Any]) -> dict[str, Any]:
    """The body of a document upsert, once checked: exactly one of ``text`` or ``section`` carries the
    content."""
    if (body.get("text") is None) == (body.get("section") is None):
        raise TypeError("a document upsert needs exactly one of text= or section=")
    return body


def csv_upserted_table(table_id: str | None) -> Callable[[httpx.Response], Table | None]:
    """A parser for the CSV upsert's ``{"table": ...}``. Dust's handler sends the whole table (or, for a
    queued upsert, only ``{"table_id"}``); the official JS SDK's schema expects the column list instead, so
    that shape is read too, as a table whose ``schema`` is those columns and whose id is the one sent."""

    def parse(response: httpx.Response) -> Table | None:
        body = json_body(response)
        table = body.get("table") if isinstance(body, dict) else None
        if table is None:
            return None
        try:
            if isinstance(table, list):
                if table_id is None:
                    raise TypeError("a column list names no table and no table_id was sent")
                return Table.model_validate({"table_id": table_id, "schema": table})
            return Table.model_validate(table)
        except (TypeError, ValidationError) as exc:
            raise decode_error(response, '{"table": Table}', exc) from None

    return parse


class SearchFilters(TypedDict, total=False):
    """The options of a semantic search (``data_sources.search`` and ``data_source_views.search``), given as
    keyword arguments; each one left out takes its default."""

    top_k: int
    """How many documents to return, best first (default 10)."""
    full_text: bool
    """Add each document's whole text to its matching chunks (default False)."""
    target_document_tokens: int | None
    """Roughly how many tokens of each document to return."""
    timestamp_gt: Timestamp | None
    """Only documents dated after this (epoch ms or a ``datetime``)."""
    timestamp_lt: Timestamp | None
    """Only documents dated before this (epoch ms or a ``datetime``)."""
    tags_in: Sequence[str] | None
    """Only documents with one of these tags."""
    tags_not: Sequence[str] | None
    """Leave out documents with one of these tags."""
    parents_in: Sequence[str] | None
    """Only documents under one of these parents (folders, documents)."""
    parents_not: Sequence[str] | None
    """Leave out documents under one of these parents."""


def search_filters(method: str, filters: SearchFilters) -> dict[str, Any]:
    """The query parameters of a semantic search's ``filters``, each left out taking its default; a misspelt
    one is refused by name, as a keyword argument would be (``method`` names the search in the message)."""
    unknown = sorted(set(filters) - SearchFilters.__optional_keys__)
    if unknown:
        raise TypeError(f"{method}() got unexpected keyword arguments: {', '.join(unknown)}")
    values: dict[str, Any] = {"top_k": 10, "full_text": False, **filters}
    for name in ("timestamp_gt", "timestamp_lt"):
        values[name] = None if values.get(name) is None else epoch_ms(values[name])
    for name in ("tags_in", "tags_not", "parents_in", "parents_not"):
        values[name] = as_list(values.get(name))
    return {name: values.get(name) for name in SearchFilters.__annotations__}


def upserted_document(document_id: str) -> Callable[[httpx.Response], Document]:
    """A parser for an upsert's ``{"document": ...}``, which Dust sends in three shapes: the full document,
    the light summary (``hash``, ``text_size``, ``chunk_count``, ``token_count``, ``created``: no
    ``document_id``) or, for an async upsert, only ``document_id``. The id the caller upserted fills the
    gap, so every shape parses as a :class:`Document`."""

    def parse(response: httpx.Response) -> Document:
        body = json_body(response)
        document = body.get("document") if isinstance(body, dict) else None
        if not isinstance(document, dict):
            raise decode_error(response, '{"document": Document}', TypeError("no `document` object"))
        try:
            return Document.model_validate({"document_id": document_id, **document})
        except ValidationError as exc:
            raise decode_error(response, '{"document": Document}', exc) from None

    return parse


def view_update_body(body: dict[str, Any]) -> dict[str, Any]:
    """The body of ``data_source_views.update``: either the view's parents (``parentsIn``; null = the whole
    data source) or parents to add/remove, not both."""
    incremental = body.get("parentsToAdd") is not None or body.get("parentsToRemove") is not None
    if body.get("parentsIn") is None and not incremental:
        raise TypeError("give parents_in=, or parents_to_add=/parents_to_remove=")
    if body.get("parentsIn") is not None and incremental:
        raise TypeError("parents_in= replaces the parents: do not combine it with parents_to_add/remove")
    return body
