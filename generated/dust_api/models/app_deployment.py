from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AppDeployment")


@_attrs_define
class AppDeployment:
    """Whether a space has deployed one version of an app (one answer of ``apps.check``): ``deployed`` is true when the app
    exists there with the specification whose hash is ``appHash``.

        Attributes:
            app_id (str):
            app_hash (str):
            deployed (bool):
    """

    app_id: str
    app_hash: str
    deployed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        app_id = self.app_id

        app_hash = self.app_hash

        deployed = self.deployed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appId": app_id,
                "appHash": app_hash,
                "deployed": deployed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        app_id = d.pop("appId")

        app_hash = d.pop("appHash")

        deployed = d.pop("deployed")

        app_deployment = cls(
            app_id=app_id,
            app_hash=app_hash,
            deployed=deployed,
        )

        app_deployment.additional_properties = d
        return app_deployment

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
