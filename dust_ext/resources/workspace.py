"""``client.workspace``: facts about the workspace itself, usage exports, and project spaces.

A *workspace* is a Dust organisation: its members, agents, spaces and data. The API key decides which
workspace a call reaches. :meth:`Workspace.usage` exports activity tables (users, agent messages, builders,
agents, feedback) for a month or a date range, as CSV (``format="csv"``, the default: text, or a ZIP
archive's bytes for ``table="all"``) or JSON (parsed). *Project spaces* are spaces holding a project's
conversations and files.
"""

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
    get_workspace_usage,
    list_member_emails,
    list_verified_domains,
)
from dust_api.models import GetWorkspaceUsageFormat, GetWorkspaceUsageMode, GetWorkspaceUsageTable
from pydantic import BaseModel, ConfigDict

from dust_ext._core.params import given
from dust_ext._http import RequestOptions, json_body
from dust_ext.resources._base import AsyncResource, Call, Resource, generated_call, list_of, raw_json

UsageMode = Literal["month", "range"]
UsageTable = Literal["users", "assistant_messages", "builders", "assistants", "feedback", "all"]
UsageFormat = Literal["csv", "json"]
DateLike = str | _dt.date


class VerifiedDomain(BaseModel):
    """An email domain the workspace proved it owns (``domainAutoJoinEnabled``: people with an address
    there may join by themselves)."""

    model_config = ConfigDict(extra="allow")

    domain: str
    domainAutoJoinEnabled: bool | None = None


class ProjectFile(BaseModel):
    """A file or directory of a project space."""

    model_config = ConfigDict(extra="allow")

    isDirectory: bool
    fileName: str
    path: str
    sizeBytes: int | None = None
    lastModifiedMs: float | None = None
    contentType: str | None = None
    fileId: str | None = None


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


class Workspace(Resource):
    """The workspace (sync)."""

    def usage(
        self,
        start: DateLike,
        *,
        end: DateLike | None = None,
        mode: UsageMode = "month",
        table: UsageTable = "all",
        format: UsageFormat | None = None,
        include_inactive: bool | None = None,
        options: RequestOptions | None = None,
    ) -> str | bytes | dict[str, Any]:
        """Usage data from ``start`` (``YYYY-MM`` in month mode; ``YYYY-MM-DD`` with ``end`` in range mode;
        a ``date`` works for both): CSV text, a ZIP's bytes (CSV of ``table="all"``) or parsed JSON."""
        call = usage_call(self._workspace_id, start, end, mode, table, format, include_inactive)
        return self._run(call.with_options(options))

    def exists(self, *, options: RequestOptions | None = None) -> bool:
        """Whether the workspace exists (and the key reaches it)."""
        return self._run(exists_call(self._workspace_id).with_options(options))

    def verified_domains(self, *, options: RequestOptions | None = None) -> list[VerifiedDomain]:
        """The workspace's verified email domains."""
        return self._run(verified_domains_call(self._workspace_id).with_options(options))

    def member_emails(
        self, *, active_only: bool | None = None, options: RequestOptions | None = None
    ) -> list[str]:
        """The members' email addresses (``active_only``: leave out revoked members)."""
        return self._run(member_emails_call(self._workspace_id, active_only).with_options(options))

    def feature_flags(self, *, options: RequestOptions | None = None) -> list[str]:
        """The feature flags enabled for the workspace."""
        return self._run(feature_flags_call(self._workspace_id).with_options(options))

    def space_conversations(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[dict[str, Any]]:
        """The conversations of a project space (``updated_since``: epoch ms)."""
        return self._run(
            space_conversations_call(self._workspace_id, space_id, updated_since).with_options(options)
        )

    def space_conversation_ids(self, space_id: str, *, options: RequestOptions | None = None) -> list[str]:
        """The ids of a project space's conversations."""
        return self._run(space_conversation_ids_call(self._workspace_id, space_id).with_options(options))

    def project_metadata(
        self, space_id: str, *, options: RequestOptions | None = None
    ) -> dict[str, Any] | None:
        """A project space's metadata (``None`` for a space that is not a project)."""
        return self._run(project_metadata_call(self._workspace_id, space_id).with_options(options))

    def project_files(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[ProjectFile]:
        """The files of a project space."""
        return self._run(
            project_files_call(self._workspace_id, space_id, updated_since).with_options(options)
        )


class AsyncWorkspace(AsyncResource):
    """The workspace (asyncio); see :class:`Workspace`."""

    async def usage(
        self,
        start: DateLike,
        *,
        end: DateLike | None = None,
        mode: UsageMode = "month",
        table: UsageTable = "all",
        format: UsageFormat | None = None,
        include_inactive: bool | None = None,
        options: RequestOptions | None = None,
    ) -> str | bytes | dict[str, Any]:
        """See :meth:`Workspace.usage`."""
        call = usage_call(self._workspace_id, start, end, mode, table, format, include_inactive)
        return await self._run(call.with_options(options))

    async def exists(self, *, options: RequestOptions | None = None) -> bool:
        """See :meth:`Workspace.exists`."""
        return await self._run(exists_call(self._workspace_id).with_options(options))

    async def verified_domains(self, *, options: RequestOptions | None = None) -> list[VerifiedDomain]:
        """See :meth:`Workspace.verified_domains`."""
        return await self._run(verified_domains_call(self._workspace_id).with_options(options))

    async def member_emails(
        self, *, active_only: bool | None = None, options: RequestOptions | None = None
    ) -> list[str]:
        """See :meth:`Workspace.member_emails`."""
        return await self._run(member_emails_call(self._workspace_id, active_only).with_options(options))

    async def feature_flags(self, *, options: RequestOptions | None = None) -> list[str]:
        """See :meth:`Workspace.feature_flags`."""
        return await self._run(feature_flags_call(self._workspace_id).with_options(options))

    async def space_conversations(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[dict[str, Any]]:
        """See :meth:`Workspace.space_conversations`."""
        call = space_conversations_call(self._workspace_id, space_id, updated_since)
        return await self._run(call.with_options(options))

    async def space_conversation_ids(
        self, space_id: str, *, options: RequestOptions | None = None
    ) -> list[str]:
        """See :meth:`Workspace.space_conversation_ids`."""
        return await self._run(
            space_conversation_ids_call(self._workspace_id, space_id).with_options(options)
        )

    async def project_metadata(
        self, space_id: str, *, options: RequestOptions | None = None
    ) -> dict[str, Any] | None:
        """See :meth:`Workspace.project_metadata`."""
        return await self._run(project_metadata_call(self._workspace_id, space_id).with_options(options))

    async def project_files(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[ProjectFile]:
        """See :meth:`Workspace.project_files`."""
        call = project_files_call(self._workspace_id, space_id, updated_since)
        return await self._run(call.with_options(options))
