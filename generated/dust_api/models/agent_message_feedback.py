from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentMessageFeedback")


@_attrs_define
class AgentMessageFeedback:
    """
    Attributes:
        message_id (str | Unset):
        agent_message_id (int | Unset):
        user_id (int | Unset):
        thumb_direction (str | Unset):  Known values: up, down. Open: the server may add values.
        content (None | str | Unset):
        created_at (float | Unset):
        agent_configuration_id (str | Unset):
        agent_configuration_version (int | Unset):
        is_conversation_shared (bool | Unset):
    """

    message_id: str | Unset = UNSET
    agent_message_id: int | Unset = UNSET
    user_id: int | Unset = UNSET
    thumb_direction: str | Unset = UNSET
    content: None | str | Unset = UNSET
    created_at: float | Unset = UNSET
    agent_configuration_id: str | Unset = UNSET
    agent_configuration_version: int | Unset = UNSET
    is_conversation_shared: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        agent_message_id = self.agent_message_id

        user_id = self.user_id

        thumb_direction = self.thumb_direction

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        created_at = self.created_at

        agent_configuration_id = self.agent_configuration_id

        agent_configuration_version = self.agent_configuration_version

        is_conversation_shared = self.is_conversation_shared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message_id is not UNSET:
            field_dict["messageId"] = message_id
        if agent_message_id is not UNSET:
            field_dict["agentMessageId"] = agent_message_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if thumb_direction is not UNSET:
            field_dict["thumbDirection"] = thumb_direction
        if content is not UNSET:
            field_dict["content"] = content
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if agent_configuration_id is not UNSET:
            field_dict["agentConfigurationId"] = agent_configuration_id
        if agent_configuration_version is not UNSET:
            field_dict["agentConfigurationVersion"] = agent_configuration_version
        if is_conversation_shared is not UNSET:
            field_dict["isConversationShared"] = is_conversation_shared

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message_id = d.pop("messageId", UNSET)

        agent_message_id = d.pop("agentMessageId", UNSET)

        user_id = d.pop("userId", UNSET)

        thumb_direction = d.pop("thumbDirection", UNSET)

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        created_at = d.pop("createdAt", UNSET)

        agent_configuration_id = d.pop("agentConfigurationId", UNSET)

        agent_configuration_version = d.pop("agentConfigurationVersion", UNSET)

        is_conversation_shared = d.pop("isConversationShared", UNSET)

        agent_message_feedback = cls(
            message_id=message_id,
            agent_message_id=agent_message_id,
            user_id=user_id,
            thumb_direction=thumb_direction,
            content=content,
            created_at=created_at,
            agent_configuration_id=agent_configuration_id,
            agent_configuration_version=agent_configuration_version,
            is_conversation_shared=is_conversation_shared,
        )

        agent_message_feedback.additional_properties = d
        return agent_message_feedback

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
