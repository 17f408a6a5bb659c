from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.verified_domain import VerifiedDomain


T = TypeVar("T", bound="ListVerifiedDomainsResponse200")


@_attrs_define
class ListVerifiedDomainsResponse200:
    """
    Attributes:
        verified_domains (list[VerifiedDomain]):
    """

    verified_domains: list[VerifiedDomain]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified_domains = []
        for verified_domains_item_data in self.verified_domains:
            verified_domains_item = verified_domains_item_data.to_dict()
            verified_domains.append(verified_domains_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified_domains": verified_domains,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verified_domain import VerifiedDomain

        d = dict(src_dict)
        verified_domains = []
        _verified_domains = d.pop("verified_domains")
        for verified_domains_item_data in _verified_domains:
            verified_domains_item = VerifiedDomain.from_dict(verified_domains_item_data)

            verified_domains.append(verified_domains_item)

        list_verified_domains_response_200 = cls(
            verified_domains=verified_domains,
        )

        list_verified_domains_response_200.additional_properties = d
        return list_verified_domains_response_200

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
