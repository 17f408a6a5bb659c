from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentImportGenerationSettings")


@_attrs_define
class AgentImportGenerationSettings:
    """
    Attributes:
        model_id (str):
        provider_id (str):
        temperature (float):
        reasoning_effort (str):  Known values: none, light, medium, high. Open: the server may add values.
        response_format (str | Unset):
    """

    model_id: str
    provider_id: str
    temperature: float
    reasoning_effort: str
    response_format: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_id = self.model_id

        provider_id = self.provider_id

        temperature = self.temperature

        reasoning_effort = self.reasoning_effort

        response_format = self.response_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_id": model_id,
                "provider_id": provider_id,
                "temperature": temperature,
                "reasoning_effort": reasoning_effort,
            }
        )
        if response_format is not UNSET:
            field_dict["response_format"] = response_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model_id = d.pop("model_id")

        provider_id = d.pop("provider_id")

        temperature = d.pop("temperature")

        reasoning_effort = d.pop("reasoning_effort")

        response_format = d.pop("response_format", UNSET)

        agent_import_generation_settings = cls(
            model_id=model_id,
            provider_id=provider_id,
            temperature=temperature,
            reasoning_effort=reasoning_effort,
            response_format=response_format,
        )

        agent_import_generation_settings.additional_properties = d
        return agent_import_generation_settings

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
