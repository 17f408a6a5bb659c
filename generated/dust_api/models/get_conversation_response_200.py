from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conversation import Conversation


T = TypeVar("T", bound="GetConversationResponse200")


@_attrs_define
class GetConversationResponse200:
    """
    Attributes:
        conversation (Conversation): A conversation between users and agents.
        has_more (bool | Unset):
        last_value (None | str | Unset):
    """

    conversation: Conversation
    has_more: bool | Unset = UNSET
    last_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversation = self.conversation.to_dict()

        has_more = self.has_more

        last_value: None | str | Unset
        if isinstance(self.last_value, Unset):
            last_value = UNSET
        else:
            last_value = self.last_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation": conversation,
            }
        )
        if has_more is not UNSET:
            field_dict["hasMore"] = has_more
        if last_value is not UNSET:
            field_dict["lastValue"] = last_value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversation import Conversation

        d = dict(src_dict)
        conversation = Conversation.from_dict(d.pop("conversation"))

        has_more = d.pop("hasMore", UNSET)

        def _parse_last_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_value = _parse_last_value(d.pop("lastValue", UNSET))

        get_conversation_response_200 = cls(
            conversation=conversation,
            has_more=has_more,
            last_value=last_value,
        )

        get_conversation_response_200.additional_properties = d
        return get_conversation_response_200

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
