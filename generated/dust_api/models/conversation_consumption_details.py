from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumption_agent_details import ConsumptionAgentDetails
    from ..models.consumption_model_details import ConsumptionModelDetails
    from ..models.consumption_tool_details import ConsumptionToolDetails


T = TypeVar("T", bound="ConversationConsumptionDetails")


@_attrs_define
class ConversationConsumptionDetails:
    """
    Attributes:
        agent_work_credits (float):
        tools (list[ConsumptionToolDetails]):
        models (list[ConsumptionModelDetails]):
        agents (list[ConsumptionAgentDetails]):
        attribution_version (int | Unset):
    """

    agent_work_credits: float
    tools: list[ConsumptionToolDetails]
    models: list[ConsumptionModelDetails]
    agents: list[ConsumptionAgentDetails]
    attribution_version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_work_credits = self.agent_work_credits

        tools = []
        for tools_item_data in self.tools:
            tools_item = tools_item_data.to_dict()
            tools.append(tools_item)

        models = []
        for models_item_data in self.models:
            models_item = models_item_data.to_dict()
            models.append(models_item)

        agents = []
        for agents_item_data in self.agents:
            agents_item = agents_item_data.to_dict()
            agents.append(agents_item)

        attribution_version = self.attribution_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentWorkCredits": agent_work_credits,
                "tools": tools,
                "models": models,
                "agents": agents,
            }
        )
        if attribution_version is not UNSET:
            field_dict["attributionVersion"] = attribution_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.consumption_agent_details import ConsumptionAgentDetails
        from ..models.consumption_model_details import ConsumptionModelDetails
        from ..models.consumption_tool_details import ConsumptionToolDetails

        d = dict(src_dict)
        agent_work_credits = d.pop("agentWorkCredits")

        tools = []
        _tools = d.pop("tools")
        for tools_item_data in _tools:
            tools_item = ConsumptionToolDetails.from_dict(tools_item_data)

            tools.append(tools_item)

        models = []
        _models = d.pop("models")
        for models_item_data in _models:
            models_item = ConsumptionModelDetails.from_dict(models_item_data)

            models.append(models_item)

        agents = []
        _agents = d.pop("agents")
        for agents_item_data in _agents:
            agents_item = ConsumptionAgentDetails.from_dict(agents_item_data)

            agents.append(agents_item)

        attribution_version = d.pop("attributionVersion", UNSET)

        conversation_consumption_details = cls(
            agent_work_credits=agent_work_credits,
            tools=tools,
            models=models,
            agents=agents,
            attribution_version=attribution_version,
        )

        conversation_consumption_details.additional_properties = d
        return conversation_consumption_details

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
