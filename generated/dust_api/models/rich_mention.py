from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RichMention")


@_attrs_define
class RichMention:
    """Someone or some agent one can mention; the JS SDK's RichMention requires these five fields.

    Attributes:
        id (str):
        type_ (str):  Known values: agent, user. Open: the server may add values.
        label (str):
        picture_url (str):
        description (str):
        user_favorite (bool | Unset):
    """

    id: str
    type_: str
    label: str
    picture_url: str
    description: str
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
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "label": label,
                "pictureUrl": picture_url,
                "description": description,
            }
        )
        if user_favorite is not UNSET:
            field_dict["userFavorite"] = user_favorite

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        label = d.pop("label")

        picture_url = d.pop("pictureUrl")

        description = d.pop("description")

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
