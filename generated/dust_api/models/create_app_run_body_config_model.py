from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAppRunBodyConfigModel")


@_attrs_define
class CreateAppRunBodyConfigModel:
    """Model configuration

    Attributes:
        provider_id (str | Unset): ID of the model provider
        model_id (str | Unset): ID of the model
        use_cache (bool | Unset): Whether to use caching
        use_stream (bool | Unset): Whether to use streaming
    """

    provider_id: str | Unset = UNSET
    model_id: str | Unset = UNSET
    use_cache: bool | Unset = UNSET
    use_stream: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        model_id = self.model_id

        use_cache = self.use_cache

        use_stream = self.use_stream

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider_id is not UNSET:
            field_dict["provider_id"] = provider_id
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if use_cache is not UNSET:
            field_dict["use_cache"] = use_cache
        if use_stream is not UNSET:
            field_dict["use_stream"] = use_stream

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("provider_id", UNSET)

        model_id = d.pop("model_id", UNSET)

        use_cache = d.pop("use_cache", UNSET)

        use_stream = d.pop("use_stream", UNSET)

        create_app_run_body_config_model = cls(
            provider_id=provider_id,
            model_id=model_id,
            use_cache=use_cache,
            use_stream=use_stream,
        )

        create_app_run_body_config_model.additional_properties = d
        return create_app_run_body_config_model

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
