from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_configuration import AgentConfiguration


T = TypeVar("T", bound="ListAgentsResponse")


@_attrs_define
class ListAgentsResponse:
    """The envelope of the agents list: ``{"agentConfigurations": [...]}``.

    Attributes:
        agent_configurations (list[AgentConfiguration]):
    """

    agent_configurations: list[AgentConfiguration]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_configurations = []
        for agent_configurations_item_data in self.agent_configurations:
            agent_configurations_item = agent_configurations_item_data.to_dict()
            agent_configurations.append(agent_configurations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentConfigurations": agent_configurations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration import AgentConfiguration

        d = dict(src_dict)
        agent_configurations = []
        _agent_configurations = d.pop("agentConfigurations")
        for agent_configurations_item_data in _agent_configurations:
            agent_configurations_item = AgentConfiguration.from_dict(
                agent_configurations_item_data
            )

            agent_configurations.append(agent_configurations_item)

        list_agents_response = cls(
            agent_configurations=agent_configurations,
        )

        list_agents_response.additional_properties = d
        return list_agents_response

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
