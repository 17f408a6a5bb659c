from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.blocked_action import BlockedAction


T = TypeVar("T", bound="ListBlockedActionsResponse200")


@_attrs_define
class ListBlockedActionsResponse200:
    """
    Attributes:
        blocked_actions (list[BlockedAction]):
    """

    blocked_actions: list[BlockedAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocked_actions = []
        for blocked_actions_item_data in self.blocked_actions:
            blocked_actions_item = blocked_actions_item_data.to_dict()
            blocked_actions.append(blocked_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blockedActions": blocked_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.blocked_action import BlockedAction

        d = dict(src_dict)
        blocked_actions = []
        _blocked_actions = d.pop("blockedActions")
        for blocked_actions_item_data in _blocked_actions:
            blocked_actions_item = BlockedAction.from_dict(blocked_actions_item_data)

            blocked_actions.append(blocked_actions_item)

        list_blocked_actions_response_200 = cls(
            blocked_actions=blocked_actions,
        )

        list_blocked_actions_response_200.additional_properties = d
        return list_blocked_actions_response_200

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
