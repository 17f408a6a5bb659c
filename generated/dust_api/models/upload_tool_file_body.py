from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadToolFileBody")


@_attrs_define
class UploadToolFileBody:
    """
    Attributes:
        server_view_id (str): The MCP server view ID
        external_id (str): The external ID of the file in the tool
        conversation_id (str | Unset): Optional conversation ID for context
        server_name (str | Unset): Optional name of the MCP server (e.g., "Notion", "GitHub")
        server_icon (str | Unset): Optional icon identifier for the MCP server
    """

    server_view_id: str
    external_id: str
    conversation_id: str | Unset = UNSET
    server_name: str | Unset = UNSET
    server_icon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        server_view_id = self.server_view_id

        external_id = self.external_id

        conversation_id = self.conversation_id

        server_name = self.server_name

        server_icon = self.server_icon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serverViewId": server_view_id,
                "externalId": external_id,
            }
        )
        if conversation_id is not UNSET:
            field_dict["conversationId"] = conversation_id
        if server_name is not UNSET:
            field_dict["serverName"] = server_name
        if server_icon is not UNSET:
            field_dict["serverIcon"] = server_icon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        server_view_id = d.pop("serverViewId")

        external_id = d.pop("externalId")

        conversation_id = d.pop("conversationId", UNSET)

        server_name = d.pop("serverName", UNSET)

        server_icon = d.pop("serverIcon", UNSET)

        upload_tool_file_body = cls(
            server_view_id=server_view_id,
            external_id=external_id,
            conversation_id=conversation_id,
            server_name=server_name,
            server_icon=server_icon,
        )

        upload_tool_file_body.additional_properties = d
        return upload_tool_file_body

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
