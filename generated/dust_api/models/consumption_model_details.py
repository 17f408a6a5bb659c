from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumptionModelDetails")


@_attrs_define
class ConsumptionModelDetails:
    """
    Attributes:
        provider_id (str | Unset):
        model_id (str | Unset):
        display_name (str | Unset):
        attributed_credits (float | Unset):
    """

    provider_id: str | Unset = UNSET
    model_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    attributed_credits: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        model_id = self.model_id

        display_name = self.display_name

        attributed_credits = self.attributed_credits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if model_id is not UNSET:
            field_dict["modelId"] = model_id
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if attributed_credits is not UNSET:
            field_dict["attributedCredits"] = attributed_credits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("providerId", UNSET)

        model_id = d.pop("modelId", UNSET)

        display_name = d.pop("displayName", UNSET)

        attributed_credits = d.pop("attributedCredits", UNSET)

        consumption_model_details = cls(
            provider_id=provider_id,
            model_id=model_id,
            display_name=display_name,
            attributed_credits=attributed_credits,
        )

        consumption_model_details.additional_properties = d
        return consumption_model_details

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
