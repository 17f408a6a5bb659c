from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.list_space_conversations_response_200_conversations_item import (
        ListSpaceConversationsResponse200ConversationsItem,
    )


T = TypeVar("T", bound="ListSpaceConversationsResponse200")


@_attrs_define
class ListSpaceConversationsResponse200:
    """
    Attributes:
        conversations (list[ListSpaceConversationsResponse200ConversationsItem]):
    """

    conversations: list[ListSpaceConversationsResponse200ConversationsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversations = []
        for conversations_item_data in self.conversations:
            conversations_item = conversations_item_data.to_dict()
            conversations.append(conversations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversations": conversations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.list_space_conversations_response_200_conversations_item import (
            ListSpaceConversationsResponse200ConversationsItem,
        )

        d = dict(src_dict)
        conversations = []
        _conversations = d.pop("conversations")
        for conversations_item_data in _conversations:
            conversations_item = (
                ListSpaceConversationsResponse200ConversationsItem.from_dict(
                    conversations_item_data
                )
            )

            conversations.append(conversations_item)

        list_space_conversations_response_200 = cls(
            conversations=conversations,
        )

        list_space_conversations_response_200.additional_properties = d
        return list_space_conversations_response_200

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
