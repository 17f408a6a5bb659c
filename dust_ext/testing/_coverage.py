"""The spec operations the emulator deliberately does not serve, each with the reason.

``tests/test_emulator_conformance.py`` checks that every operation of ``openapi/dust-api.yaml`` has an
emulator route or is listed here, and that nothing listed here has gained a route since.
"""

from __future__ import annotations

UNEMULATED_OPERATIONS: dict[str, str] = {
    "uploadToolFile": (
        "Copies a file from a connected tool (an MCP server view with file access, e.g. a drive) into Dust: "
        "it needs the tool's OAuth token and the remote file, which the emulator does not model. Dust's "
        "handler answers {file} on success, 400 when the server view gives no token."
    ),
}
