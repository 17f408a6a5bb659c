from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.conversation_consumption_details import ConversationConsumptionDetails


T = TypeVar("T", bound="ConversationConsumption")


@_attrs_define
class ConversationConsumption:
    """
    Attributes:
        billed_credits (float):
        details (ConversationConsumptionDetails | None):
    """

    billed_credits: float
    details: ConversationConsumptionDetails | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversation_consumption_details import (
            ConversationConsumptionDetails,
        )

        billed_credits = self.billed_credits

        details: dict[str, Any] | None
        if isinstance(self.details, ConversationConsumptionDetails):
            details = self.details.to_dict()
        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billedCredits": billed_credits,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversation_consumption_details import (
            ConversationConsumptionDetails,
        )

        d = dict(src_dict)
        billed_credits = d.pop("billedCredits")

        def _parse_details(data: object) -> ConversationConsumptionDetails | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = ConversationConsumptionDetails.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationConsumptionDetails | None, data)

        details = _parse_details(d.pop("details"))

        conversation_consumption = cls(
            billed_credits=billed_credits,
            details=details,
        )

        conversation_consumption.additional_properties = d
        return conversation_consumption

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
