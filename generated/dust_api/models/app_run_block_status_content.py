from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AppRunBlockStatusContent")


@_attrs_define
class AppRunBlockStatusContent:
    """A block's status and how many of its inputs succeeded or failed.

    Attributes:
        block_type (str):
        name (str):
        status (str):
        success_count (int):
        error_count (int):
    """

    block_type: str
    name: str
    status: str
    success_count: int
    error_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        block_type = self.block_type

        name = self.name

        status = self.status

        success_count = self.success_count

        error_count = self.error_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "block_type": block_type,
                "name": name,
                "status": status,
                "success_count": success_count,
                "error_count": error_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        block_type = d.pop("block_type")

        name = d.pop("name")

        status = d.pop("status")

        success_count = d.pop("success_count")

        error_count = d.pop("error_count")

        app_run_block_status_content = cls(
            block_type=block_type,
            name=name,
            status=status,
            success_count=success_count,
            error_count=error_count,
        )

        app_run_block_status_content.additional_properties = d
        return app_run_block_status_content

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
