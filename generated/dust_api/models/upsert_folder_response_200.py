from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_source import DataSource
    from ..models.upsert_folder_response_200_folder import UpsertFolderResponse200Folder


T = TypeVar("T", bound="UpsertFolderResponse200")


@_attrs_define
class UpsertFolderResponse200:
    """
    Attributes:
        folder (UpsertFolderResponse200Folder):
        data_source (DataSource | Unset): A data source: documents and tables Dust indexes. ``connectorProvider`` is
            ``None`` for a folder filled through the API, else the managed connection (``notion``, ``webcrawler``…).
    """

    folder: UpsertFolderResponse200Folder
    data_source: DataSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder = self.folder.to_dict()

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder": folder,
            }
        )
        if data_source is not UNSET:
            field_dict["data_source"] = data_source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source import DataSource
        from ..models.upsert_folder_response_200_folder import (
            UpsertFolderResponse200Folder,
        )

        d = dict(src_dict)
        folder = UpsertFolderResponse200Folder.from_dict(d.pop("folder"))

        _data_source = d.pop("data_source", UNSET)
        data_source: DataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = DataSource.from_dict(_data_source)

        upsert_folder_response_200 = cls(
            folder=folder,
            data_source=data_source,
        )

        upsert_folder_response_200.additional_properties = d
        return upsert_folder_response_200

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
