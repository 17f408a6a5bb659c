from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelSelection")


@_attrs_define
class ModelSelection:
    """The model the mentioned agents run for one message instead of their configured one: a provider (``openai``,
    ``anthropic``…), a model id and optionally a ``reasoningEffort`` (none, light, medium, high). Dust falls back to the
    agent's own model when the workspace cannot use this one, and answers 400 on an unknown id.

        Attributes:
            provider_id (str): The model provider, e.g. openai, anthropic, mistral, google_ai_studio.
            model_id (str): The model id, e.g. gpt-5 or claude-sonnet-4-5-20250929.
            reasoning_effort (str | Unset):  Known values: none, light, medium, high. Open: the server may add values.
    """

    provider_id: str
    model_id: str
    reasoning_effort: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        model_id = self.model_id

        reasoning_effort = self.reasoning_effort

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "providerId": provider_id,
                "modelId": model_id,
            }
        )
        if reasoning_effort is not UNSET:
            field_dict["reasoningEffort"] = reasoning_effort

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("providerId")

        model_id = d.pop("modelId")

        reasoning_effort = d.pop("reasoningEffort", UNSET)

        model_selection = cls(
            provider_id=provider_id,
            model_id=model_id,
            reasoning_effort=reasoning_effort,
        )

        model_selection.additional_properties = d
        return model_selection

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
