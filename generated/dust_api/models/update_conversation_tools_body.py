from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.update_conversation_tools_body_action import (
    UpdateConversationToolsBodyAction,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateConversationToolsBody")


@_attrs_define
class UpdateConversationToolsBody:
    """
    Attributes:
        action (UpdateConversationToolsBodyAction):
        mcp_server_view_id (str):
        agent_configuration_id (str | Unset):
    """

    action: UpdateConversationToolsBodyAction
    mcp_server_view_id: str
    agent_configuration_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        mcp_server_view_id = self.mcp_server_view_id

        agent_configuration_id = self.agent_configuration_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "mcp_server_view_id": mcp_server_view_id,
            }
        )
        if agent_configuration_id is not UNSET:
            field_dict["agent_configuration_id"] = agent_configuration_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = UpdateConversationToolsBodyAction(d.pop("action"))

        mcp_server_view_id = d.pop("mcp_server_view_id")

        agent_configuration_id = d.pop("agent_configuration_id", UNSET)

        update_conversation_tools_body = cls(
            action=action,
            mcp_server_view_id=mcp_server_view_id,
            agent_configuration_id=agent_configuration_id,
        )

        update_conversation_tools_body.additional_properties = d
        return update_conversation_tools_body

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
