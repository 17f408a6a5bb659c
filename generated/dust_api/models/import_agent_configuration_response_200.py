from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_configuration import AgentConfiguration
    from ..models.skipped_action import SkippedAction


T = TypeVar("T", bound="ImportAgentConfigurationResponse200")


@_attrs_define
class ImportAgentConfigurationResponse200:
    """
    Attributes:
        agent_configuration (AgentConfiguration): An agent (assistant) configuration (Dust's
            LightAgentConfigurationType; actions on full ones).
        skipped_actions (list[SkippedAction]):
    """

    agent_configuration: AgentConfiguration
    skipped_actions: list[SkippedAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_configuration = self.agent_configuration.to_dict()

        skipped_actions = []
        for skipped_actions_item_data in self.skipped_actions:
            skipped_actions_item = skipped_actions_item_data.to_dict()
            skipped_actions.append(skipped_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentConfiguration": agent_configuration,
                "skippedActions": skipped_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration import AgentConfiguration
        from ..models.skipped_action import SkippedAction

        d = dict(src_dict)
        agent_configuration = AgentConfiguration.from_dict(d.pop("agentConfiguration"))

        skipped_actions = []
        _skipped_actions = d.pop("skippedActions")
        for skipped_actions_item_data in _skipped_actions:
            skipped_actions_item = SkippedAction.from_dict(skipped_actions_item_data)

            skipped_actions.append(skipped_actions_item)

        import_agent_configuration_response_200 = cls(
            agent_configuration=agent_configuration,
            skipped_actions=skipped_actions,
        )

        import_agent_configuration_response_200.additional_properties = d
        return import_agent_configuration_response_200

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
