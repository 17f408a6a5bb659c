from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.delete_folder_in_global_space_response_200_folder import (
        DeleteFolderInGlobalSpaceResponse200Folder,
    )


T = TypeVar("T", bound="DeleteFolderInGlobalSpaceResponse200")


@_attrs_define
class DeleteFolderInGlobalSpaceResponse200:
    """
    Attributes:
        folder (DeleteFolderInGlobalSpaceResponse200Folder):
    """

    folder: DeleteFolderInGlobalSpaceResponse200Folder
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder = self.folder.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder": folder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delete_folder_in_global_space_response_200_folder import (
            DeleteFolderInGlobalSpaceResponse200Folder,
        )

        d = dict(src_dict)
        folder = DeleteFolderInGlobalSpaceResponse200Folder.from_dict(d.pop("folder"))

        delete_folder_in_global_space_response_200 = cls(
            folder=folder,
        )

        delete_folder_in_global_space_response_200.additional_properties = d
        return delete_folder_in_global_space_response_200

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
