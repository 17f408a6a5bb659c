from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app_run_block_map import AppRunBlockMap


T = TypeVar("T", bound="AppRunReasoningItemContent")


@_attrs_define
class AppRunReasoningItemContent:
    """The block that produced a reasoning item, and the item.

    Attributes:
        block_type (str):
        block_name (str):
        input_index (int):
        map_ (AppRunBlockMap | Unset): Which iteration of a map block produced the event.
        item (Any | Unset):
    """

    block_type: str
    block_name: str
    input_index: int
    map_: AppRunBlockMap | Unset = UNSET
    item: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        block_type = self.block_type

        block_name = self.block_name

        input_index = self.input_index

        map_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.map_, Unset):
            map_ = self.map_.to_dict()

        item = self.item

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "block_type": block_type,
                "block_name": block_name,
                "input_index": input_index,
            }
        )
        if map_ is not UNSET:
            field_dict["map"] = map_
        if item is not UNSET:
            field_dict["item"] = item

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.app_run_block_map import AppRunBlockMap

        d = dict(src_dict)
        block_type = d.pop("block_type")

        block_name = d.pop("block_name")

        input_index = d.pop("input_index")

        _map_ = d.pop("map", UNSET)
        map_: AppRunBlockMap | Unset
        if isinstance(_map_, Unset):
            map_ = UNSET
        else:
            map_ = AppRunBlockMap.from_dict(_map_)

        item = d.pop("item", UNSET)

        app_run_reasoning_item_content = cls(
            block_type=block_type,
            block_name=block_name,
            input_index=input_index,
            map_=map_,
            item=item,
        )

        app_run_reasoning_item_content.additional_properties = d
        return app_run_reasoning_item_content

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
