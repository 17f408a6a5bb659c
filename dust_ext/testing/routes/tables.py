"""Tables of a data source and their rows, including the upsert of a table from an uploaded CSV file."""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._data_state import StoredTable, knowledge_of
from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import DataSource, now_ms
from dust_ext.testing._validation import (
    optional_bool,
    optional_str,
    query_int,
    read_json_object,
    required_str,
    string_list,
)
from dust_ext.testing.routes.data_sources import data_source_of

JSONObject = dict[str, Any]
_DS = "/spaces/{spaceId}/data_sources/{dsId}"


def _tables(ctx: ApiContext, data_source: DataSource) -> dict[str, StoredTable]:
    return knowledge_of(ctx.workspace).tables_of(data_source.sId)


def _table(ctx: ApiContext) -> StoredTable:
    data_source = data_source_of(ctx)
    table_id = ctx.path("tId")
    table = _tables(ctx, data_source).get(table_id)
    if table is None:
        raise not_found("table_not_found", "Table", table_id)
    return table


def _timestamp(body: JSONObject) -> int:
    value = body.get("timestamp")
    if value is None:
        return now_ms()
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise invalid_request("Invalid request body: `timestamp` must be a number (epoch ms).")
    return int(value)


def _store_table(
    ctx: ApiContext, data_source: DataSource, body: JSONObject, table_id: str, *, camel: bool
) -> StoredTable:
    """Create or update a table's metadata (rows are kept); ``camel`` reads the CSV endpoint's spellings."""
    name = required_str(body, "name")
    description = required_str(body, "description", allow_empty=True)
    parents = string_list(body, "parents") or [table_id]
    parent_id = optional_str(body, "parentId" if camel else "parent_id")
    tables = _tables(ctx, data_source)
    existing = tables.get(table_id)
    table = StoredTable(
        table_id=table_id,
        data_source_id=data_source.sId,
        name=name,
        description=description,
        title=optional_str(body, "title") or name,
        timestamp=_timestamp(body),
        tags=string_list(body, "tags"),
        parents=parents,
        parent_id=parent_id if parent_id is not None else (parents[1] if len(parents) > 1 else None),
        mime_type=optional_str(body, "mimeType" if camel else "mime_type") or "text/csv",
        source_url=optional_str(body, "sourceUrl" if camel else "source_url"),
        rows=existing.rows if existing is not None else {},
    )
    if existing is not None:
        table.created = existing.created
    tables[table_id] = table
    return table


def _new_table_id(ctx: ApiContext, body: JSONObject, key: str) -> str:
    return optional_str(body, key) or ctx.workspace.ids.next_sid("tbl_")


async def list_tables(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    return JSONResponse({"tables": [table.to_json() for table in _tables(ctx, data_source).values()]})


async def get_table(ctx: ApiContext) -> Response:
    return JSONResponse({"table": _table(ctx).to_json()})


async def upsert_table(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    body = await read_json_object(ctx.request)
    table = _store_table(ctx, data_source, body, _new_table_id(ctx, body, "table_id"), camel=False)
    knowledge_of(ctx.workspace).count_write(data_source.sId, "table.upsert")
    return JSONResponse({"table": table.to_json()})


async def delete_table(ctx: ApiContext) -> Response:
    table = _table(ctx)
    del knowledge_of(ctx.workspace).tables_of(table.data_source_id)[table.table_id]
    knowledge_of(ctx.workspace).count_write(table.data_source_id, "table.delete")
    # Dust answers 200 with an empty body here (not 204, not JSON).
    return Response(status_code=200)


def _cell(text: str) -> Any:
    """A CSV cell typed as Dust infers it: int, float, bool, else text."""
    lowered = text.strip().lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def parse_csv(data: bytes) -> list[JSONObject]:
    """Rows of a CSV file with a header line; ``row_id`` is the 0-based line number (after the header)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise invalid_request("The CSV file is not valid UTF-8.") from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or any(not column.strip() for column in header):
        raise invalid_request("The CSV file needs a header line naming every column.")
    rows: list[JSONObject] = []
    for index, cells in enumerate(reader):
        if not cells:
            continue
        if len(cells) != len(header):
            raise invalid_request(f"CSV line {index + 2} has {len(cells)} cells, the header {len(header)}.")
        rows.append(
            {"row_id": str(index), "value": {h.strip(): _cell(c) for h, c in zip(header, cells, strict=True)}}
        )
    return rows


async def upsert_table_from_csv(ctx: ApiContext) -> Response:
    data_source = data_source_of(ctx)
    body = await read_json_object(ctx.request)
    required_str(body, "name")
    required_str(body, "description", allow_empty=True)
    file_id = required_str(body, "fileId")
    stored_file = ctx.workspace.files.get(file_id)
    if stored_file is None:
        raise not_found("file_not_found", "File", file_id)
    if stored_file.data is None:
        raise invalid_request(f"File {file_id!r} has not been uploaded yet.")
    rows = parse_csv(stored_file.data)
    optional_bool(body, "truncate")
    queued = optional_bool(body, "async")
    table = _store_table(ctx, data_source, body, _new_table_id(ctx, body, "tableId"), camel=True)
    # A CSV upsert replaces the table's content with the file's.
    table.rows = {row["row_id"]: row["value"] for row in rows}
    knowledge_of(ctx.workspace).count_write(data_source.sId, "table.upsert")
    if queued:
        # Dust enqueues the upsert and answers only the id.
        return JSONResponse({"table": {"table_id": table.table_id}})
    return JSONResponse({"table": table.to_json()})


def _row_json(row_id: str, value: JSONObject) -> JSONObject:
    return {"row_id": row_id, "value": value}


async def list_rows(ctx: ApiContext) -> Response:
    table = _table(ctx)
    limit = query_int(ctx.request, "limit", 10, minimum=1)
    offset = query_int(ctx.request, "offset", 0)
    rows = list(table.rows.items())
    page = [_row_json(row_id, value) for row_id, value in rows[offset : offset + limit]]
    return JSONResponse({"rows": page, "offset": offset, "limit": limit, "total": len(rows)})


async def get_row(ctx: ApiContext) -> Response:
    table = _table(ctx)
    row_id = ctx.path("rId")
    if row_id not in table.rows:
        raise not_found("table_row_not_found", "Row", row_id)
    return JSONResponse({"row": _row_json(row_id, table.rows[row_id])})


def _rows(body: JSONObject) -> list[tuple[str, JSONObject]]:
    rows = body.get("rows")
    if not isinstance(rows, list):
        raise invalid_request("Invalid request body: `rows` is missing (a list is required).")
    parsed: list[tuple[str, JSONObject]] = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise invalid_request(f"Invalid request body: `rows[{index}]` must be an object.")
        row_id = required_str(row, "row_id", f"rows[{index}].")
        value = row.get("value")
        if not isinstance(value, dict):
            raise invalid_request(f"Invalid request body: `rows[{index}].value` must be an object.")
        parsed.append((row_id, value))
    return parsed


async def upsert_rows(ctx: ApiContext) -> Response:
    table = _table(ctx)
    body = await read_json_object(ctx.request)
    rows = _rows(body)
    if optional_bool(body, "truncate"):
        table.rows.clear()
    for row_id, value in rows:
        table.rows[row_id] = value
    summary = {
        "name": table.name,
        "table_id": table.table_id,
        "description": table.description,
        "schema": table.schema(),
    }
    return JSONResponse({"table": summary})


async def delete_row(ctx: ApiContext) -> Response:
    table = _table(ctx)
    row_id = ctx.path("rId")
    if row_id not in table.rows:
        raise not_found("table_row_not_found", "Row", row_id)
    del table.rows[row_id]
    return JSONResponse({"success": True})


ROUTES: list[Route] = [
    api_route(_DS + "/tables", list_tables, ["GET"]),
    api_route(_DS + "/tables", upsert_table, ["POST"]),
    # Before /tables/{tId}, so "csv" is not taken for a table id.
    api_route(_DS + "/tables/csv", upsert_table_from_csv, ["POST"]),
    api_route(_DS + "/tables/{tId}", get_table, ["GET"]),
    api_route(_DS + "/tables/{tId}", delete_table, ["DELETE"]),
    api_route(_DS + "/tables/{tId}/rows", list_rows, ["GET"]),
    api_route(_DS + "/tables/{tId}/rows", upsert_rows, ["POST"]),
    api_route(_DS + "/tables/{tId}/rows/{rId}", get_row, ["GET"]),
    api_route(_DS + "/tables/{tId}/rows/{rId}", delete_row, ["DELETE"]),
]
