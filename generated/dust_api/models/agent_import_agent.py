from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentImportAgent")


@_attrs_define
class AgentImportAgent:
    """
    Attributes:
        handle (str):
        description (str):
        scope (str):  Known values: visible, hidden.
        max_steps_per_run (float):
        visualization_enabled (bool):
        avatar_url (str | Unset):
    """

    handle: str
    description: str
    scope: str
    max_steps_per_run: float
    visualization_enabled: bool
    avatar_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handle = self.handle

        description = self.description

        scope = self.scope

        max_steps_per_run = self.max_steps_per_run

        visualization_enabled = self.visualization_enabled

        avatar_url = self.avatar_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "handle": handle,
                "description": description,
                "scope": scope,
                "max_steps_per_run": max_steps_per_run,
                "visualization_enabled": visualization_enabled,
            }
        )
        if avatar_url is not UNSET:
            field_dict["avatar_url"] = avatar_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        handle = d.pop("handle")

        description = d.pop("description")

        scope = d.pop("scope")

        max_steps_per_run = d.pop("max_steps_per_run")

        visualization_enabled = d.pop("visualization_enabled")

        avatar_url = d.pop("avatar_url", UNSET)

        agent_import_agent = cls(
            handle=handle,
            description=description,
            scope=scope,
            max_steps_per_run=max_steps_per_run,
            visualization_enabled=visualization_enabled,
            avatar_url=avatar_url,
        )

        agent_import_agent.additional_properties = d
        return agent_import_agent

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
