from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edited_by_user import EditedByUser


T = TypeVar("T", bound="DataSource")


@_attrs_define
class DataSource:
    """A data source: documents and tables Dust indexes (a folder or a managed connection).

    Attributes:
        name (str):
        id (int | Unset):
        s_id (str | Unset):
        created_at (float | Unset):
        description (None | str | Unset):
        assistant_default_selected (bool | Unset):
        dust_api_project_id (str | Unset):
        dust_api_data_source_id (str | Unset):
        connector_id (None | str | Unset):
        connector_provider (None | str | Unset): null for folders, e.g. webcrawler, notion.
        edited_by_user (EditedByUser | None | Unset):
    """

    name: str
    id: int | Unset = UNSET
    s_id: str | Unset = UNSET
    created_at: float | Unset = UNSET
    description: None | str | Unset = UNSET
    assistant_default_selected: bool | Unset = UNSET
    dust_api_project_id: str | Unset = UNSET
    dust_api_data_source_id: str | Unset = UNSET
    connector_id: None | str | Unset = UNSET
    connector_provider: None | str | Unset = UNSET
    edited_by_user: EditedByUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edited_by_user import EditedByUser

        name = self.name

        id = self.id

        s_id = self.s_id

        created_at = self.created_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        assistant_default_selected = self.assistant_default_selected

        dust_api_project_id = self.dust_api_project_id

        dust_api_data_source_id = self.dust_api_data_source_id

        connector_id: None | str | Unset
        if isinstance(self.connector_id, Unset):
            connector_id = UNSET
        else:
            connector_id = self.connector_id

        connector_provider: None | str | Unset
        if isinstance(self.connector_provider, Unset):
            connector_provider = UNSET
        else:
            connector_provider = self.connector_provider

        edited_by_user: dict[str, Any] | None | Unset
        if isinstance(self.edited_by_user, Unset):
            edited_by_user = UNSET
        elif isinstance(self.edited_by_user, EditedByUser):
            edited_by_user = self.edited_by_user.to_dict()
        else:
            edited_by_user = self.edited_by_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if s_id is not UNSET:
            field_dict["sId"] = s_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if assistant_default_selected is not UNSET:
            field_dict["assistantDefaultSelected"] = assistant_default_selected
        if dust_api_project_id is not UNSET:
            field_dict["dustAPIProjectId"] = dust_api_project_id
        if dust_api_data_source_id is not UNSET:
            field_dict["dustAPIDataSourceId"] = dust_api_data_source_id
        if connector_id is not UNSET:
            field_dict["connectorId"] = connector_id
        if connector_provider is not UNSET:
            field_dict["connectorProvider"] = connector_provider
        if edited_by_user is not UNSET:
            field_dict["editedByUser"] = edited_by_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edited_by_user import EditedByUser

        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        s_id = d.pop("sId", UNSET)

        created_at = d.pop("createdAt", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        assistant_default_selected = d.pop("assistantDefaultSelected", UNSET)

        dust_api_project_id = d.pop("dustAPIProjectId", UNSET)

        dust_api_data_source_id = d.pop("dustAPIDataSourceId", UNSET)

        def _parse_connector_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_id = _parse_connector_id(d.pop("connectorId", UNSET))

        def _parse_connector_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_provider = _parse_connector_provider(
            d.pop("connectorProvider", UNSET)
        )

        def _parse_edited_by_user(data: object) -> EditedByUser | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                edited_by_user_type_0 = EditedByUser.from_dict(data)

                return edited_by_user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditedByUser | None | Unset, data)

        edited_by_user = _parse_edited_by_user(d.pop("editedByUser", UNSET))

        data_source = cls(
            name=name,
            id=id,
            s_id=s_id,
            created_at=created_at,
            description=description,
            assistant_default_selected=assistant_default_selected,
            dust_api_project_id=dust_api_project_id,
            dust_api_data_source_id=dust_api_data_source_id,
            connector_id=connector_id,
            connector_provider=connector_provider,
            edited_by_user=edited_by_user,
        )

        data_source.additional_properties = d
        return data_source

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
