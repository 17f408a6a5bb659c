from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetProjectMetadataResponse200MetadataType0")


@_attrs_define
class GetProjectMetadataResponse200MetadataType0:
    """
    Attributes:
        s_id (str | Unset):
        created_at (float | Unset):
        updated_at (float | Unset):
        space_id (str | Unset):
        description (None | str | Unset):
        archived_at (float | None | Unset):
        members (list[str] | Unset):
    """

    s_id: str | Unset = UNSET
    created_at: float | Unset = UNSET
    updated_at: float | Unset = UNSET
    space_id: str | Unset = UNSET
    description: None | str | Unset = UNSET
    archived_at: float | None | Unset = UNSET
    members: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        created_at = self.created_at

        updated_at = self.updated_at

        space_id = self.space_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        archived_at: float | None | Unset
        if isinstance(self.archived_at, Unset):
            archived_at = UNSET
        else:
            archived_at = self.archived_at

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if s_id is not UNSET:
            field_dict["sId"] = s_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if description is not UNSET:
            field_dict["description"] = description
        if archived_at is not UNSET:
            field_dict["archivedAt"] = archived_at
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        s_id = d.pop("sId", UNSET)

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        space_id = d.pop("spaceId", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_archived_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        archived_at = _parse_archived_at(d.pop("archivedAt", UNSET))

        members = cast(list[str], d.pop("members", UNSET))

        get_project_metadata_response_200_metadata_type_0 = cls(
            s_id=s_id,
            created_at=created_at,
            updated_at=updated_at,
            space_id=space_id,
            description=description,
            archived_at=archived_at,
            members=members,
        )

        get_project_metadata_response_200_metadata_type_0.additional_properties = d
        return get_project_metadata_response_200_metadata_type_0

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
