from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.table import Table
    from ..models.table_column import TableColumn


T = TypeVar("T", bound="UpsertTableFromCsvResponse200")


@_attrs_define
class UpsertTableFromCsvResponse200:
    """
    Attributes:
        table (list[TableColumn] | Table | Unset):
    """

    table: list[TableColumn] | Table | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.table import Table

        table: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.table, Unset):
            table = UNSET
        elif isinstance(self.table, Table):
            table = self.table.to_dict()
        else:
            table = []
            for table_type_1_item_data in self.table:
                table_type_1_item = table_type_1_item_data.to_dict()
                table.append(table_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if table is not UNSET:
            field_dict["table"] = table

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.table import Table
        from ..models.table_column import TableColumn

        d = dict(src_dict)

        def _parse_table(data: object) -> list[TableColumn] | Table | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                table_type_0 = Table.from_dict(data)

                return table_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            table_type_1 = []
            _table_type_1 = data
            for table_type_1_item_data in _table_type_1:
                table_type_1_item = TableColumn.from_dict(table_type_1_item_data)

                table_type_1.append(table_type_1_item)

            return table_type_1

        table = _parse_table(d.pop("table", UNSET))

        upsert_table_from_csv_response_200 = cls(
            table=table,
        )

        upsert_table_from_csv_response_200.additional_properties = d
        return upsert_table_from_csv_response_200

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
