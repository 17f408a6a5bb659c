from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_project_metadata_response_200_metadata_type_0 import (
        GetProjectMetadataResponse200MetadataType0,
    )


T = TypeVar("T", bound="GetProjectMetadataResponse200")


@_attrs_define
class GetProjectMetadataResponse200:
    """
    Attributes:
        metadata (GetProjectMetadataResponse200MetadataType0 | None):
    """

    metadata: GetProjectMetadataResponse200MetadataType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.get_project_metadata_response_200_metadata_type_0 import (
            GetProjectMetadataResponse200MetadataType0,
        )

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, GetProjectMetadataResponse200MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_project_metadata_response_200_metadata_type_0 import (
            GetProjectMetadataResponse200MetadataType0,
        )

        d = dict(src_dict)

        def _parse_metadata(
            data: object,
        ) -> GetProjectMetadataResponse200MetadataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = GetProjectMetadataResponse200MetadataType0.from_dict(
                    data
                )

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetProjectMetadataResponse200MetadataType0 | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        get_project_metadata_response_200 = cls(
            metadata=metadata,
        )

        get_project_metadata_response_200.additional_properties = d
        return get_project_metadata_response_200

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
