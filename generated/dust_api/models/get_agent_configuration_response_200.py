from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_configuration import AgentConfiguration


T = TypeVar("T", bound="GetAgentConfigurationResponse200")


@_attrs_define
class GetAgentConfigurationResponse200:
    """
    Attributes:
        agent_configuration (AgentConfiguration): An agent (assistant) configuration (Dust's
            LightAgentConfigurationType; actions on full ones).
    """

    agent_configuration: AgentConfiguration
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_configuration = self.agent_configuration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentConfiguration": agent_configuration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration import AgentConfiguration

        d = dict(src_dict)
        agent_configuration = AgentConfiguration.from_dict(d.pop("agentConfiguration"))

        get_agent_configuration_response_200 = cls(
            agent_configuration=agent_configuration,
        )

        get_agent_configuration_response_200.additional_properties = d
        return get_agent_configuration_response_200

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
