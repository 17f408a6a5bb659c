"""The spec operations dust_ext deliberately leaves without a wrapper, each with the reason.

``tests/test_api_coverage.py`` checks that every operation of ``openapi/dust-api.yaml`` is either wrapped by a
dust_ext module or listed here, and that nothing listed here has gained a wrapper since. Every operation stays
reachable through ``client.workspace_request(method, path)`` and the generated client (``dust_api``).
"""

from __future__ import annotations

UNWRAPPED_OPERATIONS: dict[str, str] = {
    "uploadToolFile": (
        "Imports a file a tool server exposes (e.g. a connected drive's document) into Dust; it needs a "
        "remote MCP server view with file access, which the emulator does not model, so it stays "
        "untested and unwrapped. Use workspace_request('POST', 'search/tools/upload')."
    ),
}
