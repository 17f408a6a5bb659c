from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.file import File


T = TypeVar("T", bound="UploadToolFileResponse200")


@_attrs_define
class UploadToolFileResponse200:
    """
    Attributes:
        file (File): A file uploaded to Dust. ``status`` goes ``created`` (slot reserved, bytes not yet sent) →
            ``ready``; ``uploadUrl`` is where the bytes go (multipart field ``file``).
    """

    file: File
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file import File

        d = dict(src_dict)
        file = File.from_dict(d.pop("file"))

        upload_tool_file_response_200 = cls(
            file=file,
        )

        upload_tool_file_response_200.additional_properties = d
        return upload_tool_file_response_200

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
