from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mention import Mention


T = TypeVar("T", bound="EditMessageBody")


@_attrs_define
class EditMessageBody:
    """
    Attributes:
        content (str):
        mentions (list[Mention]):
        skip_tools_validation (bool | Unset):
    """

    content: str
    mentions: list[Mention]
    skip_tools_validation: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)

        skip_tools_validation = self.skip_tools_validation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "mentions": mentions,
            }
        )
        if skip_tools_validation is not UNSET:
            field_dict["skipToolsValidation"] = skip_tools_validation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mention import Mention

        d = dict(src_dict)
        content = d.pop("content")

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in _mentions:
            mentions_item = Mention.from_dict(mentions_item_data)

            mentions.append(mentions_item)

        skip_tools_validation = d.pop("skipToolsValidation", UNSET)

        edit_message_body = cls(
            content=content,
            mentions=mentions,
            skip_tools_validation=skip_tools_validation,
        )

        edit_message_body.additional_properties = d
        return edit_message_body

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
