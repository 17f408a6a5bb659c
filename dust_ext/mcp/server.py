"""The MCP server side of ``client.mcp.serve``, without I/O: Python functions as tools, JSON-RPC in and out.

:class:`ToolServerProtocol` answers every request itself but ``tools/call``, which it hands back as a
:class:`ToolCall` for the driver to run (in a thread, or awaited).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from dust_ext.types.mcp import MCPRequest

JSONObject = dict[str, Any]

PROTOCOL_VERSION = "2025-06-18"
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602


def _arguments_model(function: Callable[..., Any], name: str) -> type[BaseModel]:
    signature = inspect.signature(function)
    hints = get_type_hints(function)
    fields: dict[str, Any] = {}
    for parameter in signature.parameters.values():
        if parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        annotation = hints.get(parameter.name, Any)
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        fields[parameter.name] = (annotation, default)
    return create_model(f"{name}_arguments", __config__=ConfigDict(extra="forbid"), **fields)


@dataclass(frozen=True)
class Tool:
    """A Python function exposed as an MCP tool."""

    name: str
    description: str
    function: Callable[..., Any]
    arguments_model: type[BaseModel]

    @classmethod
    def from_function(
        cls, function: Callable[..., Any], *, name: str | None = None, description: str | None = None
    ) -> Tool:
        """The tool for ``function``: named after it, described by its docstring, its parameters (from the
        type hints) as the input schema."""
        tool_name = name or function.__name__
        text = description if description is not None else inspect.getdoc(function) or ""
        return cls(tool_name, text, function, _arguments_model(function, tool_name))

    @property
    def input_schema(self) -> JSONObject:
        """The JSON Schema of the tool's arguments (what the agent's model fills in)."""
        schema = self.arguments_model.model_json_schema()
        schema.pop("title", None)
        schema.setdefault("properties", {})
        return schema

    def describe(self) -> JSONObject:
        """The tool as ``tools/list`` lists it."""
        return {"name": self.name, "description": self.description, "inputSchema": self.input_schema}

    def bind(self, arguments: Mapping[str, Any]) -> JSONObject:
        """The keyword arguments to call the function with (validated and converted); raises
        ``pydantic.ValidationError`` if they do not fit the signature."""
        validated = self.arguments_model.model_validate(dict(arguments))
        return {field: getattr(validated, field) for field in type(validated).model_fields}

    @property
    def is_async(self) -> bool:
        """Whether the function is a coroutine function (awaited when called)."""
        return inspect.iscoroutinefunction(self.function)


@dataclass(frozen=True)
class ToolCall:
    """A ``tools/call`` request to run: the tool, its validated keyword arguments, the JSON-RPC id."""

    request_id: int | str
    tool: Tool
    kwargs: JSONObject


def text_of(value: Any) -> str:
    """How a tool's return value reaches the agent: strings as they are, anything else as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return str(value)


class ToolServerProtocol:
    """Answers Dust's JSON-RPC requests for a set of tools (one instance per served server)."""

    def __init__(self, tools: Iterable[Tool], *, server_name: str, version: str = "1.0.0") -> None:
        self.tools = {tool.name: tool for tool in tools}
        self.server_name = server_name
        self.version = version

    @staticmethod
    def response(request_id: int | str | None, result: JSONObject) -> JSONObject:
        """A JSON-RPC success answer to request ``request_id``."""
        return {"jsonrpc": "2.0", "id": request_id, "result": result}

    @staticmethod
    def error(request_id: int | str | None, code: int, message: str) -> JSONObject:
        """A JSON-RPC error answer (``code`` from the JSON-RPC error codes) to request ``request_id``."""
        return {"jsonrpc": "2.0", "id": request_id, "error": {"code": code, "message": message}}

    def handle(self, request: MCPRequest) -> JSONObject | ToolCall | None:
        """The response to post for ``request``, a :class:`ToolCall` to run first, or ``None`` (a
        notification needs no response)."""
        if request.is_notification:
            return None
        request_id = request.id
        if request.method == "initialize":
            asked = request.params.get("protocolVersion")
            return self.response(
                request_id,
                {
                    "protocolVersion": asked if isinstance(asked, str) else PROTOCOL_VERSION,
                    "capabilities": {"tools": {}},
                    "serverInfo": {"name": self.server_name, "version": self.version},
                },
            )
        if request.method == "ping":
            return self.response(request_id, {})
        if request.method == "tools/list":
            return self.response(request_id, {"tools": [tool.describe() for tool in self.tools.values()]})
        if request.method != "tools/call":
            return self.error(request_id, METHOD_NOT_FOUND, f"Method not found: {request.method}")
        assert request_id is not None
        tool = self.tools.get(request.tool_name or "")
        if tool is None:
            return self.error(request_id, INVALID_PARAMS, f"Unknown tool: {request.tool_name}")
        try:
            kwargs = tool.bind(request.arguments)
        except ValidationError as exc:
            return self.error(request_id, INVALID_PARAMS, f"Invalid arguments for tool {tool.name}: {exc}")
        return ToolCall(request_id, tool, kwargs)

    def result(self, call: ToolCall, value: Any) -> JSONObject:
        """The response carrying a tool's return value."""
        return self.response(
            call.request_id, {"content": [{"type": "text", "text": text_of(value)}], "isError": False}
        )

    def failure(self, call: ToolCall, exc: BaseException) -> JSONObject:
        """The response for a tool that raised: a result marked ``isError`` (how MCP reports a tool's failure
        to the model), so the agent sees why."""
        message = f"{type(exc).__name__}: {exc}"
        return self.response(
            call.request_id, {"content": [{"type": "text", "text": message}], "isError": True}
        )
