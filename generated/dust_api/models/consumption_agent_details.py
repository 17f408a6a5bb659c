from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumption_model_details import ConsumptionModelDetails
    from ..models.consumption_tool_details import ConsumptionToolDetails


T = TypeVar("T", bound="ConsumptionAgentDetails")


@_attrs_define
class ConsumptionAgentDetails:
    """
    Attributes:
        agent_id (str | Unset):
        name (str | Unset):
        picture_url (None | str | Unset):
        billed_credits (float | Unset):
        agent_work_credits (float | Unset):
        tools (list[ConsumptionToolDetails] | Unset):
        models (list[ConsumptionModelDetails] | Unset):
    """

    agent_id: str | Unset = UNSET
    name: str | Unset = UNSET
    picture_url: None | str | Unset = UNSET
    billed_credits: float | Unset = UNSET
    agent_work_credits: float | Unset = UNSET
    tools: list[ConsumptionToolDetails] | Unset = UNSET
    models: list[ConsumptionModelDetails] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        name = self.name

        picture_url: None | str | Unset
        if isinstance(self.picture_url, Unset):
            picture_url = UNSET
        else:
            picture_url = self.picture_url

        billed_credits = self.billed_credits

        agent_work_credits = self.agent_work_credits

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        models: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = []
            for models_item_data in self.models:
                models_item = models_item_data.to_dict()
                models.append(models_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if name is not UNSET:
            field_dict["name"] = name
        if picture_url is not UNSET:
            field_dict["pictureUrl"] = picture_url
        if billed_credits is not UNSET:
            field_dict["billedCredits"] = billed_credits
        if agent_work_credits is not UNSET:
            field_dict["agentWorkCredits"] = agent_work_credits
        if tools is not UNSET:
            field_dict["tools"] = tools
        if models is not UNSET:
            field_dict["models"] = models

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.consumption_model_details import ConsumptionModelDetails
        from ..models.consumption_tool_details import ConsumptionToolDetails

        d = dict(src_dict)
        agent_id = d.pop("agentId", UNSET)

        name = d.pop("name", UNSET)

        def _parse_picture_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        picture_url = _parse_picture_url(d.pop("pictureUrl", UNSET))

        billed_credits = d.pop("billedCredits", UNSET)

        agent_work_credits = d.pop("agentWorkCredits", UNSET)

        _tools = d.pop("tools", UNSET)
        tools: list[ConsumptionToolDetails] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = ConsumptionToolDetails.from_dict(tools_item_data)

                tools.append(tools_item)

        _models = d.pop("models", UNSET)
        models: list[ConsumptionModelDetails] | Unset = UNSET
        if _models is not UNSET:
            models = []
            for models_item_data in _models:
                models_item = ConsumptionModelDetails.from_dict(models_item_data)

                models.append(models_item)

        consumption_agent_details = cls(
            agent_id=agent_id,
            name=name,
            picture_url=picture_url,
            billed_credits=billed_credits,
            agent_work_credits=agent_work_credits,
            tools=tools,
            models=models,
        )

        consumption_agent_details.additional_properties = d
        return consumption_agent_details

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
