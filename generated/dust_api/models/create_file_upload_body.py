from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_file_upload_body_use_case import CreateFileUploadBodyUseCase
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_file_upload_body_use_case_metadata import (
        CreateFileUploadBodyUseCaseMetadata,
    )


T = TypeVar("T", bound="CreateFileUploadBody")


@_attrs_define
class CreateFileUploadBody:
    """
    Attributes:
        content_type (str):
        file_name (str):
        file_size (int): Bytes.
        use_case (CreateFileUploadBodyUseCase):
        use_case_metadata (CreateFileUploadBodyUseCaseMetadata | Unset):
    """

    content_type: str
    file_name: str
    file_size: int
    use_case: CreateFileUploadBodyUseCase
    use_case_metadata: CreateFileUploadBodyUseCaseMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        file_name = self.file_name

        file_size = self.file_size

        use_case = self.use_case.value

        use_case_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.use_case_metadata, Unset):
            use_case_metadata = self.use_case_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contentType": content_type,
                "fileName": file_name,
                "fileSize": file_size,
                "useCase": use_case,
            }
        )
        if use_case_metadata is not UNSET:
            field_dict["useCaseMetadata"] = use_case_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_file_upload_body_use_case_metadata import (
            CreateFileUploadBodyUseCaseMetadata,
        )

        d = dict(src_dict)
        content_type = d.pop("contentType")

        file_name = d.pop("fileName")

        file_size = d.pop("fileSize")

        use_case = CreateFileUploadBodyUseCase(d.pop("useCase"))

        _use_case_metadata = d.pop("useCaseMetadata", UNSET)
        use_case_metadata: CreateFileUploadBodyUseCaseMetadata | Unset
        if isinstance(_use_case_metadata, Unset):
            use_case_metadata = UNSET
        else:
            use_case_metadata = CreateFileUploadBodyUseCaseMetadata.from_dict(
                _use_case_metadata
            )

        create_file_upload_body = cls(
            content_type=content_type,
            file_name=file_name,
            file_size=file_size,
            use_case=use_case,
            use_case_metadata=use_case_metadata,
        )

        create_file_upload_body.additional_properties = d
        return create_file_upload_body

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
