from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_import_agent import AgentImportAgent
    from ..models.agent_import_generation_settings import AgentImportGenerationSettings
    from ..models.agent_import_tags_item import AgentImportTagsItem
    from ..models.agent_import_toolset_item import AgentImportToolsetItem


T = TypeVar("T", bound="AgentImport")


@_attrs_define
class AgentImport:
    """An agent configuration in Dust's agent YAML format, sent as JSON (what `export/yaml` reads back).

    Attributes:
        agent (AgentImportAgent):
        instructions (str):
        generation_settings (AgentImportGenerationSettings):
        tags (list[AgentImportTagsItem]):
        editors (list[str]): Emails of the workspace members who may edit the agent.
        toolset (list[AgentImportToolsetItem]):
    """

    agent: AgentImportAgent
    instructions: str
    generation_settings: AgentImportGenerationSettings
    tags: list[AgentImportTagsItem]
    editors: list[str]
    toolset: list[AgentImportToolsetItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent.to_dict()

        instructions = self.instructions

        generation_settings = self.generation_settings.to_dict()

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.to_dict()
            tags.append(tags_item)

        editors = self.editors

        toolset = []
        for toolset_item_data in self.toolset:
            toolset_item = toolset_item_data.to_dict()
            toolset.append(toolset_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
                "instructions": instructions,
                "generation_settings": generation_settings,
                "tags": tags,
                "editors": editors,
                "toolset": toolset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_import_agent import AgentImportAgent
        from ..models.agent_import_generation_settings import (
            AgentImportGenerationSettings,
        )
        from ..models.agent_import_tags_item import AgentImportTagsItem
        from ..models.agent_import_toolset_item import AgentImportToolsetItem

        d = dict(src_dict)
        agent = AgentImportAgent.from_dict(d.pop("agent"))

        instructions = d.pop("instructions")

        generation_settings = AgentImportGenerationSettings.from_dict(
            d.pop("generation_settings")
        )

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = AgentImportTagsItem.from_dict(tags_item_data)

            tags.append(tags_item)

        editors = cast(list[str], d.pop("editors"))

        toolset = []
        _toolset = d.pop("toolset")
        for toolset_item_data in _toolset:
            toolset_item = AgentImportToolsetItem.from_dict(toolset_item_data)

            toolset.append(toolset_item)

        agent_import = cls(
            agent=agent,
            instructions=instructions,
            generation_settings=generation_settings,
            tags=tags,
            editors=editors,
            toolset=toolset,
        )

        agent_import.additional_properties = d
        return agent_import

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
