from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectFile")


@_attrs_define
class ProjectFile:
    """A file or directory of a project space.

    Attributes:
        is_directory (bool):
        file_name (str):
        path (str):
        size_bytes (int | Unset):
        last_modified_ms (float | Unset):
        content_type (str | Unset):
        file_id (None | str | Unset):
        thumbnail_url (None | str | Unset):
        signed_download_url (None | str | Unset):
    """

    is_directory: bool
    file_name: str
    path: str
    size_bytes: int | Unset = UNSET
    last_modified_ms: float | Unset = UNSET
    content_type: str | Unset = UNSET
    file_id: None | str | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    signed_download_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_directory = self.is_directory

        file_name = self.file_name

        path = self.path

        size_bytes = self.size_bytes

        last_modified_ms = self.last_modified_ms

        content_type = self.content_type

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        thumbnail_url: None | str | Unset
        if isinstance(self.thumbnail_url, Unset):
            thumbnail_url = UNSET
        else:
            thumbnail_url = self.thumbnail_url

        signed_download_url: None | str | Unset
        if isinstance(self.signed_download_url, Unset):
            signed_download_url = UNSET
        else:
            signed_download_url = self.signed_download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "isDirectory": is_directory,
                "fileName": file_name,
                "path": path,
            }
        )
        if size_bytes is not UNSET:
            field_dict["sizeBytes"] = size_bytes
        if last_modified_ms is not UNSET:
            field_dict["lastModifiedMs"] = last_modified_ms
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if thumbnail_url is not UNSET:
            field_dict["thumbnailUrl"] = thumbnail_url
        if signed_download_url is not UNSET:
            field_dict["signedDownloadUrl"] = signed_download_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        is_directory = d.pop("isDirectory")

        file_name = d.pop("fileName")

        path = d.pop("path")

        size_bytes = d.pop("sizeBytes", UNSET)

        last_modified_ms = d.pop("lastModifiedMs", UNSET)

        content_type = d.pop("contentType", UNSET)

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("fileId", UNSET))

        def _parse_thumbnail_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnailUrl", UNSET))

        def _parse_signed_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signed_download_url = _parse_signed_download_url(
            d.pop("signedDownloadUrl", UNSET)
        )

        project_file = cls(
            is_directory=is_directory,
            file_name=file_name,
            path=path,
            size_bytes=size_bytes,
            last_modified_ms=last_modified_ms,
            content_type=content_type,
            file_id=file_id,
            thumbnail_url=thumbnail_url,
            signed_download_url=signed_download_url,
        )

        project_file.additional_properties = d
        return project_file

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
