from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.table_row_value import TableRowValue


T = TypeVar("T", bound="TableRow")


@_attrs_define
class TableRow:
    """A row of a table: its ``row_id`` and its ``value`` (column name → int, float, str, bool, or a datetime as ``{"type":
    "datetime", "epoch": ms}``).

        Attributes:
            row_id (str):
            value (TableRowValue):
    """

    row_id: str
    value: TableRowValue
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row_id = self.row_id

        value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row_id": row_id,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.table_row_value import TableRowValue

        d = dict(src_dict)
        row_id = d.pop("row_id")

        value = TableRowValue.from_dict(d.pop("value"))

        table_row = cls(
            row_id=row_id,
            value=value,
        )

        table_row.additional_properties = d
        return table_row

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
