"""Tool interactions: the tool calls of an agent that wait for the user, and how to answer them.

An agent's tool call can *block* on the user: a high-stake tool waits for approval
(``tool_approve_execution``; answer with ``validate-action``: approved, rejected or always approved for
this tool), a tool can ask the user a question (``tool_ask_user_question``; answer with
``answer-question``: the indexes of the chosen options and/or a free-text response), and a tool may need
the user to connect a personal account or grant access to a file (``tool_personal_auth_required``,
``tool_file_auth_required``; done in Dust's web app, not through the API).

In a chat stream (``client.chat.stream``) each of these arrives as a :class:`PendingToolAction` (sync) or
:class:`AsyncPendingToolAction` (async) instead of the raw event: the event (``.event``) plus the calls
that answer it, ``approve()`` / ``reject()`` / ``always_approve()`` / ``answer(...)``. The agent then goes
on and the stream continues to the reply::

    with client.chat.stream(agent="deployer", text="Deploy the API") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                event.approve() if event.stake != "high" else event.reject()

``client.conversations`` has the same calls by id (``validate_action``,
``answer_question``, ``list_blocked_actions``, ``update_tools``). Both share the pure call builders below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

from dust_api.api.conversations import (
    answer_user_question,
    list_blocked_actions,
    update_conversation_tools,
    validate_action,
)
from dust_api.models import AnswerUserQuestionBody, UpdateConversationToolsBody, ValidateActionBody
from pydantic import BaseModel, ConfigDict

from dust_ext.actions import ToolMetadata, ToolQuestion
from dust_ext.events import (
    DustEvent,
    ToolApproveExecutionEvent,
    ToolAskUserQuestionEvent,
    ToolFileAuthRequiredEvent,
    ToolPersonalAuthRequiredEvent,
)
from dust_ext.exceptions import DustError, DustInvalidArgumentError
from dust_ext.resources._base import Call, generated_call, list_of, success_flag

Verdict = Literal["approved", "rejected", "always_approved"]
"""How a tool call waiting for approval is answered (``always_approved``: approve this tool from now on)."""
BlockedToolEvent: TypeAlias = (
    ToolApproveExecutionEvent
    | ToolAskUserQuestionEvent
    | ToolPersonalAuthRequiredEvent
    | ToolFileAuthRequiredEvent
)
BLOCKED_TOOL_EVENTS = (
    ToolApproveExecutionEvent,
    ToolAskUserQuestionEvent,
    ToolPersonalAuthRequiredEvent,
    ToolFileAuthRequiredEvent,
)
BlockedActionList = list["BlockedAction"]


class BlockedAction(BaseModel):
    """An action of a conversation waiting for the user (``GET .../actions/blocked``).

    ``status`` says what it waits for: ``blocked_validation_required`` (approval),
    ``blocked_user_answer_required`` (``question`` holds the question), ``blocked_authentication_required``,
    ``blocked_file_authorization_required``, ``blocked_child_action_input_required``. Answer it by
    ``messageId`` and ``actionId``.
    """

    model_config = ConfigDict(extra="allow")

    actionId: str
    messageId: str
    conversationId: str
    status: str
    inputs: dict[str, Any] | None = None
    stake: str | None = None
    metadata: ToolMetadata | None = None
    question: ToolQuestion | None = None


# --- calls (pure) ----------------------------------------------------------------------------------------


def validate_action_call(
    workspace_id: str, conversation_id: str, message_id: str, action_id: str, verdict: Verdict
) -> Call[bool]:
    if verdict not in ("approved", "rejected", "always_approved"):
        raise DustInvalidArgumentError(
            f"verdict must be 'approved', 'rejected' or 'always_approved', not {verdict!r}"
        )
    return generated_call(
        validate_action,
        success_flag,
        w_id=workspace_id,
        c_id=conversation_id,
        m_id=message_id,
        body=ValidateActionBody.from_dict({"actionId": action_id, "approved": verdict}),
    )


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
    body = {"actionId": action_id, "answer": answer_payload(selected_options, custom_response)}
    return generated_call(
        answer_user_question,
        success_flag,
        w_id=workspace_id,
        c_id=conversation_id,
        m_id=message_id,
        body=AnswerUserQuestionBody.from_dict(body),
    )


def blocked_actions_call(workspace_id: str, conversation_id: str) -> Call[BlockedActionList]:
    return generated_call(
        list_blocked_actions,
        list_of(BlockedAction, "blockedActions"),
        w_id=workspace_id,
        c_id=conversation_id,
    )


def update_tools_call(
    workspace_id: str,
    conversation_id: str,
    action: Literal["add", "delete"],
    mcp_server_view_id: str,
    agent_configuration_id: str | None,
) -> Call[bool]:
    body: dict[str, Any] = {"action": action, "mcp_server_view_id": mcp_server_view_id}
    if agent_configuration_id is not None:
        body["agent_configuration_id"] = agent_configuration_id
    return generated_call(
        update_conversation_tools,
        success_flag,
        w_id=workspace_id,
        c_id=conversation_id,
        body=UpdateConversationToolsBody.from_dict(body),
    )


# --- pending tool actions in a chat stream -------------------------------------------------------------


def is_blocked_tool_event(event: DustEvent) -> bool:
    """Whether the event is a tool call waiting for the user."""
    return isinstance(event, BLOCKED_TOOL_EVENTS)


class _PendingToolActionBase:
    """What the sync and async pending actions share: the event, its ids, and the calls that answer it."""

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
        if isinstance(self.event, ToolApproveExecutionEvent):
            return "approval"
        if isinstance(self.event, ToolAskUserQuestionEvent):
            return "question"
        if isinstance(self.event, ToolPersonalAuthRequiredEvent):
            return "personal_auth"
        return "file_auth"

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
        """For a question: the :class:`~dust_ext.actions.ToolQuestion` (``question``, ``options``,
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


class PendingToolAction(_PendingToolActionBase):
    """A tool call waiting for the user in a sync chat stream; answer it and the stream continues."""

    def __init__(self, event: BlockedToolEvent, client: Any) -> None:
        super().__init__(event, client.config.workspace_id)
        self._client = client

    def _decide(self, verdict: Verdict) -> bool:
        done: bool = self._client.run(self._verdict_call(verdict))
        self.resolution = verdict
        return done

    def approve(self) -> bool:
        """Let the tool run once."""
        return self._decide("approved")

    def reject(self) -> bool:
        """Do not run the tool (the agent is told and goes on without it)."""
        return self._decide("rejected")

    def always_approve(self) -> bool:
        """Run the tool, and do not ask again for this tool."""
        return self._decide("always_approved")

    def answer(self, *options: int | str, custom_response: str | None = None) -> bool:
        """Answer a question with the chosen options (indexes or labels) and/or a free-text response."""
        done: bool = self._client.run(self._answer_call(self._option_indexes(options), custom_response))
        self.resolution = "answered"
        return done


class AsyncPendingToolAction(_PendingToolActionBase):
    """Async twin of :class:`PendingToolAction` (``await action.approve()``)."""

    def __init__(self, event: BlockedToolEvent, client: Any) -> None:
        super().__init__(event, client.config.workspace_id)
        self._client = client

    async def _decide(self, verdict: Verdict) -> bool:
        done: bool = await self._client.run(self._verdict_call(verdict))
        self.resolution = verdict
        return done

    async def approve(self) -> bool:
        """See :meth:`PendingToolAction.approve`."""
        return await self._decide("approved")

    async def reject(self) -> bool:
        """See :meth:`PendingToolAction.reject`."""
        return await self._decide("rejected")

    async def always_approve(self) -> bool:
        """See :meth:`PendingToolAction.always_approve`."""
        return await self._decide("always_approved")

    async def answer(self, *options: int | str, custom_response: str | None = None) -> bool:
        """See :meth:`PendingToolAction.answer`."""
        done: bool = await self._client.run(self._answer_call(self._option_indexes(options), custom_response))
        self.resolution = "answered"
        return done


# --- client.conversations with the tool calls ------------------------------------------------------------
