"""``client.workspace``: the workspace, its usage exports and project spaces. The resource is written once
(``_async.py``); the blocking ``Workspace`` is generated from it; the pure call builders are in
``calls.py``."""

from dust_ext.resources.workspace._async import (
    AsyncWorkspace,
    AsyncWorkspaceWithRawResponse,
    AsyncWorkspaceWithStreamingResponse,
)
from dust_ext.resources.workspace._sync import (
    Workspace,
    WorkspaceWithRawResponse,
    WorkspaceWithStreamingResponse,
)
from dust_ext.resources.workspace.calls import DateLike, UsageFormat, UsageMode, UsageTable, usage_body
from dust_ext.types.workspace import ProjectFile, VerifiedDomain

__all__ = [
    "AsyncWorkspace",
    "AsyncWorkspaceWithRawResponse",
    "AsyncWorkspaceWithStreamingResponse",
    "DateLike",
    "ProjectFile",
    "UsageFormat",
    "UsageMode",
    "UsageTable",
    "VerifiedDomain",
    "Workspace",
    "WorkspaceWithRawResponse",
    "WorkspaceWithStreamingResponse",
    "usage_body",
]
