# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.workspace``: facts about the workspace itself, usage exports, and project spaces (``_sync.py`` is
generated from this file).

A *workspace* is a Dust organisation: its members, agents, spaces and data. The API key decides which
workspace a call reaches. ``workspace.usage`` exports activity tables (users, agent messages, builders,
agents, feedback) for a month or a date range, as CSV (``format="csv"``, the default: text, or a ZIP
archive's bytes for ``table="all"``) or JSON (parsed). *Project spaces* are spaces holding a project's
conversations and files.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from dust_api.models import MeUser

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.workspace.calls import (
    DateLike,
    UsageFormat,
    UsageMode,
    UsageTable,
    exists_call,
    feature_flags_call,
    me_call,
    member_emails_call,
    project_files_call,
    project_metadata_call,
    space_conversation_ids_call,
    space_conversations_call,
    usage_call,
    verified_domains_call,
)
from dust_ext.types.workspace import ProjectFile, VerifiedDomain


class Workspace(Resource):
    """The workspace: ``client.workspace``."""

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

    def me(self, *, options: RequestOptions | None = None) -> MeUser:
        """The Dust user behind the client's OAuth ``access_token``, with the workspaces they belong to
        (``user.workspaces``: each ``s_id``, ``name`` and ``role``). An API key is not a user's token:
        Dust answers :class:`~dust_ext.DustUnauthorizedError` (``not_authenticated``)."""
        return self._run(me_call().with_options(options))

    def feature_flags(self, *, options: RequestOptions | None = None) -> list[str]:
        """The feature flags enabled for the workspace."""
        return self._run(feature_flags_call(self._workspace_id).with_options(options))

    def space_conversations(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[dict[str, Any]]:
        """The conversations of a project space (``updated_since``: epoch ms)."""
        call = space_conversations_call(self._workspace_id, space_id, updated_since)
        return self._run(call.with_options(options))

    def space_conversation_ids(self, space_id: str, *, options: RequestOptions | None = None) -> list[str]:
        """The ids of a project space's conversations."""
        call = space_conversation_ids_call(self._workspace_id, space_id)
        return self._run(call.with_options(options))

    def project_metadata(
        self, space_id: str, *, options: RequestOptions | None = None
    ) -> dict[str, Any] | None:
        """A project space's metadata (``None`` for a space that is not a project)."""
        return self._run(project_metadata_call(self._workspace_id, space_id).with_options(options))

    def project_files(
        self, space_id: str, *, updated_since: float | None = None, options: RequestOptions | None = None
    ) -> list[ProjectFile]:
        """The files of a project space."""
        call = project_files_call(self._workspace_id, space_id, updated_since)
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> WorkspaceWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return WorkspaceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> WorkspaceWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return WorkspaceWithStreamingResponse(self)


class WorkspaceWithRawResponse:
    """``client.workspace.with_raw_response``."""

    def __init__(self, workspace: Workspace) -> None:
        self.usage = to_raw_response_wrapper(workspace.usage)
        self.exists = to_raw_response_wrapper(workspace.exists)
        self.verified_domains = to_raw_response_wrapper(workspace.verified_domains)
        self.member_emails = to_raw_response_wrapper(workspace.member_emails)
        self.me = to_raw_response_wrapper(workspace.me)
        self.feature_flags = to_raw_response_wrapper(workspace.feature_flags)
        self.space_conversations = to_raw_response_wrapper(workspace.space_conversations)
        self.space_conversation_ids = to_raw_response_wrapper(workspace.space_conversation_ids)
        self.project_metadata = to_raw_response_wrapper(workspace.project_metadata)
        self.project_files = to_raw_response_wrapper(workspace.project_files)


class WorkspaceWithStreamingResponse:
    """``client.workspace.with_streaming_response``."""

    def __init__(self, workspace: Workspace) -> None:
        self.usage = to_streamed_response_wrapper(workspace.usage)
        self.exists = to_streamed_response_wrapper(workspace.exists)
        self.verified_domains = to_streamed_response_wrapper(workspace.verified_domains)
        self.member_emails = to_streamed_response_wrapper(workspace.member_emails)
        self.me = to_streamed_response_wrapper(workspace.me)
        self.feature_flags = to_streamed_response_wrapper(workspace.feature_flags)
        self.space_conversations = to_streamed_response_wrapper(workspace.space_conversations)
        self.space_conversation_ids = to_streamed_response_wrapper(workspace.space_conversation_ids)
        self.project_metadata = to_streamed_response_wrapper(workspace.project_metadata)
        self.project_files = to_streamed_response_wrapper(workspace.project_files)
