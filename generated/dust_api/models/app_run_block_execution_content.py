from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.app_run_block_execution_content_execution_item_item import (
        AppRunBlockExecutionContentExecutionItemItem,
    )


T = TypeVar("T", bound="AppRunBlockExecutionContent")


@_attrs_define
class AppRunBlockExecutionContent:
    """A block's outputs.

    Attributes:
        block_type (str):
        block_name (str):
        execution (list[list[AppRunBlockExecutionContentExecutionItemItem]]): Per input, per map iteration: ``{"value":
            ..., "error": str | None, "meta": ...}``.
    """

    block_type: str
    block_name: str
    execution: list[list[AppRunBlockExecutionContentExecutionItemItem]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        block_type = self.block_type

        block_name = self.block_name

        execution = []
        for execution_item_data in self.execution:
            execution_item = []
            for execution_item_item_data in execution_item_data:
                execution_item_item = execution_item_item_data.to_dict()
                execution_item.append(execution_item_item)

            execution.append(execution_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "block_type": block_type,
                "block_name": block_name,
                "execution": execution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.app_run_block_execution_content_execution_item_item import (
            AppRunBlockExecutionContentExecutionItemItem,
        )

        d = dict(src_dict)
        block_type = d.pop("block_type")

        block_name = d.pop("block_name")

        execution = []
        _execution = d.pop("execution")
        for execution_item_data in _execution:
            execution_item = []
            _execution_item = execution_item_data
            for execution_item_item_data in _execution_item:
                execution_item_item = (
                    AppRunBlockExecutionContentExecutionItemItem.from_dict(
                        execution_item_item_data
                    )
                )

                execution_item.append(execution_item_item)

            execution.append(execution_item)

        app_run_block_execution_content = cls(
            block_type=block_type,
            block_name=block_name,
            execution=execution,
        )

        app_run_block_execution_content.additional_properties = d
        return app_run_block_execution_content

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
