from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validate_action_body_approved import ValidateActionBodyApproved

T = TypeVar("T", bound="ValidateActionBody")


@_attrs_define
class ValidateActionBody:
    """
    Attributes:
        action_id (str):
        approved (ValidateActionBodyApproved):
    """

    action_id: str
    approved: ValidateActionBodyApproved
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        approved = self.approved.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actionId": action_id,
                "approved": approved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action_id = d.pop("actionId")

        approved = ValidateActionBodyApproved(d.pop("approved"))

        validate_action_body = cls(
            action_id=action_id,
            approved=approved,
        )

        validate_action_body.additional_properties = d
        return validate_action_body

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
