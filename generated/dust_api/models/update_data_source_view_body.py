from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateDataSourceViewBody")


@_attrs_define
class UpdateDataSourceViewBody:
    """
    Attributes:
        parents_in (list[str] | None | Unset):
        parents_to_add (list[str] | Unset):
        parents_to_remove (list[str] | Unset):
    """

    parents_in: list[str] | None | Unset = UNSET
    parents_to_add: list[str] | Unset = UNSET
    parents_to_remove: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parents_in: list[str] | None | Unset
        if isinstance(self.parents_in, Unset):
            parents_in = UNSET
        elif isinstance(self.parents_in, list):
            parents_in = self.parents_in

        else:
            parents_in = self.parents_in

        parents_to_add: list[str] | Unset = UNSET
        if not isinstance(self.parents_to_add, Unset):
            parents_to_add = self.parents_to_add

        parents_to_remove: list[str] | Unset = UNSET
        if not isinstance(self.parents_to_remove, Unset):
            parents_to_remove = self.parents_to_remove

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if parents_in is not UNSET:
            field_dict["parentsIn"] = parents_in
        if parents_to_add is not UNSET:
            field_dict["parentsToAdd"] = parents_to_add
        if parents_to_remove is not UNSET:
            field_dict["parentsToRemove"] = parents_to_remove

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_parents_in(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parents_in_type_0 = cast(list[str], data)

                return parents_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        parents_in = _parse_parents_in(d.pop("parentsIn", UNSET))

        parents_to_add = cast(list[str], d.pop("parentsToAdd", UNSET))

        parents_to_remove = cast(list[str], d.pop("parentsToRemove", UNSET))

        update_data_source_view_body = cls(
            parents_in=parents_in,
            parents_to_add=parents_to_add,
            parents_to_remove=parents_to_remove,
        )

        update_data_source_view_body.additional_properties = d
        return update_data_source_view_body

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
