from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentNodeData")


@_attrs_define
class ContentNodeData:
    """
    Attributes:
        node_id (str | Unset):
        node_data_source_view_id (str | Unset):
        node_type (str | Unset):
        provider (None | str | Unset):
        space_name (str | Unset):
    """

    node_id: str | Unset = UNSET
    node_data_source_view_id: str | Unset = UNSET
    node_type: str | Unset = UNSET
    provider: None | str | Unset = UNSET
    space_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        node_data_source_view_id = self.node_data_source_view_id

        node_type = self.node_type

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        space_name = self.space_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_id is not UNSET:
            field_dict["nodeId"] = node_id
        if node_data_source_view_id is not UNSET:
            field_dict["nodeDataSourceViewId"] = node_data_source_view_id
        if node_type is not UNSET:
            field_dict["nodeType"] = node_type
        if provider is not UNSET:
            field_dict["provider"] = provider
        if space_name is not UNSET:
            field_dict["spaceName"] = space_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_id = d.pop("nodeId", UNSET)

        node_data_source_view_id = d.pop("nodeDataSourceViewId", UNSET)

        node_type = d.pop("nodeType", UNSET)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        space_name = d.pop("spaceName", UNSET)

        content_node_data = cls(
            node_id=node_id,
            node_data_source_view_id=node_data_source_view_id,
            node_type=node_type,
            provider=provider,
            space_name=space_name,
        )

        content_node_data.additional_properties = d
        return content_node_data

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
