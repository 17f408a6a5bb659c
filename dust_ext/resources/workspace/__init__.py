"""``client.workspace``: the workspace, its usage exports and project spaces. ``_async.py`` is generated
from openapi/ (make generate) and inherits the hand-written methods of ``_behaviour_async.py``; the
blocking twins (``_sync.py``, ``_behaviour_sync.py``) come from make unasync."""

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
