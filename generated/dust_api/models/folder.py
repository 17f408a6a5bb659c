from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Folder")


@_attrs_define
class Folder:
    """A folder node of a data source, as an upsert returns it.

    Attributes:
        folder_id (str):
        title (str):
        parents (list[str]):
        parent_id (None | str):
        timestamp (int):
        data_source_id (str | Unset):
        mime_type (str | Unset):
        source_url (None | str | Unset):
        provider_visibility (None | str | Unset):
    """

    folder_id: str
    title: str
    parents: list[str]
    parent_id: None | str
    timestamp: int
    data_source_id: str | Unset = UNSET
    mime_type: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    provider_visibility: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder_id = self.folder_id

        title = self.title

        parents = self.parents

        parent_id: None | str
        parent_id = self.parent_id

        timestamp = self.timestamp

        data_source_id = self.data_source_id

        mime_type = self.mime_type

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        provider_visibility: None | str | Unset
        if isinstance(self.provider_visibility, Unset):
            provider_visibility = UNSET
        else:
            provider_visibility = self.provider_visibility

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder_id": folder_id,
                "title": title,
                "parents": parents,
                "parent_id": parent_id,
                "timestamp": timestamp,
            }
        )
        if data_source_id is not UNSET:
            field_dict["data_source_id"] = data_source_id
        if mime_type is not UNSET:
            field_dict["mime_type"] = mime_type
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if provider_visibility is not UNSET:
            field_dict["provider_visibility"] = provider_visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        folder_id = d.pop("folder_id")

        title = d.pop("title")

        parents = cast(list[str], d.pop("parents"))

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        timestamp = d.pop("timestamp")

        data_source_id = d.pop("data_source_id", UNSET)

        mime_type = d.pop("mime_type", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_provider_visibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_visibility = _parse_provider_visibility(
            d.pop("provider_visibility", UNSET)
        )

        folder = cls(
            folder_id=folder_id,
            title=title,
            parents=parents,
            parent_id=parent_id,
            timestamp=timestamp,
            data_source_id=data_source_id,
            mime_type=mime_type,
            source_url=source_url,
            provider_visibility=provider_visibility,
        )

        folder.additional_properties = d
        return folder

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
