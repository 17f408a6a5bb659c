from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Mention")


@_attrs_define
class Mention:
    """A mention: an agent mention {configurationId} (what makes an agent answer) or a user mention {type: user, userId}.

    Attributes:
        configuration_id (str | Unset): Agent mention: the mentioned agent's sId.
        type_ (str | Unset): User mention: 'user'.
        user_id (str | Unset): User mention: the mentioned user's sId.
    """

    configuration_id: str | Unset = UNSET
    type_: str | Unset = UNSET
    user_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        configuration_id = self.configuration_id

        type_ = self.type_

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if configuration_id is not UNSET:
            field_dict["configurationId"] = configuration_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if user_id is not UNSET:
            field_dict["userId"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        configuration_id = d.pop("configurationId", UNSET)

        type_ = d.pop("type", UNSET)

        user_id = d.pop("userId", UNSET)

        mention = cls(
            configuration_id=configuration_id,
            type_=type_,
            user_id=user_id,
        )

        mention.additional_properties = d
        return mention

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
