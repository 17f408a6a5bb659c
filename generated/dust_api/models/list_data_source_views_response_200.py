from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_source_view import DataSourceView


T = TypeVar("T", bound="ListDataSourceViewsResponse200")


@_attrs_define
class ListDataSourceViewsResponse200:
    """
    Attributes:
        data_source_views (list[DataSourceView]):
    """

    data_source_views: list[DataSourceView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data_source_views = []
        for data_source_views_item_data in self.data_source_views:
            data_source_views_item = data_source_views_item_data.to_dict()
            data_source_views.append(data_source_views_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataSourceViews": data_source_views,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source_view import DataSourceView

        d = dict(src_dict)
        data_source_views = []
        _data_source_views = d.pop("dataSourceViews")
        for data_source_views_item_data in _data_source_views:
            data_source_views_item = DataSourceView.from_dict(
                data_source_views_item_data
            )

            data_source_views.append(data_source_views_item)

        list_data_source_views_response_200 = cls(
            data_source_views=data_source_views,
        )

        list_data_source_views_response_200.additional_properties = d
        return list_data_source_views_response_200

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
