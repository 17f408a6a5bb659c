from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumptionToolDetails")


@_attrs_define
class ConsumptionToolDetails:
    """
    Attributes:
        label (str | Unset):
        internal_mcp_server_name (None | str | Unset):
        tool_name (str | Unset):
        call_count (int | Unset):
        attributed_credits (float | Unset):
        direct_credits (float | Unset):
        pending (bool | Unset):
    """

    label: str | Unset = UNSET
    internal_mcp_server_name: None | str | Unset = UNSET
    tool_name: str | Unset = UNSET
    call_count: int | Unset = UNSET
    attributed_credits: float | Unset = UNSET
    direct_credits: float | Unset = UNSET
    pending: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        internal_mcp_server_name: None | str | Unset
        if isinstance(self.internal_mcp_server_name, Unset):
            internal_mcp_server_name = UNSET
        else:
            internal_mcp_server_name = self.internal_mcp_server_name

        tool_name = self.tool_name

        call_count = self.call_count

        attributed_credits = self.attributed_credits

        direct_credits = self.direct_credits

        pending = self.pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if internal_mcp_server_name is not UNSET:
            field_dict["internalMCPServerName"] = internal_mcp_server_name
        if tool_name is not UNSET:
            field_dict["toolName"] = tool_name
        if call_count is not UNSET:
            field_dict["callCount"] = call_count
        if attributed_credits is not UNSET:
            field_dict["attributedCredits"] = attributed_credits
        if direct_credits is not UNSET:
            field_dict["directCredits"] = direct_credits
        if pending is not UNSET:
            field_dict["pending"] = pending

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        def _parse_internal_mcp_server_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_mcp_server_name = _parse_internal_mcp_server_name(
            d.pop("internalMCPServerName", UNSET)
        )

        tool_name = d.pop("toolName", UNSET)

        call_count = d.pop("callCount", UNSET)

        attributed_credits = d.pop("attributedCredits", UNSET)

        direct_credits = d.pop("directCredits", UNSET)

        pending = d.pop("pending", UNSET)

        consumption_tool_details = cls(
            label=label,
            internal_mcp_server_name=internal_mcp_server_name,
            tool_name=tool_name,
            call_count=call_count,
            attributed_credits=attributed_credits,
            direct_credits=direct_credits,
            pending=pending,
        )

        consumption_tool_details.additional_properties = d
        return consumption_tool_details

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
