from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.app_run_block_status_content import AppRunBlockStatusContent


T = TypeVar("T", bound="AppRunBlockStatusEvent")


@_attrs_define
class AppRunBlockStatusEvent:
    """A block's status changed.

    Attributes:
        type_ (str):
        content (AppRunBlockStatusContent): A block's status and how many of its inputs succeeded or failed.
    """

    type_: str
    content: AppRunBlockStatusContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.app_run_block_status_content import AppRunBlockStatusContent

        d = dict(src_dict)
        type_ = d.pop("type")

        content = AppRunBlockStatusContent.from_dict(d.pop("content"))

        app_run_block_status_event = cls(
            type_=type_,
            content=content,
        )

        app_run_block_status_event.additional_properties = d
        return app_run_block_status_event

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
