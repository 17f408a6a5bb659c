from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_message import AgentMessage
    from ..models.user_message import UserMessage


T = TypeVar("T", bound="EditMessageResponse200")


@_attrs_define
class EditMessageResponse200:
    """
    Attributes:
        message (UserMessage): A message a human (or the API on their behalf) posted.
        agent_messages (list[AgentMessage] | Unset):
    """

    message: UserMessage
    agent_messages: list[AgentMessage] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message.to_dict()

        agent_messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agent_messages, Unset):
            agent_messages = []
            for agent_messages_item_data in self.agent_messages:
                agent_messages_item = agent_messages_item_data.to_dict()
                agent_messages.append(agent_messages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if agent_messages is not UNSET:
            field_dict["agentMessages"] = agent_messages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_message import AgentMessage
        from ..models.user_message import UserMessage

        d = dict(src_dict)
        message = UserMessage.from_dict(d.pop("message"))

        _agent_messages = d.pop("agentMessages", UNSET)
        agent_messages: list[AgentMessage] | Unset = UNSET
        if _agent_messages is not UNSET:
            agent_messages = []
            for agent_messages_item_data in _agent_messages:
                agent_messages_item = AgentMessage.from_dict(agent_messages_item_data)

                agent_messages.append(agent_messages_item)

        edit_message_response_200 = cls(
            message=message,
            agent_messages=agent_messages,
        )

        edit_message_response_200.additional_properties = d
        return edit_message_response_200

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
