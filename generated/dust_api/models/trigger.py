from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger_configuration import TriggerConfiguration
    from ..models.trigger_webhook_source import TriggerWebhookSource


T = TypeVar("T", bound="Trigger")


@_attrs_define
class Trigger:
    """An agent trigger (a schedule or a webhook) as Dust's public API serializes it.

    Attributes:
        id (int):
        s_id (str):
        name (str):
        agent_configuration_id (str):
        kind (str): schedule or webhook.
        status (str): enabled, disabled, disabled_by_manager, relocating or downgraded.
        configuration (TriggerConfiguration):
        custom_prompt (None | str):
        natural_language_description (None | str):
        execution_mode (None | str):
        created_at (float):
        webhook_source (None | TriggerWebhookSource | Unset): The webhook source's label (webhook triggers only; null
            when its view is gone).
    """

    id: int
    s_id: str
    name: str
    agent_configuration_id: str
    kind: str
    status: str
    configuration: TriggerConfiguration
    custom_prompt: None | str
    natural_language_description: None | str
    execution_mode: None | str
    created_at: float
    webhook_source: None | TriggerWebhookSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trigger_webhook_source import TriggerWebhookSource

        id = self.id

        s_id = self.s_id

        name = self.name

        agent_configuration_id = self.agent_configuration_id

        kind = self.kind

        status = self.status

        configuration = self.configuration.to_dict()

        custom_prompt: None | str
        custom_prompt = self.custom_prompt

        natural_language_description: None | str
        natural_language_description = self.natural_language_description

        execution_mode: None | str
        execution_mode = self.execution_mode

        created_at = self.created_at

        webhook_source: dict[str, Any] | None | Unset
        if isinstance(self.webhook_source, Unset):
            webhook_source = UNSET
        elif isinstance(self.webhook_source, TriggerWebhookSource):
            webhook_source = self.webhook_source.to_dict()
        else:
            webhook_source = self.webhook_source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "sId": s_id,
                "name": name,
                "agentConfigurationId": agent_configuration_id,
                "kind": kind,
                "status": status,
                "configuration": configuration,
                "customPrompt": custom_prompt,
                "naturalLanguageDescription": natural_language_description,
                "executionMode": execution_mode,
                "createdAt": created_at,
            }
        )
        if webhook_source is not UNSET:
            field_dict["webhookSource"] = webhook_source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trigger_configuration import TriggerConfiguration
        from ..models.trigger_webhook_source import TriggerWebhookSource

        d = dict(src_dict)
        id = d.pop("id")

        s_id = d.pop("sId")

        name = d.pop("name")

        agent_configuration_id = d.pop("agentConfigurationId")

        kind = d.pop("kind")

        status = d.pop("status")

        configuration = TriggerConfiguration.from_dict(d.pop("configuration"))

        def _parse_custom_prompt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        custom_prompt = _parse_custom_prompt(d.pop("customPrompt"))

        def _parse_natural_language_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        natural_language_description = _parse_natural_language_description(
            d.pop("naturalLanguageDescription")
        )

        def _parse_execution_mode(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        execution_mode = _parse_execution_mode(d.pop("executionMode"))

        created_at = d.pop("createdAt")

        def _parse_webhook_source(data: object) -> None | TriggerWebhookSource | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                webhook_source_type_0 = TriggerWebhookSource.from_dict(data)

                return webhook_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TriggerWebhookSource | Unset, data)

        webhook_source = _parse_webhook_source(d.pop("webhookSource", UNSET))

        trigger = cls(
            id=id,
            s_id=s_id,
            name=name,
            agent_configuration_id=agent_configuration_id,
            kind=kind,
            status=status,
            configuration=configuration,
            custom_prompt=custom_prompt,
            natural_language_description=natural_language_description,
            execution_mode=execution_mode,
            created_at=created_at,
            webhook_source=webhook_source,
        )

        trigger.additional_properties = d
        return trigger

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
