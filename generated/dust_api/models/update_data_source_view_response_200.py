from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_source_view import DataSourceView


T = TypeVar("T", bound="UpdateDataSourceViewResponse200")


@_attrs_define
class UpdateDataSourceViewResponse200:
    """
    Attributes:
        data_source_view (DataSourceView): A data source exposed in a space; ``parentsIn`` restricts it to those nodes
            and their descendants (``None``: the whole data source). ``kind`` is ``default`` (the data source's own view) or
            ``custom``.
    """

    data_source_view: DataSourceView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data_source_view = self.data_source_view.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataSourceView": data_source_view,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source_view import DataSourceView

        d = dict(src_dict)
        data_source_view = DataSourceView.from_dict(d.pop("dataSourceView"))

        update_data_source_view_response_200 = cls(
            data_source_view=data_source_view,
        )

        update_data_source_view_response_200.additional_properties = d
        return update_data_source_view_response_200

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
