from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_app_run_body_config import CreateAppRunBodyConfig
    from ..models.create_app_run_body_inputs_item import CreateAppRunBodyInputsItem


T = TypeVar("T", bound="CreateAppRunBody")


@_attrs_define
class CreateAppRunBody:
    """
    Attributes:
        specification_hash (str): Hash of the app specification. Ensures API compatibility across app iterations.
        config (CreateAppRunBodyConfig): Configuration for the app run
        inputs (list[CreateAppRunBodyInputsItem]): Array of input objects for the app
        stream (bool | Unset): If true, the response will be streamed
        blocking (bool | Unset): If true, the request will block until the run is complete
        block_filter (list[str] | Unset): Array of block names to filter the response
    """

    specification_hash: str
    config: CreateAppRunBodyConfig
    inputs: list[CreateAppRunBodyInputsItem]
    stream: bool | Unset = UNSET
    blocking: bool | Unset = UNSET
    block_filter: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        specification_hash = self.specification_hash

        config = self.config.to_dict()

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        stream = self.stream

        blocking = self.blocking

        block_filter: list[str] | Unset = UNSET
        if not isinstance(self.block_filter, Unset):
            block_filter = self.block_filter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "specification_hash": specification_hash,
                "config": config,
                "inputs": inputs,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if block_filter is not UNSET:
            field_dict["block_filter"] = block_filter

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_app_run_body_config import CreateAppRunBodyConfig
        from ..models.create_app_run_body_inputs_item import CreateAppRunBodyInputsItem

        d = dict(src_dict)
        specification_hash = d.pop("specification_hash")

        config = CreateAppRunBodyConfig.from_dict(d.pop("config"))

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = CreateAppRunBodyInputsItem.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        stream = d.pop("stream", UNSET)

        blocking = d.pop("blocking", UNSET)

        block_filter = cast(list[str], d.pop("block_filter", UNSET))

        create_app_run_body = cls(
            specification_hash=specification_hash,
            config=config,
            inputs=inputs,
            stream=stream,
            blocking=blocking,
            block_filter=block_filter,
        )

        create_app_run_body.additional_properties = d
        return create_app_run_body

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
