"""The calls of ``client.workspace``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

import httpx
from dust_api.api.spaces import (
    get_project_metadata,
    list_project_files,
    list_space_conversation_ids,
    list_space_conversations,
)
from dust_api.api.workspace import (
    check_workspace_exists,
    get_feature_flags,
    get_me,
    get_workspace_usage,
    list_member_emails,
    list_verified_domains,
)
from dust_api.models import GetWorkspaceUsageFormat, GetWorkspaceUsageMode, GetWorkspaceUsageTable, MeUser

from dust_ext._core.call import Call, generated_call, generated_model_of, list_of, raw_json
from dust_ext._core.params import given
from dust_ext._core.request import json_body
from dust_ext.types.workspace import ProjectFile, VerifiedDomain

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


def _key(key: str) -> Any:
    return lambda response: raw_json(response)[key]


def exists_call(workspace_id: str) -> Call[bool]:
    return generated_call(check_workspace_exists, lambda r: bool(raw_json(r)["exists"]), w_id=workspace_id)


def verified_domains_call(workspace_id: str) -> Call[list[VerifiedDomain]]:
    return generated_call(
        list_verified_domains, list_of(VerifiedDomain, "verified_domains"), w_id=workspace_id
    )


def member_emails_call(workspace_id: str, active_only: bool | None) -> Call[list[str]]:
    return generated_call(
        list_member_emails,
        lambda r: [str(e) for e in raw_json(r)["emails"]],
        w_id=workspace_id,
        active_only=given(active_only),
    )


def me_call() -> Call[MeUser]:
    """``GET /api/v1/me`` (not workspace-scoped): ``{"user": MeUser}``, the generated model as it is."""
    return generated_call(get_me, generated_model_of(MeUser, "user"))


def feature_flags_call(workspace_id: str) -> Call[list[str]]:
    return generated_call(
        get_feature_flags, lambda r: [str(f) for f in raw_json(r)["feature_flags"]], w_id=workspace_id
    )


def space_conversations_call(
    workspace_id: str, space_id: str, updated_since: float | None
) -> Call[list[dict[str, Any]]]:
    return generated_call(
        list_space_conversations,
        _key("conversations"),
        w_id=workspace_id,
        space_id=space_id,
        updated_since=given(updated_since),
    )


def space_conversation_ids_call(workspace_id: str, space_id: str) -> Call[list[str]]:
    return generated_call(
        list_space_conversation_ids, _key("conversationIds"), w_id=workspace_id, space_id=space_id
    )


def project_metadata_call(workspace_id: str, space_id: str) -> Call[dict[str, Any] | None]:
    return generated_call(get_project_metadata, _key("metadata"), w_id=workspace_id, space_id=space_id)


def project_files_call(
    workspace_id: str, space_id: str, updated_since: float | None
) -> Call[list[ProjectFile]]:
    return generated_call(
        list_project_files,
        list_of(ProjectFile, "files"),
        w_id=workspace_id,
        space_id=space_id,
        updated_since=given(updated_since),
    )
