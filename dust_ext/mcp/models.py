"""Kept so imports of earlier versions work: these models live in ``dust_ext.types.mcp``."""

from dust_ext.types.mcp import (
    MCPHeartbeat,
    MCPRegistration,
    MCPRequest,
    MCPServerView,
    decode_request_frame,
)

__all__ = ["MCPHeartbeat", "MCPRegistration", "MCPRequest", "MCPServerView", "decode_request_frame"]
