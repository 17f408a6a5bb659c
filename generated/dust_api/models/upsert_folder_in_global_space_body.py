from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpsertFolderInGlobalSpaceBody")


@_attrs_define
class UpsertFolderInGlobalSpaceBody:
    """
    Attributes:
        title (str):
        timestamp (float | None | Unset):
        parents (list[str] | None | Unset):
        parent_id (None | str | Unset):
        mime_type (str | Unset):
        source_url (None | str | Unset):
        provider_visibility (None | str | Unset):
    """

    title: str
    timestamp: float | None | Unset = UNSET
    parents: list[str] | None | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    mime_type: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    provider_visibility: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        timestamp: float | None | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = self.timestamp

        parents: list[str] | None | Unset
        if isinstance(self.parents, Unset):
            parents = UNSET
        elif isinstance(self.parents, list):
            parents = self.parents

        else:
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

        provider_visibility: None | str | Unset
        if isinstance(self.provider_visibility, Unset):
            provider_visibility = UNSET
        else:
            provider_visibility = self.provider_visibility

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if parents is not UNSET:
            field_dict["parents"] = parents
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
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
        title = d.pop("title")

        def _parse_timestamp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_parents(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parents_type_0 = cast(list[str], data)

                return parents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        parents = _parse_parents(d.pop("parents", UNSET))

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

        def _parse_provider_visibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_visibility = _parse_provider_visibility(
            d.pop("provider_visibility", UNSET)
        )

        upsert_folder_in_global_space_body = cls(
            title=title,
            timestamp=timestamp,
            parents=parents,
            parent_id=parent_id,
            mime_type=mime_type,
            source_url=source_url,
            provider_visibility=provider_visibility,
        )

        upsert_folder_in_global_space_body.additional_properties = d
        return upsert_folder_in_global_space_body

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
