from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.table_column import TableColumn


T = TypeVar("T", bound="UpsertTableRowsResponse200Table")


@_attrs_define
class UpsertTableRowsResponse200Table:
    """
    Attributes:
        name (str | Unset):
        table_id (str | Unset):
        description (str | Unset):
        schema (list[TableColumn] | None | Unset):
    """

    name: str | Unset = UNSET
    table_id: str | Unset = UNSET
    description: str | Unset = UNSET
    schema: list[TableColumn] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        table_id = self.table_id

        description = self.description

        schema: list[dict[str, Any]] | None | Unset
        if isinstance(self.schema, Unset):
            schema = UNSET
        elif isinstance(self.schema, list):
            schema = []
            for schema_type_0_item_data in self.schema:
                schema_type_0_item = schema_type_0_item_data.to_dict()
                schema.append(schema_type_0_item)

        else:
            schema = self.schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if table_id is not UNSET:
            field_dict["table_id"] = table_id
        if description is not UNSET:
            field_dict["description"] = description
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.table_column import TableColumn

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        table_id = d.pop("table_id", UNSET)

        description = d.pop("description", UNSET)

        def _parse_schema(data: object) -> list[TableColumn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                schema_type_0 = []
                _schema_type_0 = data
                for schema_type_0_item_data in _schema_type_0:
                    schema_type_0_item = TableColumn.from_dict(schema_type_0_item_data)

                    schema_type_0.append(schema_type_0_item)

                return schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TableColumn] | None | Unset, data)

        schema = _parse_schema(d.pop("schema", UNSET))

        upsert_table_rows_response_200_table = cls(
            name=name,
            table_id=table_id,
            description=description,
            schema=schema,
        )

        upsert_table_rows_response_200_table.additional_properties = d
        return upsert_table_rows_response_200_table

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
