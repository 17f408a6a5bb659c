from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mcp_server_view import MCPServerView


T = TypeVar("T", bound="ListMcpServerViewsResponse200")


@_attrs_define
class ListMcpServerViewsResponse200:
    """
    Attributes:
        server_views (list[MCPServerView]):
        success (bool | Unset):
    """

    server_views: list[MCPServerView]
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        server_views = []
        for server_views_item_data in self.server_views:
            server_views_item = server_views_item_data.to_dict()
            server_views.append(server_views_item)

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serverViews": server_views,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mcp_server_view import MCPServerView

        d = dict(src_dict)
        server_views = []
        _server_views = d.pop("serverViews")
        for server_views_item_data in _server_views:
            server_views_item = MCPServerView.from_dict(server_views_item_data)

            server_views.append(server_views_item)

        success = d.pop("success", UNSET)

        list_mcp_server_views_response_200 = cls(
            server_views=server_views,
            success=success,
        )

        list_mcp_server_views_response_200.additional_properties = d
        return list_mcp_server_views_response_200

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
