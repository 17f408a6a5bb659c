from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_status_blocks_item import RunStatusBlocksItem


T = TypeVar("T", bound="RunStatus")


@_attrs_define
class RunStatus:
    """Where a run is: ``run`` is ``running``, ``succeeded`` or ``errored``; ``blocks`` per block.

    Attributes:
        run (str | Unset):
        build (str | Unset):
        blocks (list[RunStatusBlocksItem] | Unset):
    """

    run: str | Unset = UNSET
    build: str | Unset = UNSET
    blocks: list[RunStatusBlocksItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run = self.run

        build = self.build

        blocks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.blocks, Unset):
            blocks = []
            for blocks_item_data in self.blocks:
                blocks_item = blocks_item_data.to_dict()
                blocks.append(blocks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run is not UNSET:
            field_dict["run"] = run
        if build is not UNSET:
            field_dict["build"] = build
        if blocks is not UNSET:
            field_dict["blocks"] = blocks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_status_blocks_item import RunStatusBlocksItem

        d = dict(src_dict)
        run = d.pop("run", UNSET)

        build = d.pop("build", UNSET)

        _blocks = d.pop("blocks", UNSET)
        blocks: list[RunStatusBlocksItem] | Unset = UNSET
        if _blocks is not UNSET:
            blocks = []
            for blocks_item_data in _blocks:
                blocks_item = RunStatusBlocksItem.from_dict(blocks_item_data)

                blocks.append(blocks_item)

        run_status = cls(
            run=run,
            build=build,
            blocks=blocks,
        )

        run_status.additional_properties = d
        return run_status

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
