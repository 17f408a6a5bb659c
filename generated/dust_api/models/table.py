from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.table_column import TableColumn


T = TypeVar("T", bound="Table")


@_attrs_define
class Table:
    """A structured table in a data source; agents query tables with SQL. ``schema`` is inferred from the rows (named
    ``table_schema`` here, since ``schema`` is a pydantic method; it is read and written as ``schema`` on the wire).

        Attributes:
            table_id (str):
            name (str | Unset):
            title (str | Unset):
            description (str | Unset):
            schema (list[TableColumn] | None | Unset):
            timestamp (float | Unset):
            tags (list[str] | Unset):
            parents (list[str] | Unset):
            parent_id (None | str | Unset):
            mime_type (str | Unset):
            data_source_id (str | Unset):
            created (float | Unset):
            source_url (None | str | Unset):
    """

    table_id: str
    name: str | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    schema: list[TableColumn] | None | Unset = UNSET
    timestamp: float | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parents: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    mime_type: str | Unset = UNSET
    data_source_id: str | Unset = UNSET
    created: float | Unset = UNSET
    source_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        table_id = self.table_id

        name = self.name

        title = self.title

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

        timestamp = self.timestamp

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        parents: list[str] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = self.parents

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        mime_type = self.mime_type

        data_source_id = self.data_source_id

        created = self.created

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "table_id": table_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if schema is not UNSET:
            field_dict["schema"] = schema
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if tags is not UNSET:
            field_dict["tags"] = tags
        if parents is not UNSET:
            field_dict["parents"] = parents
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if mime_type is not UNSET:
            field_dict["mime_type"] = mime_type
        if data_source_id is not UNSET:
            field_dict["data_source_id"] = data_source_id
        if created is not UNSET:
            field_dict["created"] = created
        if source_url is not UNSET:
            field_dict["source_url"] = source_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.table_column import TableColumn

        d = dict(src_dict)
        table_id = d.pop("table_id")

        name = d.pop("name", UNSET)

        title = d.pop("title", UNSET)

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

        timestamp = d.pop("timestamp", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        parents = cast(list[str], d.pop("parents", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        mime_type = d.pop("mime_type", UNSET)

        data_source_id = d.pop("data_source_id", UNSET)

        created = d.pop("created", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        table = cls(
            table_id=table_id,
            name=name,
            title=title,
            description=description,
            schema=schema,
            timestamp=timestamp,
            tags=tags,
            parents=parents,
            parent_id=parent_id,
            mime_type=mime_type,
            data_source_id=data_source_id,
            created=created,
            source_url=source_url,
        )

        table.additional_properties = d
        return table

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
