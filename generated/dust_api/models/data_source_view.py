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
    """A data source exposed in a space; ``parentsIn`` restricts it to those nodes and their descendants (``None``: the
    whole data source). ``kind`` is ``default`` (the data source's own view) or ``custom``.

        Attributes:
            category (str):  Known values: managed, folder, website, apps, actions, triggers. Open: the server may add
                values.
            created_at (float):
            data_source (DataSource): A data source: documents and tables Dust indexes. ``connectorProvider`` is ``None``
                for a folder filled through the API, else the managed connection (``notion``, ``webcrawler``…).
            id (int):
            kind (str):  Known values: default, custom. Open: the server may add values.
            parents_in (list[str] | None):
            s_id (str):
            updated_at (float):
            space_id (str):
            edited_by_user (EditedByUser | None | Unset):
    """

    category: str
    created_at: float
    data_source: DataSource
    id: int
    kind: str
    parents_in: list[str] | None
    s_id: str
    updated_at: float
    space_id: str
    edited_by_user: EditedByUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edited_by_user import EditedByUser

        category = self.category

        created_at = self.created_at

        data_source = self.data_source.to_dict()

        id = self.id

        kind = self.kind

        parents_in: list[str] | None
        if isinstance(self.parents_in, list):
            parents_in = self.parents_in

        else:
            parents_in = self.parents_in

        s_id = self.s_id

        updated_at = self.updated_at

        space_id = self.space_id

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
                "category": category,
                "createdAt": created_at,
                "dataSource": data_source,
                "id": id,
                "kind": kind,
                "parentsIn": parents_in,
                "sId": s_id,
                "updatedAt": updated_at,
                "spaceId": space_id,
            }
        )
        if edited_by_user is not UNSET:
            field_dict["editedByUser"] = edited_by_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source import DataSource
        from ..models.edited_by_user import EditedByUser

        d = dict(src_dict)
        category = d.pop("category")

        created_at = d.pop("createdAt")

        data_source = DataSource.from_dict(d.pop("dataSource"))

        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_parents_in(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parents_in_type_0 = cast(list[str], data)

                return parents_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        parents_in = _parse_parents_in(d.pop("parentsIn"))

        s_id = d.pop("sId")

        updated_at = d.pop("updatedAt")

        space_id = d.pop("spaceId")

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

        data_source_view = cls(
            category=category,
            created_at=created_at,
            data_source=data_source,
            id=id,
            kind=kind,
            parents_in=parents_in,
            s_id=s_id,
            updated_at=updated_at,
            space_id=space_id,
            edited_by_user=edited_by_user,
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
