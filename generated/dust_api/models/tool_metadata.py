from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ToolMetadata")


@_attrs_define
class ToolMetadata:
    """Which tool waits for the user: ``toolName`` and its MCP server (``mcpServerName``, display name).

    Attributes:
        tool_name (str | Unset):
        mcp_server_name (str | Unset):
        mcp_server_display_name (str | Unset):
        mcp_server_id (str | Unset):
        agent_name (str | Unset):
        icon (Any | Unset): The tool's icon (the name of one of Dust's icons, or a custom one).
    """

    tool_name: str | Unset = UNSET
    mcp_server_name: str | Unset = UNSET
    mcp_server_display_name: str | Unset = UNSET
    mcp_server_id: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    icon: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_name = self.tool_name

        mcp_server_name = self.mcp_server_name

        mcp_server_display_name = self.mcp_server_display_name

        mcp_server_id = self.mcp_server_id

        agent_name = self.agent_name

        icon = self.icon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tool_name is not UNSET:
            field_dict["toolName"] = tool_name
        if mcp_server_name is not UNSET:
            field_dict["mcpServerName"] = mcp_server_name
        if mcp_server_display_name is not UNSET:
            field_dict["mcpServerDisplayName"] = mcp_server_display_name
        if mcp_server_id is not UNSET:
            field_dict["mcpServerId"] = mcp_server_id
        if agent_name is not UNSET:
            field_dict["agentName"] = agent_name
        if icon is not UNSET:
            field_dict["icon"] = icon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tool_name = d.pop("toolName", UNSET)

        mcp_server_name = d.pop("mcpServerName", UNSET)

        mcp_server_display_name = d.pop("mcpServerDisplayName", UNSET)

        mcp_server_id = d.pop("mcpServerId", UNSET)

        agent_name = d.pop("agentName", UNSET)

        icon = d.pop("icon", UNSET)

        tool_metadata = cls(
            tool_name=tool_name,
            mcp_server_name=mcp_server_name,
            mcp_server_display_name=mcp_server_display_name,
            mcp_server_id=mcp_server_id,
            agent_name=agent_name,
            icon=icon,
        )

        tool_metadata.additional_properties = d
        return tool_metadata

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
