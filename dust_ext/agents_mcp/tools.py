"""Dust agents as MCP tools, the part that needs no connection: tool names and descriptions from agent
configurations, the tools' argument and result schemas, argument checks, and the tool results built from
a reply or from a Dust error.

The MCP wiring (sessions, progress, cancellation) is in :mod:`dust_ext.agents_mcp.server`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mcp import types

from dust_ext.chat import ChatResponse
from dust_ext.exceptions import (
    DustAgentError,
    DustAPIError,
    DustConnectionError,
    DustError,
    DustTimeoutError,
    DustToolActionRequiredError,
)
from dust_ext.types.actions import AgentAction
from dust_ext.types.agents import AgentConfiguration

#: Longest tool name: MCP allows 128 characters, but several clients (and the model APIs behind them) take
#: at most 64, from ``[a-zA-Z0-9_-]``.
MAX_TOOL_NAME_CHARS = 64
#: Longest question: a question is a chat message; long material belongs in ``attachment``.
MAX_QUESTION_CHARS = 100_000
#: Longest attached text (sent to Dust as a text content fragment).
MAX_ATTACHMENT_CHARS = 2_000_000
#: How much of an agent's instructions its tool description quotes.
INSTRUCTIONS_SUMMARY_CHARS = 300

_NOT_IN_TOOL_NAME = re.compile(r"[^a-z0-9_-]+")
_SID = re.compile(r"[A-Za-z0-9_-]{1,200}")

INPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "question": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_QUESTION_CHARS,
            "description": "What to ask the agent.",
        },
        "conversation_id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,200}$",
            "description": "Continue this Dust conversation (the conversation_id of an earlier result) "
            "instead of starting a new one.",
        },
        "attachment": {
            "type": "string",
            "maxLength": MAX_ATTACHMENT_CHARS,
            "description": "Text the agent should read with the question (a file's content, a log, a diff), "
            "attached to the conversation as a document.",
        },
        "attachment_title": {
            "type": "string",
            "description": "The attachment's title, e.g. a file name (default: 'attachment.txt').",
        },
    },
    "required": ["question"],
    "additionalProperties": False,
}

OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "agent": {"type": "string", "description": "The agent's sId."},
        "conversation_id": {"type": "string", "description": "Pass it back to continue the conversation."},
        "conversation_url": {"type": "string", "description": "The conversation in the Dust web app."},
        "message_id": {"type": ["string", "null"], "description": "The agent message's sId."},
        "reply": {"type": "string", "description": "The agent's reply."},
        "actions": {
            "type": "array",
            "description": "The tools the agent ran for this reply, in order.",
            "items": {
                "type": "object",
                "properties": {
                    "tool": {"type": ["string", "null"]},
                    "status": {"type": ["string", "null"]},
                    "params": {"type": ["object", "null"]},
                    "output": {"type": "string"},
                },
            },
        },
    },
    "required": ["agent", "conversation_id", "conversation_url", "reply", "actions"],
}


@dataclass(frozen=True)
class AgentTool:
    """One agent served as one MCP tool."""

    name: str
    agent: AgentConfiguration

    def definition(self) -> types.Tool:
        """The tool as ``tools/list`` describes it."""
        return types.Tool(
            name=self.name,
            title=f"@{self.agent.name}",
            description=tool_description(self.agent),
            inputSchema=INPUT_SCHEMA,
            outputSchema=OUTPUT_SCHEMA,
            annotations=types.ToolAnnotations(
                title=f"Ask @{self.agent.name}", readOnlyHint=False, openWorldHint=True
            ),
        )


@dataclass(frozen=True)
class AgentQuestion:
    """A tool call's arguments, checked."""

    question: str
    conversation_id: str | None = None
    attachment: str | None = None
    attachment_title: str = "attachment.txt"


class ToolArgumentError(ValueError):
    """A tool call's arguments do not fit the tool's input schema (the message never quotes them)."""


def tool_name_for(agent: AgentConfiguration) -> str:
    """A tool name from the agent's name: lower case, runs of other characters than ``a-z0-9_-`` as ``_``
    (``"Sales Bot"`` -> ``sales_bot``); from its sId when the name has no usable character."""
    slug = _NOT_IN_TOOL_NAME.sub("_", agent.name.lower()).strip("_-")
    if not slug:
        slug = _NOT_IN_TOOL_NAME.sub("_", agent.sId.lower()).strip("_-") or "agent"
    return slug[:MAX_TOOL_NAME_CHARS]


def agent_tools(agents: Iterable[AgentConfiguration]) -> list[AgentTool]:
    """One tool per agent (an agent listed twice counts once), with unique names: a name already taken
    gets the agent's sId appended."""
    tools: list[AgentTool] = []
    taken: set[str] = set()
    seen: set[str] = set()
    for agent in agents:
        if agent.sId in seen:
            continue
        seen.add(agent.sId)
        name = tool_name_for(agent)
        if name in taken:
            suffix = "_" + (_NOT_IN_TOOL_NAME.sub("_", agent.sId.lower()).strip("_-") or str(len(tools)))
            name = name[: MAX_TOOL_NAME_CHARS - len(suffix)] + suffix
        taken.add(name)
        tools.append(AgentTool(name, agent))
    return tools


def tool_description(agent: AgentConfiguration) -> str:
    """What the MCP client's model reads to decide when to call the agent: its name, its description and
    the start of its instructions, then how to continue a conversation."""
    lines = [f"Ask the Dust agent @{agent.name} a question and get its answer."]
    if agent.description.strip():
        lines.append(agent.description.strip())
    instructions = " ".join((agent.instructions or "").split())
    if instructions:
        if len(instructions) > INSTRUCTIONS_SUMMARY_CHARS:
            instructions = instructions[: INSTRUCTIONS_SUMMARY_CHARS - 1].rstrip() + "…"
        lines.append(f"Its instructions begin: {instructions}")
    lines.append(
        "The result gives a conversation_id: pass it back to ask a follow-up in the same conversation."
    )
    return "\n\n".join(lines)


def parse_arguments(arguments: Mapping[str, Any] | None) -> AgentQuestion:
    """The checked arguments of a tool call; raises :class:`ToolArgumentError` naming what is wrong."""
    arguments = arguments or {}
    unknown = sorted(set(arguments) - set(INPUT_SCHEMA["properties"]))
    if unknown:
        names = ", ".join(repr(name[:40]) for name in unknown[:5])
        raise ToolArgumentError(f"unknown argument(s) {names}: this tool takes {_argument_names()}")
    question = _text_argument(arguments, "question", MAX_QUESTION_CHARS)
    if question is None or not question.strip():
        raise ToolArgumentError("'question' is required: the text to ask the agent")
    attachment = _text_argument(arguments, "attachment", MAX_ATTACHMENT_CHARS)
    title = _text_argument(arguments, "attachment_title", 1_000)
    conversation_id = (_text_argument(arguments, "conversation_id", 200) or "").strip()
    if conversation_id and not _SID.fullmatch(conversation_id):
        raise ToolArgumentError(
            "'conversation_id' must be the conversation_id of an earlier result (letters, digits, _ and -)"
        )
    return AgentQuestion(
        question=question,
        conversation_id=conversation_id or None,
        attachment=attachment,
        attachment_title=title or "attachment.txt",
    )


def _argument_names() -> str:
    return ", ".join(INPUT_SCHEMA["properties"])


def _text_argument(arguments: Mapping[str, Any], name: str, max_chars: int) -> str | None:
    value = arguments.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ToolArgumentError(f"'{name}' must be a string, not {type(value).__name__}")
    if len(value) > max_chars:
        raise ToolArgumentError(f"'{name}' is too long: {len(value)} characters, at most {max_chars}")
    return value


def conversation_url(base_url: str, workspace_id: str, conversation_id: str) -> str:
    """The conversation in the Dust web app."""
    return f"{base_url.rstrip('/')}/w/{workspace_id}/conversation/{conversation_id}"


def action_summary(action: AgentAction) -> dict[str, Any]:
    """One tool call of the agent, as the result's ``actions`` list gives it."""
    return {
        "tool": action.toolName or action.functionCallName,
        "status": action.status,
        "params": action.params,
        "output": action.output_text,
    }


def reply_result(agent: AgentConfiguration, response: ChatResponse, url: str) -> types.CallToolResult:
    """The tool result of a finished reply: its text, and the conversation and tool calls as structured
    content."""
    structured = {
        "agent": agent.sId,
        "conversation_id": response.conversation_id,
        "conversation_url": url,
        "message_id": response.message_id,
        "reply": response.text,
        "actions": [action_summary(action) for action in response.actions],
    }
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=response.text)],
        structuredContent=structured,
        isError=False,
    )


def error_code(error: DustError) -> str:
    """Dust's code for the error (``error.type`` of an API error, an agent error's code), or ours when
    Dust sent none."""
    if isinstance(error, DustAPIError):
        return error.error_type or f"http_{error.status_code}"
    if isinstance(error, DustAgentError):
        return error.code or "agent_error"
    if isinstance(error, DustToolActionRequiredError):
        return "tool_action_required"
    if isinstance(error, DustTimeoutError):
        return "timeout"
    if isinstance(error, DustConnectionError):
        return "connection_error"
    return "dust_error"


def error_result(
    error: DustError | ToolArgumentError,
    *,
    conversation_id: str | None = None,
    url: str | None = None,
) -> types.CallToolResult:
    """A tool error: the text says what failed (with Dust's error code); the structured content carries the
    code and, when one was started, the conversation."""
    if isinstance(error, ToolArgumentError):
        code, message = "invalid_arguments", str(error)
    else:
        code = error_code(error)
        message = error.message if isinstance(error, DustAPIError | DustAgentError) else str(error)
    detail: dict[str, Any] = {"code": code, "message": message}
    if isinstance(error, DustAPIError):
        detail["status"] = error.status_code
        if error.request_id:
            detail["request_id"] = error.request_id
    structured: dict[str, Any] = {"error": detail}
    if conversation_id is not None:
        structured["conversation_id"] = conversation_id
        structured["conversation_url"] = url
    text = f"Dust error {code}: {message}"
    if url:
        text += f" (conversation: {url})"
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)], structuredContent=structured, isError=True
    )


def unknown_tool_result(name: str, tools: Iterable[AgentTool]) -> types.CallToolResult:
    """The tool error for a name this server does not serve."""
    shown = json.dumps(name[:80])
    known = ", ".join(tool.name for tool in tools) or "none"
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=f"Unknown tool {shown}; this server has: {known}")],
        isError=True,
    )
