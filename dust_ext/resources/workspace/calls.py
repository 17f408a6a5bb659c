"""The calls of ``client.workspace``'s hand-written methods, described without I/O (see
:mod:`dust_ext._core.call`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

import httpx
from dust_api.api.workspace import get_me, get_workspace_usage
from dust_api.models import GetWorkspaceUsageFormat, GetWorkspaceUsageMode, GetWorkspaceUsageTable, MeUser

from dust_ext._core.call import Call, generated_call, generated_model_of
from dust_ext._core.params import given
from dust_ext._core.request import json_body

UsageMode = Literal["month", "range"]
UsageTable = Literal["users", "assistant_messages", "builders", "assistants", "feedback", "all"]
UsageFormat = Literal["csv", "json"]
DateLike = str | _dt.date


def _date_text(value: DateLike, mode: UsageMode) -> str:
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m") if mode == "month" else value.isoformat()
    return value


def usage_body(response: httpx.Response) -> str | bytes | dict[str, Any]:
    """CSV as text, JSON parsed, anything else (the ZIP of ``table="all"``) as bytes."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type == "application/json":
        body: dict[str, Any] = json_body(response)
        return body
    if media_type.startswith("text/"):
        return response.text
    return response.content


def usage_call(
    workspace_id: str,
    start: DateLike,
    end: DateLike | None,
    mode: UsageMode,
    table: UsageTable,
    output: UsageFormat | None,
    include_inactive: bool | None,
) -> Call[str | bytes | dict[str, Any]]:
    return generated_call(
        get_workspace_usage,
        usage_body,
        w_id=workspace_id,
        start=_date_text(start, mode),
        end=given(_date_text(end, mode) if end is not None else None),
        mode=GetWorkspaceUsageMode(mode),
        table=GetWorkspaceUsageTable(table),
        format_=GetWorkspaceUsageFormat(output) if output else given(None),
        include_inactive=given(include_inactive),
    )


def me_call() -> Call[MeUser]:
    """``GET /api/v1/me`` (not workspace-scoped): ``{"user": MeUser}``, the generated model as it is."""
    return generated_call(get_me, generated_model_of(MeUser, "user"))
