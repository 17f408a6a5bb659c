"""The spec operations dust_ext deliberately leaves without a wrapper, each with the reason.

``tests/test_api_coverage.py`` checks that every operation of ``openapi/dust-api.yaml`` is either used by a
dust_ext module (found by scanning the source for the generated client's operation modules) or listed
here, and that nothing listed here has gained a wrapper since. Every operation stays reachable through
``client.workspace_request(method, path)`` and the generated client (``dust_api``).
"""

from __future__ import annotations

_LEGACY_MOUNT = (
    "Dust also serves the data source routes without the space segment, acting on the workspace's "
    "global space (the paths the official JS SDK calls, with a system key). The handler is the same as "
    "the space-scoped operation dust_ext wraps: pass the global space's sId (client.spaces.list()) there."
)

UNWRAPPED_OPERATIONS: dict[str, str] = {
    "listWorkspaceDataSources": _LEGACY_MOUNT + " Wrapped: client.data_sources.list(space_id).",
    "tokenizeTextInGlobalSpace": _LEGACY_MOUNT + " Wrapped: client.data_sources.tokenize(space_id, ...).",
    "upsertFolderInGlobalSpace": _LEGACY_MOUNT
    + " Wrapped: client.data_sources.folders.upsert(space_id, ...).",
    "deleteFolderInGlobalSpace": _LEGACY_MOUNT
    + " Wrapped: client.data_sources.folders.delete(space_id, ...).",
    "uploadToolFile": (
        "Imports a file a tool server exposes (e.g. a connected drive's document) into Dust; it needs a "
        "remote MCP server view with file access, which the emulator does not model, so it stays "
        "untested and unwrapped. Use workspace_request('POST', 'search/tools/upload')."
    ),
}
