from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.blocked_action_inputs import BlockedActionInputs
    from ..models.tool_metadata import ToolMetadata
    from ..models.tool_question import ToolQuestion


T = TypeVar("T", bound="BlockedAction")


@_attrs_define
class BlockedAction:
    """An action of a conversation waiting for the user (``GET .../actions/blocked``); answer it by ``messageId`` and
    ``actionId``.

        Attributes:
            action_id (str):
            message_id (str):
            conversation_id (str):
            status (str): What the action waits for. Known values: blocked_validation_required (approval),
                blocked_user_answer_required (``question`` holds the question), blocked_authentication_required,
                blocked_file_authorization_required, blocked_child_action_input_required. Open: the server may add values.
            inputs (BlockedActionInputs | Unset):
            stake (str | Unset):
            metadata (ToolMetadata | Unset): Which tool waits for the user: ``toolName`` and its MCP server
                (``mcpServerName``, display name).
            question (ToolQuestion | Unset): What a tool asks the user (``tool_ask_user_question``, a
                blocked_user_answer_required action): the question, its options, and whether several options may be chosen
                (``multiSelect``). Answer with the indexes of the chosen options and/or a free-text response.
            approval_args_label (str | Unset):
            arguments_requiring_approval (list[str] | Unset):
    """

    action_id: str
    message_id: str
    conversation_id: str
    status: str
    inputs: BlockedActionInputs | Unset = UNSET
    stake: str | Unset = UNSET
    metadata: ToolMetadata | Unset = UNSET
    question: ToolQuestion | Unset = UNSET
    approval_args_label: str | Unset = UNSET
    arguments_requiring_approval: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        message_id = self.message_id

        conversation_id = self.conversation_id

        status = self.status

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        stake = self.stake

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        question: dict[str, Any] | Unset = UNSET
        if not isinstance(self.question, Unset):
            question = self.question.to_dict()

        approval_args_label = self.approval_args_label

        arguments_requiring_approval: list[str] | Unset = UNSET
        if not isinstance(self.arguments_requiring_approval, Unset):
            arguments_requiring_approval = self.arguments_requiring_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actionId": action_id,
                "messageId": message_id,
                "conversationId": conversation_id,
                "status": status,
            }
        )
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if stake is not UNSET:
            field_dict["stake"] = stake
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if question is not UNSET:
            field_dict["question"] = question
        if approval_args_label is not UNSET:
            field_dict["approvalArgsLabel"] = approval_args_label
        if arguments_requiring_approval is not UNSET:
            field_dict["argumentsRequiringApproval"] = arguments_requiring_approval

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.blocked_action_inputs import BlockedActionInputs
        from ..models.tool_metadata import ToolMetadata
        from ..models.tool_question import ToolQuestion

        d = dict(src_dict)
        action_id = d.pop("actionId")

        message_id = d.pop("messageId")

        conversation_id = d.pop("conversationId")

        status = d.pop("status")

        _inputs = d.pop("inputs", UNSET)
        inputs: BlockedActionInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = BlockedActionInputs.from_dict(_inputs)

        stake = d.pop("stake", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ToolMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ToolMetadata.from_dict(_metadata)

        _question = d.pop("question", UNSET)
        question: ToolQuestion | Unset
        if isinstance(_question, Unset):
            question = UNSET
        else:
            question = ToolQuestion.from_dict(_question)

        approval_args_label = d.pop("approvalArgsLabel", UNSET)

        arguments_requiring_approval = cast(
            list[str], d.pop("argumentsRequiringApproval", UNSET)
        )

        blocked_action = cls(
            action_id=action_id,
            message_id=message_id,
            conversation_id=conversation_id,
            status=status,
            inputs=inputs,
            stake=stake,
            metadata=metadata,
            question=question,
            approval_args_label=approval_args_label,
            arguments_requiring_approval=arguments_requiring_approval,
        )

        blocked_action.additional_properties = d
        return blocked_action

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
