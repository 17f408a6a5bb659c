"""The calls of the knowledge resources, built without I/O from the generated client's request builders.

Each function returns a :class:`~dust_ext.resources._base.Call`; ``client.data_sources``,
``client.data_source_views``, ``client.spaces`` and their async twins only run them. Payloads are built
here from keyword arguments, leaving out what the caller did not give, so the server's defaults apply.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx
from dust_api.api.data_source_views import (
    get_data_source_view,
    list_data_source_views,
    search_data_source_view,
    search_data_source_views,
    update_data_source_view,
)
from dust_api.api.data_sources import (
    check_upsert_queue,
    delete_document,
    delete_folder,
    delete_folder_in_global_space,
    delete_table,
    delete_table_row,
    get_document,
    get_table,
    get_table_row,
    list_data_sources,
    list_documents,
    list_table_rows,
    list_tables,
    list_workspace_data_sources,
    search_data_source,
    tokenize_text,
    tokenize_text_in_global_space,
    update_document_parents,
    upsert_document,
    upsert_folder,
    upsert_folder_in_global_space,
    upsert_table,
    upsert_table_from_csv,
    upsert_table_rows,
)
from dust_api.api.spaces import list_spaces
from dust_api.models import (
    TokenizeTextBody,
    TokenizeTextInGlobalSpaceBody,
    UpdateDataSourceViewBody,
    UpdateDocumentParentsBody,
    UpsertDocumentBody,
    UpsertFolderBody,
    UpsertFolderInGlobalSpaceBody,
    UpsertTableBody,
    UpsertTableFromCsvBody,
    UpsertTableRowsBody,
)
from dust_api.types import UNSET, Unset
from pydantic import ValidationError

from dust_ext._http import json_body
from dust_ext.data_sources.models import (
    DataSource,
    DataSourceView,
    Document,
    DocumentPage,
    Folder,
    SearchResult,
    Section,
    Space,
    Table,
    TableRow,
    TableRowPage,
)
from dust_ext.resources._base import Call, decode_error, field_of, generated_call, list_of

Timestamp = int | float | _dt.datetime
"""A time as Dust wants it (epoch milliseconds), or a ``datetime`` converted to that."""
SectionLike = Section | Mapping[str, Any]
RowLike = TableRow | Mapping[str, Any]

SpaceList = list[Space]
DataSourceList = list[DataSource]
DataSourceViewList = list[DataSourceView]
TableList = list[Table]
SearchResultList = list[SearchResult]
TokenList = list[Any]


# --- small pure helpers -------------------------------------------------------------------------------------


def epoch_ms(value: Timestamp) -> int:
    """Epoch milliseconds from a number (already ms) or a ``datetime`` (naive means UTC)."""
    if isinstance(value, _dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=_dt.UTC)
        return int(aware.timestamp() * 1000)
    return int(value)


def compact(**fields: Any) -> dict[str, Any]:
    """The given fields without the ``None`` ones (those the caller left to the server's default)."""
    return {key: value for key, value in fields.items() if value is not None}


def given(value: Any) -> Any:
    """``None`` → the generated client's ``UNSET`` (omit the query parameter)."""
    return UNSET if value is None else value


def as_list(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        raise TypeError("expected a list of strings, got one string")
    return list(values)


def section_dict(section: SectionLike) -> dict[str, Any]:
    if isinstance(section, Section):
        return section.model_dump(exclude_none=True)
    return dict(section)


def row_dict(row: RowLike) -> dict[str, Any]:
    if isinstance(row, TableRow):
        return row.model_dump(exclude_none=True)
    if "row_id" not in row or "value" not in row:
        raise TypeError("a table row needs `row_id` and `value` (a mapping of column name to value)")
    return dict(row)


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


def always_true(response: httpx.Response) -> bool:
    """A parser for deletions: a 2xx answer means the object is gone."""
    return True


def _field(key: str) -> Any:
    def parse(response: httpx.Response) -> Any:
        body = json_body(response)
        return body.get(key) if isinstance(body, dict) else None

    return parse


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


def _int_field(key: str) -> Any:
    parse = _field(key)

    def parse_int(response: httpx.Response) -> int:
        return int(parse(response) or 0)

    return parse_int


# --- spaces and data sources ------------------------------------------------------------------------------


def list_spaces_call(workspace_id: str, kinds: Sequence[str] | None = None) -> Call[SpaceList]:
    """The spaces; ``kinds`` (system, global, regular, project) travels comma-separated, as Dust reads it."""
    listed = as_list(kinds)
    return generated_call(
        list_spaces,
        list_of(Space, "spaces"),
        w_id=workspace_id,
        kinds=given(",".join(listed) if listed else None),
    )


def list_data_sources_call(workspace_id: str, space_id: str | None) -> Call[DataSourceList]:
    """``space_id=None`` (here and in the calls below): the workspace's global space, by the paths without a
    space segment that Dust still serves and the JS SDK calls."""
    parse = list_of(DataSource, "data_sources")
    if space_id is None:
        return generated_call(list_workspace_data_sources, parse, w_id=workspace_id)
    return generated_call(list_data_sources, parse, w_id=workspace_id, space_id=space_id)


def check_upsert_queue_call(workspace_id: str, space_id: str, data_source_id: str) -> Call[int]:
    return generated_call(
        check_upsert_queue,
        _int_field("running_count"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
    )


def tokenize_call(workspace_id: str, space_id: str | None, data_source_id: str, text: str) -> Call[TokenList]:
    if space_id is None:
        return generated_call(
            tokenize_text_in_global_space,
            _field("tokens"),
            w_id=workspace_id,
            ds_id=data_source_id,
            body=TokenizeTextInGlobalSpaceBody.from_dict({"text": text}),
        )
    return generated_call(
        tokenize_text,
        _field("tokens"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        body=TokenizeTextBody.from_dict({"text": text}),
    )


def search_call(
    workspace_id: str,
    space_id: str,
    data_source_id: str,
    query: str,
    *,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | None,
    timestamp_gt: Timestamp | None,
    timestamp_lt: Timestamp | None,
    tags_in: Sequence[str] | None,
    tags_not: Sequence[str] | None,
    parents_in: Sequence[str] | None,
    parents_not: Sequence[str] | None,
    view: bool = False,
) -> Call[SearchResultList]:
    """A semantic search of one data source (or, with ``view=True``, of the data source view whose id is
    passed as ``data_source_id``)."""
    filters: dict[str, Any] = {
        "query": query,
        "top_k": top_k,
        "full_text": full_text,
        "target_document_tokens": given(target_document_tokens),
        "timestamp_gt": given(epoch_ms(timestamp_gt) if timestamp_gt is not None else None),
        "timestamp_lt": given(epoch_ms(timestamp_lt) if timestamp_lt is not None else None),
        "tags_in": given(as_list(tags_in)),
        "tags_not": given(as_list(tags_not)),
        "parents_in": given(as_list(parents_in)),
        "parents_not": given(as_list(parents_not)),
    }
    parse = list_of(SearchResult, "documents")
    if view:
        return generated_call(
            search_data_source_view,
            parse,
            w_id=workspace_id,
            space_id=space_id,
            dsv_id=data_source_id,
            **filters,
        )
    return generated_call(
        search_data_source, parse, w_id=workspace_id, space_id=space_id, ds_id=data_source_id, **filters
    )


# --- documents ----------------------------------------------------------------------------------------------


def list_documents_call(
    workspace_id: str,
    space_id: str,
    data_source_id: str,
    *,
    limit: int | None,
    offset: int | None,
    document_ids: Sequence[str] | None,
) -> Call[DocumentPage]:
    return generated_call(
        list_documents,
        field_of(DocumentPage),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        limit=given(limit),
        offset=given(offset),
        document_ids=given(as_list(document_ids)),
    )


def get_document_call(
    workspace_id: str, space_id: str, data_source_id: str, document_id: str
) -> Call[Document]:
    return generated_call(
        get_document,
        field_of(Document, "document"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        document_id=document_id,
    )


def document_payload(
    *,
    text: str | None,
    section: SectionLike | None,
    title: str | None,
    mime_type: str | None,
    source_url: str | None,
    tags: Sequence[str] | None,
    parents: Sequence[str] | None,
    parent_id: str | None,
    timestamp: Timestamp | None,
    light_document_output: bool | None,
    async_upsert: bool | None,
    upsert_context: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The body of a document upsert; exactly one of ``text`` or ``section`` carries the content."""
    if (text is None) == (section is None):
        raise TypeError("a document upsert needs exactly one of text= or section=")
    return compact(
        text=text,
        section=section_dict(section) if section is not None else None,
        title=title,
        mime_type=mime_type,
        source_url=source_url,
        tags=as_list(tags),
        parents=as_list(parents),
        parent_id=parent_id,
        timestamp=epoch_ms(timestamp) if timestamp is not None else None,
        light_document_output=light_document_output,
        upsert_context=dict(upsert_context) if upsert_context is not None else None,
        **({"async": async_upsert} if async_upsert is not None else {}),
    )


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


def upsert_document_call(
    workspace_id: str, space_id: str, data_source_id: str, document_id: str, payload: dict[str, Any]
) -> Call[Document]:
    return generated_call(
        upsert_document,
        upserted_document(document_id),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        document_id=document_id,
        body=UpsertDocumentBody.from_dict(payload),
    )


def delete_document_call(
    workspace_id: str, space_id: str, data_source_id: str, document_id: str
) -> Call[bool]:
    return generated_call(
        delete_document,
        always_true,
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        document_id=document_id,
    )


def update_parents_call(
    workspace_id: str,
    space_id: str,
    data_source_id: str,
    document_id: str,
    parents: Sequence[str],
    parent_id: str | None,
) -> Call[bool]:
    payload: dict[str, Any] = {"parents": as_list(parents)}
    if parent_id is not None:
        payload["parent_id"] = parent_id

    def parse(response: httpx.Response) -> bool:
        return bool(_field("updated")(response))

    return generated_call(
        update_document_parents,
        parse,
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        document_id=document_id,
        body=UpdateDocumentParentsBody.from_dict(payload),
    )


# --- folders ------------------------------------------------------------------------------------------------


def upsert_folder_call(
    workspace_id: str, space_id: str | None, data_source_id: str, folder_id: str, payload: dict[str, Any]
) -> Call[Folder]:
    if space_id is None:
        return generated_call(
            upsert_folder_in_global_space,
            field_of(Folder, "folder"),
            w_id=workspace_id,
            ds_id=data_source_id,
            f_id=folder_id,
            body=UpsertFolderInGlobalSpaceBody.from_dict(payload),
        )
    return generated_call(
        upsert_folder,
        field_of(Folder, "folder"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        f_id=folder_id,
        body=UpsertFolderBody.from_dict(payload),
    )


def delete_folder_call(
    workspace_id: str, space_id: str | None, data_source_id: str, folder_id: str
) -> Call[bool]:
    if space_id is None:
        return generated_call(
            delete_folder_in_global_space,
            always_true,
            w_id=workspace_id,
            ds_id=data_source_id,
            f_id=folder_id,
        )
    return generated_call(
        delete_folder, always_true, w_id=workspace_id, space_id=space_id, ds_id=data_source_id, f_id=folder_id
    )


# --- tables and rows ----------------------------------------------------------------------------------------


def list_tables_call(workspace_id: str, space_id: str, data_source_id: str) -> Call[TableList]:
    return generated_call(
        list_tables, list_of(Table, "tables"), w_id=workspace_id, space_id=space_id, ds_id=data_source_id
    )


def get_table_call(workspace_id: str, space_id: str, data_source_id: str, table_id: str) -> Call[Table]:
    return generated_call(
        get_table,
        field_of(Table, "table"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        t_id=table_id,
    )


def upsert_table_call(
    workspace_id: str, space_id: str, data_source_id: str, payload: dict[str, Any]
) -> Call[Table]:
    return generated_call(
        upsert_table,
        field_of(Table, "table"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        body=UpsertTableBody.from_dict(payload),
    )


def upsert_table_from_csv_call(
    workspace_id: str, space_id: str, data_source_id: str, payload: dict[str, Any]
) -> Call[Table | None]:
    return generated_call(
        upsert_table_from_csv,
        csv_upserted_table(payload.get("tableId")),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        body=UpsertTableFromCsvBody.from_dict(payload),
    )


def delete_table_call(workspace_id: str, space_id: str, data_source_id: str, table_id: str) -> Call[bool]:
    return generated_call(
        delete_table, always_true, w_id=workspace_id, space_id=space_id, ds_id=data_source_id, t_id=table_id
    )


def list_rows_call(
    workspace_id: str,
    space_id: str,
    data_source_id: str,
    table_id: str,
    *,
    limit: int | None,
    offset: int | None,
) -> Call[TableRowPage]:
    return generated_call(
        list_table_rows,
        field_of(TableRowPage),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        t_id=table_id,
        limit=given(limit),
        offset=given(offset),
    )


def get_row_call(
    workspace_id: str, space_id: str, data_source_id: str, table_id: str, row_id: str
) -> Call[TableRow]:
    return generated_call(
        get_table_row,
        field_of(TableRow, "row"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        t_id=table_id,
        r_id=row_id,
    )


def upsert_rows_call(
    workspace_id: str,
    space_id: str,
    data_source_id: str,
    table_id: str,
    rows: Sequence[RowLike],
    truncate: bool,
) -> Call[Table]:
    payload: dict[str, Any] = {"rows": [row_dict(row) for row in rows]}
    if truncate:
        payload["truncate"] = True
    return generated_call(
        upsert_table_rows,
        field_of(Table, "table"),
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        t_id=table_id,
        body=UpsertTableRowsBody.from_dict(payload),
    )


def delete_row_call(
    workspace_id: str, space_id: str, data_source_id: str, table_id: str, row_id: str
) -> Call[bool]:
    return generated_call(
        delete_table_row,
        always_true,
        w_id=workspace_id,
        space_id=space_id,
        ds_id=data_source_id,
        t_id=table_id,
        r_id=row_id,
    )


# --- data source views --------------------------------------------------------------------------------------


def list_views_call(workspace_id: str, space_id: str) -> Call[DataSourceViewList]:
    return generated_call(
        list_data_source_views,
        # This list answers a camelCase envelope; the system-key search below still says data_source_views.
        list_of(DataSourceView, "dataSourceViews"),
        w_id=workspace_id,
        space_id=space_id,
    )


def get_view_call(workspace_id: str, space_id: str, view_id: str) -> Call[DataSourceView]:
    return generated_call(
        get_data_source_view,
        field_of(DataSourceView, "dataSourceView"),
        w_id=workspace_id,
        space_id=space_id,
        dsv_id=view_id,
    )


def view_update_payload(
    parents_in: Sequence[str] | Unset | None,
    parents_to_add: Sequence[str] | None,
    parents_to_remove: Sequence[str] | None,
) -> dict[str, Any]:
    """Either set the view's parents (``parents_in``; ``None`` = the whole data source) or add/remove some."""
    incremental = parents_to_add is not None or parents_to_remove is not None
    if isinstance(parents_in, Unset) and not incremental:
        raise TypeError("give parents_in=, or parents_to_add=/parents_to_remove=")
    if not isinstance(parents_in, Unset) and incremental:
        raise TypeError("parents_in= replaces the parents: do not combine it with parents_to_add/remove")
    if not isinstance(parents_in, Unset):
        return {"parentsIn": as_list(parents_in)}
    return compact(parentsToAdd=as_list(parents_to_add), parentsToRemove=as_list(parents_to_remove))


def update_view_call(
    workspace_id: str, space_id: str, view_id: str, payload: dict[str, Any]
) -> Call[DataSourceView]:
    return generated_call(
        update_data_source_view,
        field_of(DataSourceView, "dataSourceView"),
        w_id=workspace_id,
        space_id=space_id,
        dsv_id=view_id,
        body=UpdateDataSourceViewBody.from_dict(payload),
    )


def find_views_call(
    workspace_id: str,
    *,
    data_source_id: str | None,
    kind: str | None,
    space_id: str | None,
    space_kind: str | None,
) -> Call[DataSourceViewList]:
    # The API still calls spaces "vaults" in this endpoint's parameters.
    return generated_call(
        search_data_source_views,
        list_of(DataSourceView, "data_source_views"),
        w_id=workspace_id,
        data_source_id=given(data_source_id),
        kind=given(kind),
        vault_id=given(space_id),
        vault_kind=given(space_kind),
    )
