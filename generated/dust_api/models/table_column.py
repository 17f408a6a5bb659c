from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TableColumn")


@_attrs_define
class TableColumn:
    """A column of a table's schema; ``value_type`` is open (known: int, float, text, bool, datetime).

    Attributes:
        name (str | Unset):
        value_type (str | Unset):  Known values: int, float, text, bool, datetime. Open: the server may add values.
        possible_values (list[str] | None | Unset):
    """

    name: str | Unset = UNSET
    value_type: str | Unset = UNSET
    possible_values: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value_type = self.value_type

        possible_values: list[str] | None | Unset
        if isinstance(self.possible_values, Unset):
            possible_values = UNSET
        elif isinstance(self.possible_values, list):
            possible_values = self.possible_values

        else:
            possible_values = self.possible_values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if value_type is not UNSET:
            field_dict["value_type"] = value_type
        if possible_values is not UNSET:
            field_dict["possible_values"] = possible_values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        value_type = d.pop("value_type", UNSET)

        def _parse_possible_values(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                possible_values_type_0 = cast(list[str], data)

                return possible_values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        possible_values = _parse_possible_values(d.pop("possible_values", UNSET))

        table_column = cls(
            name=name,
            value_type=value_type,
            possible_values=possible_values,
        )

        table_column.additional_properties = d
        return table_column

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
