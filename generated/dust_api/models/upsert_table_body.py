from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpsertTableBody")


@_attrs_define
class UpsertTableBody:
    """
    Attributes:
        name (str):
        description (str):
        title (str | Unset):
        table_id (str | Unset):
        timestamp (float | Unset):
        tags (list[str] | Unset):
        parents (list[str] | Unset):
        parent_id (None | str | Unset):
        mime_type (str | Unset):
        source_url (None | str | Unset):
        remote_database_table_id (None | str | Unset):
        remote_database_secret_id (None | str | Unset):
    """

    name: str
    description: str
    title: str | Unset = UNSET
    table_id: str | Unset = UNSET
    timestamp: float | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parents: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    mime_type: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    remote_database_table_id: None | str | Unset = UNSET
    remote_database_secret_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        title = self.title

        table_id = self.table_id

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

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        remote_database_table_id: None | str | Unset
        if isinstance(self.remote_database_table_id, Unset):
            remote_database_table_id = UNSET
        else:
            remote_database_table_id = self.remote_database_table_id

        remote_database_secret_id: None | str | Unset
        if isinstance(self.remote_database_secret_id, Unset):
            remote_database_secret_id = UNSET
        else:
            remote_database_secret_id = self.remote_database_secret_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if table_id is not UNSET:
            field_dict["table_id"] = table_id
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
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if remote_database_table_id is not UNSET:
            field_dict["remote_database_table_id"] = remote_database_table_id
        if remote_database_secret_id is not UNSET:
            field_dict["remote_database_secret_id"] = remote_database_secret_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        title = d.pop("title", UNSET)

        table_id = d.pop("table_id", UNSET)

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

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_remote_database_table_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remote_database_table_id = _parse_remote_database_table_id(
            d.pop("remote_database_table_id", UNSET)
        )

        def _parse_remote_database_secret_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remote_database_secret_id = _parse_remote_database_secret_id(
            d.pop("remote_database_secret_id", UNSET)
        )

        upsert_table_body = cls(
            name=name,
            description=description,
            title=title,
            table_id=table_id,
            timestamp=timestamp,
            tags=tags,
            parents=parents,
            parent_id=parent_id,
            mime_type=mime_type,
            source_url=source_url,
            remote_database_table_id=remote_database_table_id,
            remote_database_secret_id=remote_database_secret_id,
        )

        upsert_table_body.additional_properties = d
        return upsert_table_body

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
