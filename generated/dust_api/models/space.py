from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Space")


@_attrs_define
class Space:
    """A space: a permission boundary grouping data sources, apps and tools.

    Attributes:
        s_id (str):
        name (str | Unset):
        kind (str | Unset):  Known values: regular, global, system, public, conversations, project. Open: the server may
            add values.
        group_ids (list[str] | Unset):
        is_restricted (bool | Unset):
        created_at (float | Unset):
        updated_at (float | Unset):
    """

    s_id: str
    name: str | Unset = UNSET
    kind: str | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    is_restricted: bool | Unset = UNSET
    created_at: float | Unset = UNSET
    updated_at: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        name = self.name

        kind = self.kind

        group_ids: list[str] | Unset = UNSET
        if not isinstance(self.group_ids, Unset):
            group_ids = self.group_ids

        is_restricted = self.is_restricted

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if group_ids is not UNSET:
            field_dict["groupIds"] = group_ids
        if is_restricted is not UNSET:
            field_dict["isRestricted"] = is_restricted
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        s_id = d.pop("sId")

        name = d.pop("name", UNSET)

        kind = d.pop("kind", UNSET)

        group_ids = cast(list[str], d.pop("groupIds", UNSET))

        is_restricted = d.pop("isRestricted", UNSET)

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        space = cls(
            s_id=s_id,
            name=name,
            kind=kind,
            group_ids=group_ids,
            is_restricted=is_restricted,
            created_at=created_at,
            updated_at=updated_at,
        )

        space.additional_properties = d
        return space

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
