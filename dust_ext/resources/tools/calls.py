"""The pure part of a pending tool action, and the body of an answer to a tool's question. The calls that
answer a tool call waiting for the user are ``client.conversations``' (generated from the spec:
``validate_action``, ``answer_question``, ``list_blocked_actions``, ``update_tools``); the chat streams'
pending actions call them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias, get_args

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


def answer_payload(selected_options: Sequence[int] | None, custom_response: str | None) -> dict[str, Any]:
    """Dust's answer object: the indexes of the chosen options, and/or a free-text response."""
    if not selected_options and not custom_response:
        raise DustInvalidArgumentError("an answer needs selected_options and/or custom_response")
    answer: dict[str, Any] = {"selectedOptions": [int(index) for index in selected_options or ()]}
    if custom_response:
        answer["customResponse"] = custom_response
    return answer


def answer_body(body: dict[str, Any]) -> dict[str, Any]:
    """The body of ``POST .../answer-question`` (``conversations.answer_question``), its answer checked and
    completed by :func:`answer_payload`."""
    answer = body["answer"]
    return {**body, "answer": answer_payload(answer.get("selectedOptions"), answer.get("customResponse"))}


def is_blocked_tool_event(event: DustEvent) -> bool:
    """Whether the event is a tool call waiting for the user."""
    return isinstance(event, BLOCKED_TOOL_EVENTS)


class PendingToolActionBase:
    """What the pending actions of both clients share: the event, its ids, and the checks before answering it
    (the answers are ``client.conversations``' calls)."""

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

    def _check_approval(self) -> None:
        if self.kind != "approval":
            raise DustError(
                f"{self.type} is not an approval request: "
                + ("answer it with .answer(...)" if self.kind == "question" else "the user must act in Dust")
            )

    def _check_question(self) -> None:
        if self.kind != "question":
            raise DustError(f"{self.type} is not a question: approve or reject it instead")

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
