from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Skill")


@_attrs_define
class Skill:
    """A custom skill of the workspace (Dust's SkillType); Dust adds fields over time, all kept.

    Attributes:
        s_id (str):
        name (str):
        status (str):  Known values: active, archived, suggested. Open: the server may add values.
        id (int | Unset):
        availability (str | Unset):  Known values: editors, workspace_users, users_and_agents. Open: the server may add
            values.
        agent_facing_description (str | Unset):
        user_facing_description (str | Unset):
        icon (None | str | Unset):
        instructions (None | str | Unset):
        created_at (float | None | Unset):
        updated_at (float | None | Unset):
        requested_space_ids (list[str] | Unset):
        can_write (bool | Unset):
    """

    s_id: str
    name: str
    status: str
    id: int | Unset = UNSET
    availability: str | Unset = UNSET
    agent_facing_description: str | Unset = UNSET
    user_facing_description: str | Unset = UNSET
    icon: None | str | Unset = UNSET
    instructions: None | str | Unset = UNSET
    created_at: float | None | Unset = UNSET
    updated_at: float | None | Unset = UNSET
    requested_space_ids: list[str] | Unset = UNSET
    can_write: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        name = self.name

        status = self.status

        id = self.id

        availability = self.availability

        agent_facing_description = self.agent_facing_description

        user_facing_description = self.user_facing_description

        icon: None | str | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        else:
            icon = self.icon

        instructions: None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
        else:
            instructions = self.instructions

        created_at: float | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: float | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        requested_space_ids: list[str] | Unset = UNSET
        if not isinstance(self.requested_space_ids, Unset):
            requested_space_ids = self.requested_space_ids

        can_write = self.can_write

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "name": name,
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if availability is not UNSET:
            field_dict["availability"] = availability
        if agent_facing_description is not UNSET:
            field_dict["agentFacingDescription"] = agent_facing_description
        if user_facing_description is not UNSET:
            field_dict["userFacingDescription"] = user_facing_description
        if icon is not UNSET:
            field_dict["icon"] = icon
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if requested_space_ids is not UNSET:
            field_dict["requestedSpaceIds"] = requested_space_ids
        if can_write is not UNSET:
            field_dict["canWrite"] = can_write

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        s_id = d.pop("sId")

        name = d.pop("name")

        status = d.pop("status")

        id = d.pop("id", UNSET)

        availability = d.pop("availability", UNSET)

        agent_facing_description = d.pop("agentFacingDescription", UNSET)

        user_facing_description = d.pop("userFacingDescription", UNSET)

        def _parse_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon = _parse_icon(d.pop("icon", UNSET))

        def _parse_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        def _parse_created_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))

        def _parse_updated_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))

        requested_space_ids = cast(list[str], d.pop("requestedSpaceIds", UNSET))

        can_write = d.pop("canWrite", UNSET)

        skill = cls(
            s_id=s_id,
            name=name,
            status=status,
            id=id,
            availability=availability,
            agent_facing_description=agent_facing_description,
            user_facing_description=user_facing_description,
            icon=icon,
            instructions=instructions,
            created_at=created_at,
            updated_at=updated_at,
            requested_space_ids=requested_space_ids,
            can_write=can_write,
        )

        skill.additional_properties = d
        return skill

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
