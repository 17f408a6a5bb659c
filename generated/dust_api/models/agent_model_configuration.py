from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentModelConfiguration")


@_attrs_define
class AgentModelConfiguration:
    """The language model an agent runs on. ``reasoningEffort`` (an open string such as ``medium``) and ``responseFormat``
    (a structured-output format, as a JSON string) are sent only when the agent sets them.

        Attributes:
            provider_id (str | Unset): Model provider. Known values: openai, anthropic, mistral, google_ai_studio. Open: the
                server may add values.
            model_id (str | Unset): Model id, e.g. gpt-4o.
            temperature (float | Unset):
            reasoning_effort (None | str | Unset): Reasoning effort, sent only when the agent sets one. Known values: none,
                minimal, light, low, medium, high, xhigh, maximal. Open: the server may add values.
            response_format (str | Unset): The structured-output format of the agent's replies, as a JSON string (sent only
                when set).
    """

    provider_id: str | Unset = UNSET
    model_id: str | Unset = UNSET
    temperature: float | Unset = UNSET
    reasoning_effort: None | str | Unset = UNSET
    response_format: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        model_id = self.model_id

        temperature = self.temperature

        reasoning_effort: None | str | Unset
        if isinstance(self.reasoning_effort, Unset):
            reasoning_effort = UNSET
        else:
            reasoning_effort = self.reasoning_effort

        response_format = self.response_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if model_id is not UNSET:
            field_dict["modelId"] = model_id
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if reasoning_effort is not UNSET:
            field_dict["reasoningEffort"] = reasoning_effort
        if response_format is not UNSET:
            field_dict["responseFormat"] = response_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("providerId", UNSET)

        model_id = d.pop("modelId", UNSET)

        temperature = d.pop("temperature", UNSET)

        def _parse_reasoning_effort(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning_effort = _parse_reasoning_effort(d.pop("reasoningEffort", UNSET))

        response_format = d.pop("responseFormat", UNSET)

        agent_model_configuration = cls(
            provider_id=provider_id,
            model_id=model_id,
            temperature=temperature,
            reasoning_effort=reasoning_effort,
            response_format=response_format,
        )

        agent_model_configuration.additional_properties = d
        return agent_model_configuration

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
