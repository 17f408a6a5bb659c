"""The calls that answer a tool call waiting for the user, described without I/O (see
:mod:`dust_ext._core.call`), and the pure part of a pending tool action. ``client.conversations`` (by id) and
the chat streams' pending actions share them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias, get_args

from dust_ext._core.call import Call, list_of, operation_call, success_flag
from dust_ext._core.params import one_of
from dust_ext.events import (
    DustEvent,
    ToolApproveExecutionEvent,
    ToolAskUserQuestionEvent,
    ToolFileAuthRequiredEvent,
    ToolPersonalAuthRequiredEvent,
)
from dust_ext.exceptions import DustError, DustInvalidArgumentError
from dust_ext.types.actions import ToolMetadata, ToolQuestion
from dust_ext.types.tools import BlockedAction

Verdict = Literal["approved", "rejected", "always_approved"]
"""How a tool call waiting for approval is answered (``always_approved``: approve this tool from now on)."""
BlockedToolEvent: TypeAlias = (
    ToolApproveExecutionEvent
    | ToolAskUserQuestionEvent
    | ToolPersonalAuthRequiredEvent
    | ToolFileAuthRequiredEvent
)
BLOCKED_TOOL_EVENTS: tuple[type[DustEvent], ...] = get_args(BlockedToolEvent)
BlockedActionList = list[BlockedAction]
# What each blocked tool event waits for.
_KINDS: dict[type[DustEvent], Literal["approval", "question", "personal_auth", "file_auth"]] = {
    ToolApproveExecutionEvent: "approval",
    ToolAskUserQuestionEvent: "question",
    ToolPersonalAuthRequiredEvent: "personal_auth",
    ToolFileAuthRequiredEvent: "file_auth",
}


# --- calls (pure) ----------------------------------------------------------------------------------------

_CONVERSATION = "/api/v1/w/{workspace_id}/assistant/conversations/{conversation_id}"
_MESSAGE = _CONVERSATION + "/messages/{message_id}"


def validate_action_call(
    workspace_id: str, conversation_id: str, message_id: str, action_id: str, verdict: Verdict
) -> Call[bool]:
    """``POST .../validate-action``: approve or reject a tool call waiting for approval."""
    if verdict not in get_args(Verdict):
        raise DustInvalidArgumentError(
            f"verdict must be 'approved', 'rejected' or 'always_approved', not {verdict!r}"
        )
    path = {"workspace_id": workspace_id, "conversation_id": conversation_id, "message_id": message_id}
    body = {"actionId": action_id, "approved": verdict}
    return operation_call("POST", _MESSAGE + "/validate-action", path=path, parse=success_flag, json=body)


def answer_payload(selected_options: Sequence[int] | None, custom_response: str | None) -> dict[str, Any]:
    """Dust's answer object: the indexes of the chosen options, and/or a free-text response."""
    if not selected_options and not custom_response:
        raise DustInvalidArgumentError("an answer needs selected_options and/or custom_response")
    answer: dict[str, Any] = {"selectedOptions": [int(index) for index in selected_options or ()]}
    if custom_response:
        answer["customResponse"] = custom_response
    return answer


def answer_question_call(
    workspace_id: str,
    conversation_id: str,
    message_id: str,
    action_id: str,
    selected_options: Sequence[int] | None,
    custom_response: str | None,
) -> Call[bool]:
    """``POST .../answer-question``: answer a tool's question."""
    path = {"workspace_id": workspace_id, "conversation_id": conversation_id, "message_id": message_id}
    body = {"actionId": action_id, "answer": answer_payload(selected_options, custom_response)}
    return operation_call("POST", _MESSAGE + "/answer-question", path=path, parse=success_flag, json=body)


def blocked_actions_call(workspace_id: str, conversation_id: str) -> Call[BlockedActionList]:
    """``GET .../actions/blocked``: the conversation's actions waiting for the user."""
    path = {"workspace_id": workspace_id, "conversation_id": conversation_id}
    parse = list_of(BlockedAction, "blockedActions")
    return operation_call("GET", _CONVERSATION + "/actions/blocked", path=path, parse=parse)


def update_tools_call(
    workspace_id: str,
    conversation_id: str,
    action: Literal["add", "delete"],
    mcp_server_view_id: str,
    agent_configuration_id: str | None,
) -> Call[bool]:
    """``POST .../tools``: add a tool (an MCP server view) to the conversation, or remove one."""
    path = {"workspace_id": workspace_id, "conversation_id": conversation_id}
    body = {
        "action": one_of("conversations.update_tools", "action", action, ("add", "delete")),
        "mcp_server_view_id": mcp_server_view_id,
        "agent_configuration_id": agent_configuration_id,  # left out when None
    }
    return operation_call("POST", _CONVERSATION + "/tools", path=path, parse=success_flag, json=body)


# --- pending tool actions in a chat stream -------------------------------------------------------------


def is_blocked_tool_event(event: DustEvent) -> bool:
    """Whether the event is a tool call waiting for the user."""
    return isinstance(event, BLOCKED_TOOL_EVENTS)


class PendingToolActionBase:
    """What the pending actions of both clients share: the event, its ids, and the calls that answer it
    (without I/O)."""

    def __init__(self, event: BlockedToolEvent, workspace_id: str) -> None:
        self.event = event
        self._workspace_id = workspace_id
        self.resolution: str | None = None
        """``"approved"``, ``"rejected"``, ``"always_approved"`` or ``"answered"`` once answered."""

    @property
    def type(self) -> str:
        """The event type: ``tool_approve_execution``, ``tool_ask_user_question``, ``tool_*_auth_required``."""
        return self.event.type

    @property
    def kind(self) -> Literal["approval", "question", "personal_auth", "file_auth"]:
        """What the tool waits for."""
        return next(kind for event_type, kind in _KINDS.items() if isinstance(self.event, event_type))

    @property
    def action_id(self) -> str:
        if not self.event.action_id:
            raise DustError(f"The {self.type} event has no actionId to answer.")
        return self.event.action_id

    @property
    def conversation_id(self) -> str:
        return self.event.conversation_id

    @property
    def message_id(self) -> str:
        """The agent message whose tool call waits."""
        return self.event.message_id

    @property
    def inputs(self) -> dict[str, Any]:
        """The arguments the agent wants to call the tool with."""
        return dict(self.event.inputs or {})

    @property
    def stake(self) -> str | None:
        """The tool's risk level (``low``, ``medium``, ``high``, ``never_ask``)."""
        return self.event.stake

    @property
    def metadata(self) -> ToolMetadata | None:
        """Which tool waits: ``toolName``, ``mcpServerName``, ``mcpServerDisplayName``…"""
        return self.event.metadata

    @property
    def tool_name(self) -> str | None:
        """The tool's name (``metadata.toolName``)."""
        return self.event.metadata.toolName if self.event.metadata else None

    @property
    def question(self) -> ToolQuestion | None:
        """For a question: the :class:`~dust_ext.types.actions.ToolQuestion` (``question``, ``options``,
        ``multiSelect``); ``None`` for other kinds."""
        return self.event.question if isinstance(self.event, ToolAskUserQuestionEvent) else None

    def _verdict_call(self, verdict: Verdict) -> Call[bool]:
        if self.kind != "approval":
            raise DustError(
                f"{self.type} is not an approval request: "
                + ("answer it with .answer(...)" if self.kind == "question" else "the user must act in Dust")
            )
        return validate_action_call(
            self._workspace_id, self.conversation_id, self.message_id, self.action_id, verdict
        )

    def _answer_call(self, selected_options: Sequence[int] | None, custom_response: str | None) -> Call[bool]:
        if self.kind != "question":
            raise DustError(f"{self.type} is not a question: approve or reject it instead")
        return answer_question_call(
            self._workspace_id,
            self.conversation_id,
            self.message_id,
            self.action_id,
            selected_options,
            custom_response,
        )

    def _option_indexes(self, options: Sequence[int | str]) -> list[int]:
        """Options given by index or by label → indexes."""
        labels = self.question.labels if self.question is not None else []
        indexes = []
        for option in options:
            if isinstance(option, str):
                if option not in labels:
                    raise DustInvalidArgumentError(
                        f"{option!r} is not an option of the question (options: {labels})"
                    )
                indexes.append(labels.index(option))
            else:
                indexes.append(int(option))
        return indexes

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(type={self.type!r}, tool={self.tool_name!r}, action_id={self.event.action_id!r}, "
            f"message_id={self.message_id!r}, resolution={self.resolution!r})"
        )
