from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VerifiedDomain")


@_attrs_define
class VerifiedDomain:
    """An email domain the workspace proved it owns (``domainAutoJoinEnabled``: people with an address there may join by
    themselves).

        Attributes:
            domain (str):
            domain_auto_join_enabled (bool | Unset):
    """

    domain: str
    domain_auto_join_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        domain_auto_join_enabled = self.domain_auto_join_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "domain": domain,
            }
        )
        if domain_auto_join_enabled is not UNSET:
            field_dict["domainAutoJoinEnabled"] = domain_auto_join_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        domain = d.pop("domain")

        domain_auto_join_enabled = d.pop("domainAutoJoinEnabled", UNSET)

        verified_domain = cls(
            domain=domain,
            domain_auto_join_enabled=domain_auto_join_enabled,
        )

        verified_domain.additional_properties = d
        return verified_domain

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
