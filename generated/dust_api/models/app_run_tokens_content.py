from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app_run_block_map import AppRunBlockMap
    from ..models.app_run_tokens import AppRunTokens


T = TypeVar("T", bound="AppRunTokensContent")


@_attrs_define
class AppRunTokensContent:
    """The block that generated tokens, and the tokens.

    Attributes:
        block_type (str):
        block_name (str):
        input_index (int):
        tokens (AppRunTokens): Tokens an LLM block generated (with their log probabilities when asked).
        map_ (AppRunBlockMap | Unset): Which iteration of a map block produced the event.
    """

    block_type: str
    block_name: str
    input_index: int
    tokens: AppRunTokens
    map_: AppRunBlockMap | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        block_type = self.block_type

        block_name = self.block_name

        input_index = self.input_index

        tokens = self.tokens.to_dict()

        map_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.map_, Unset):
            map_ = self.map_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "block_type": block_type,
                "block_name": block_name,
                "input_index": input_index,
                "tokens": tokens,
            }
        )
        if map_ is not UNSET:
            field_dict["map"] = map_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.app_run_block_map import AppRunBlockMap
        from ..models.app_run_tokens import AppRunTokens

        d = dict(src_dict)
        block_type = d.pop("block_type")

        block_name = d.pop("block_name")

        input_index = d.pop("input_index")

        tokens = AppRunTokens.from_dict(d.pop("tokens"))

        _map_ = d.pop("map", UNSET)
        map_: AppRunBlockMap | Unset
        if isinstance(_map_, Unset):
            map_ = UNSET
        else:
            map_ = AppRunBlockMap.from_dict(_map_)

        app_run_tokens_content = cls(
            block_type=block_type,
            block_name=block_name,
            input_index=input_index,
            tokens=tokens,
            map_=map_,
        )

        app_run_tokens_content.additional_properties = d
        return app_run_tokens_content

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
