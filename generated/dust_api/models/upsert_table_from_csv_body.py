from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpsertTableFromCsvBody")


@_attrs_define
class UpsertTableFromCsvBody:
    """
    Attributes:
        name (str):
        description (str):
        file_id (str):
        title (str | Unset):
        table_id (str | Unset):
        timestamp (float | None | Unset):
        tags (list[str] | Unset):
        parent_id (None | str | Unset):
        parents (list[str] | Unset):
        truncate (bool | Unset):
        async_ (bool | Unset):
        mime_type (str | Unset):
        source_url (None | str | Unset):
        allow_empty_schema (bool | Unset): Accept a CSV without any column (an empty table).
    """

    name: str
    description: str
    file_id: str
    title: str | Unset = UNSET
    table_id: str | Unset = UNSET
    timestamp: float | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    parents: list[str] | Unset = UNSET
    truncate: bool | Unset = UNSET
    async_: bool | Unset = UNSET
    mime_type: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    allow_empty_schema: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        file_id = self.file_id

        title = self.title

        table_id = self.table_id

        timestamp: float | None | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = self.timestamp

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        parents: list[str] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = self.parents

        truncate = self.truncate

        async_ = self.async_

        mime_type = self.mime_type

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        allow_empty_schema = self.allow_empty_schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "fileId": file_id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if table_id is not UNSET:
            field_dict["tableId"] = table_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if tags is not UNSET:
            field_dict["tags"] = tags
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if parents is not UNSET:
            field_dict["parents"] = parents
        if truncate is not UNSET:
            field_dict["truncate"] = truncate
        if async_ is not UNSET:
            field_dict["async"] = async_
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if allow_empty_schema is not UNSET:
            field_dict["allowEmptySchema"] = allow_empty_schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        file_id = d.pop("fileId")

        title = d.pop("title", UNSET)

        table_id = d.pop("tableId", UNSET)

        def _parse_timestamp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parentId", UNSET))

        parents = cast(list[str], d.pop("parents", UNSET))

        truncate = d.pop("truncate", UNSET)

        async_ = d.pop("async", UNSET)

        mime_type = d.pop("mimeType", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("sourceUrl", UNSET))

        allow_empty_schema = d.pop("allowEmptySchema", UNSET)

        upsert_table_from_csv_body = cls(
            name=name,
            description=description,
            file_id=file_id,
            title=title,
            table_id=table_id,
            timestamp=timestamp,
            tags=tags,
            parent_id=parent_id,
            parents=parents,
            truncate=truncate,
            async_=async_,
            mime_type=mime_type,
            source_url=source_url,
            allow_empty_schema=allow_empty_schema,
        )

        upsert_table_from_csv_body.additional_properties = d
        return upsert_table_from_csv_body

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
