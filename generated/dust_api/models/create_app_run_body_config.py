from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_app_run_body_config_model import CreateAppRunBodyConfigModel


T = TypeVar("T", bound="CreateAppRunBodyConfig")


@_attrs_define
class CreateAppRunBodyConfig:
    """Configuration for the app run

    Attributes:
        model (CreateAppRunBodyConfigModel | Unset): Model configuration
    """

    model: CreateAppRunBodyConfigModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_app_run_body_config_model import (
            CreateAppRunBodyConfigModel,
        )

        d = dict(src_dict)
        _model = d.pop("model", UNSET)
        model: CreateAppRunBodyConfigModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = CreateAppRunBodyConfigModel.from_dict(_model)

        create_app_run_body_config = cls(
            model=model,
        )

        create_app_run_body_config.additional_properties = d
        return create_app_run_body_config

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
