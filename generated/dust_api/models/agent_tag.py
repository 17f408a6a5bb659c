from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentTag")


@_attrs_define
class AgentTag:
    """A tag on an agent (Dust's ``TagType``), which Dust's agent gallery groups and filters by. ``kind`` is an open
    string: ``standard``, or ``protected`` (only admins may add or remove it).

        Attributes:
            s_id (str):
            name (str):
            kind (str | Unset): Known values: standard, protected (only admins add or remove it). Open: the server may add
                values.
    """

    s_id: str
    name: str
    kind: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        name = self.name

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "name": name,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        s_id = d.pop("sId")

        name = d.pop("name")

        kind = d.pop("kind", UNSET)

        agent_tag = cls(
            s_id=s_id,
            name=name,
            kind=kind,
        )

        agent_tag.additional_properties = d
        return agent_tag

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
