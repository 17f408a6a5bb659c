from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RichMention")


@_attrs_define
class RichMention:
    """
    Attributes:
        id (str | Unset):
        type_ (str | Unset):  Known values: agent, user. Open: the server may add values.
        label (str | Unset):
        picture_url (str | Unset):
        description (str | Unset):
        user_favorite (bool | Unset):
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    label: str | Unset = UNSET
    picture_url: str | Unset = UNSET
    description: str | Unset = UNSET
    user_favorite: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        label = self.label

        picture_url = self.picture_url

        description = self.description

        user_favorite = self.user_favorite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if label is not UNSET:
            field_dict["label"] = label
        if picture_url is not UNSET:
            field_dict["pictureUrl"] = picture_url
        if description is not UNSET:
            field_dict["description"] = description
        if user_favorite is not UNSET:
            field_dict["userFavorite"] = user_favorite

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        label = d.pop("label", UNSET)

        picture_url = d.pop("pictureUrl", UNSET)

        description = d.pop("description", UNSET)

        user_favorite = d.pop("userFavorite", UNSET)

        rich_mention = cls(
            id=id,
            type_=type_,
            label=label,
            picture_url=picture_url,
            description=description,
            user_favorite=user_favorite,
        )

        rich_mention.additional_properties = d
        return rich_mention

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
