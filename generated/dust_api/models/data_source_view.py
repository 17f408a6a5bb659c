from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_source import DataSource
    from ..models.edited_by_user import EditedByUser


T = TypeVar("T", bound="DataSourceView")


@_attrs_define
class DataSourceView:
    """A view of a data source inside a space, possibly restricted to some parents.

    Attributes:
        s_id (str):
        category (str | Unset):  Known values: managed, folder, website, apps, actions, triggers. Open: the server may
            add values.
        created_at (float | Unset):
        data_source (DataSource | Unset): A data source: documents and tables Dust indexes (a folder or a managed
            connection).
        edited_by_user (EditedByUser | None | Unset):
        id (int | Unset):
        kind (str | Unset):  Known values: default, custom. Open: the server may add values.
        parents_in (list[str] | None | Unset):
        updated_at (float | Unset):
        space_id (str | Unset):
    """

    s_id: str
    category: str | Unset = UNSET
    created_at: float | Unset = UNSET
    data_source: DataSource | Unset = UNSET
    edited_by_user: EditedByUser | None | Unset = UNSET
    id: int | Unset = UNSET
    kind: str | Unset = UNSET
    parents_in: list[str] | None | Unset = UNSET
    updated_at: float | Unset = UNSET
    space_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edited_by_user import EditedByUser

        s_id = self.s_id

        category = self.category

        created_at = self.created_at

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        edited_by_user: dict[str, Any] | None | Unset
        if isinstance(self.edited_by_user, Unset):
            edited_by_user = UNSET
        elif isinstance(self.edited_by_user, EditedByUser):
            edited_by_user = self.edited_by_user.to_dict()
        else:
            edited_by_user = self.edited_by_user

        id = self.id

        kind = self.kind

        parents_in: list[str] | None | Unset
        if isinstance(self.parents_in, Unset):
            parents_in = UNSET
        elif isinstance(self.parents_in, list):
            parents_in = self.parents_in

        else:
            parents_in = self.parents_in

        updated_at = self.updated_at

        space_id = self.space_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if data_source is not UNSET:
            field_dict["dataSource"] = data_source
        if edited_by_user is not UNSET:
            field_dict["editedByUser"] = edited_by_user
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if parents_in is not UNSET:
            field_dict["parentsIn"] = parents_in
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source import DataSource
        from ..models.edited_by_user import EditedByUser

        d = dict(src_dict)
        s_id = d.pop("sId")

        category = d.pop("category", UNSET)

        created_at = d.pop("createdAt", UNSET)

        _data_source = d.pop("dataSource", UNSET)
        data_source: DataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = DataSource.from_dict(_data_source)

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

        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        def _parse_parents_in(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parents_in_type_0 = cast(list[str], data)

                return parents_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        parents_in = _parse_parents_in(d.pop("parentsIn", UNSET))

        updated_at = d.pop("updatedAt", UNSET)

        space_id = d.pop("spaceId", UNSET)

        data_source_view = cls(
            s_id=s_id,
            category=category,
            created_at=created_at,
            data_source=data_source,
            edited_by_user=edited_by_user,
            id=id,
            kind=kind,
            parents_in=parents_in,
            updated_at=updated_at,
            space_id=space_id,
        )

        data_source_view.additional_properties = d
        return data_source_view

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
