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
    """A data source: documents and tables Dust indexes. ``connectorProvider`` is ``None`` for a folder filled through the
    API, else the managed connection (``notion``, ``webcrawler``…).

        Attributes:
            id (int):
            s_id (str):
            created_at (float):
            name (str):
            description (None | str):
            assistant_default_selected (bool):
            dust_api_project_id (str):
            dust_api_data_source_id (str):
            connector_id (None | str):
            connector_provider (None | str): null for folders, e.g. webcrawler, notion.
            edited_by_user (EditedByUser | None | Unset):
    """

    id: int
    s_id: str
    created_at: float
    name: str
    description: None | str
    assistant_default_selected: bool
    dust_api_project_id: str
    dust_api_data_source_id: str
    connector_id: None | str
    connector_provider: None | str
    edited_by_user: EditedByUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edited_by_user import EditedByUser

        id = self.id

        s_id = self.s_id

        created_at = self.created_at

        name = self.name

        description: None | str
        description = self.description

        assistant_default_selected = self.assistant_default_selected

        dust_api_project_id = self.dust_api_project_id

        dust_api_data_source_id = self.dust_api_data_source_id

        connector_id: None | str
        connector_id = self.connector_id

        connector_provider: None | str
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
                "id": id,
                "sId": s_id,
                "createdAt": created_at,
                "name": name,
                "description": description,
                "assistantDefaultSelected": assistant_default_selected,
                "dustAPIProjectId": dust_api_project_id,
                "dustAPIDataSourceId": dust_api_data_source_id,
                "connectorId": connector_id,
                "connectorProvider": connector_provider,
            }
        )
        if edited_by_user is not UNSET:
            field_dict["editedByUser"] = edited_by_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edited_by_user import EditedByUser

        d = dict(src_dict)
        id = d.pop("id")

        s_id = d.pop("sId")

        created_at = d.pop("createdAt")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        assistant_default_selected = d.pop("assistantDefaultSelected")

        dust_api_project_id = d.pop("dustAPIProjectId")

        dust_api_data_source_id = d.pop("dustAPIDataSourceId")

        def _parse_connector_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        connector_id = _parse_connector_id(d.pop("connectorId"))

        def _parse_connector_provider(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        connector_provider = _parse_connector_provider(d.pop("connectorProvider"))

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
            id=id,
            s_id=s_id,
            created_at=created_at,
            name=name,
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
