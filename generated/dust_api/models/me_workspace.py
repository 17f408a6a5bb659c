from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeWorkspace")


@_attrs_define
class MeWorkspace:
    """A workspace of the user (the JS SDK's WorkspaceSchema).

    Attributes:
        s_id (str):
        id (float):
        name (str):
        role (str):  Known values: admin, builder, user, none. Open: the server may add values.
        segmentation (None | str | Unset):
        white_listed_providers (list[str] | None | Unset):
        default_embedding_provider (None | str | Unset):
        sso_enforced (bool | Unset):
        regional_models_only (bool | Unset):
    """

    s_id: str
    id: float
    name: str
    role: str
    segmentation: None | str | Unset = UNSET
    white_listed_providers: list[str] | None | Unset = UNSET
    default_embedding_provider: None | str | Unset = UNSET
    sso_enforced: bool | Unset = UNSET
    regional_models_only: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        id = self.id

        name = self.name

        role = self.role

        segmentation: None | str | Unset
        if isinstance(self.segmentation, Unset):
            segmentation = UNSET
        else:
            segmentation = self.segmentation

        white_listed_providers: list[str] | None | Unset
        if isinstance(self.white_listed_providers, Unset):
            white_listed_providers = UNSET
        elif isinstance(self.white_listed_providers, list):
            white_listed_providers = self.white_listed_providers

        else:
            white_listed_providers = self.white_listed_providers

        default_embedding_provider: None | str | Unset
        if isinstance(self.default_embedding_provider, Unset):
            default_embedding_provider = UNSET
        else:
            default_embedding_provider = self.default_embedding_provider

        sso_enforced = self.sso_enforced

        regional_models_only = self.regional_models_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "id": id,
                "name": name,
                "role": role,
            }
        )
        if segmentation is not UNSET:
            field_dict["segmentation"] = segmentation
        if white_listed_providers is not UNSET:
            field_dict["whiteListedProviders"] = white_listed_providers
        if default_embedding_provider is not UNSET:
            field_dict["defaultEmbeddingProvider"] = default_embedding_provider
        if sso_enforced is not UNSET:
            field_dict["ssoEnforced"] = sso_enforced
        if regional_models_only is not UNSET:
            field_dict["regionalModelsOnly"] = regional_models_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        s_id = d.pop("sId")

        id = d.pop("id")

        name = d.pop("name")

        role = d.pop("role")

        def _parse_segmentation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        segmentation = _parse_segmentation(d.pop("segmentation", UNSET))

        def _parse_white_listed_providers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                white_listed_providers_type_0 = cast(list[str], data)

                return white_listed_providers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        white_listed_providers = _parse_white_listed_providers(
            d.pop("whiteListedProviders", UNSET)
        )

        def _parse_default_embedding_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_embedding_provider = _parse_default_embedding_provider(
            d.pop("defaultEmbeddingProvider", UNSET)
        )

        sso_enforced = d.pop("ssoEnforced", UNSET)

        regional_models_only = d.pop("regionalModelsOnly", UNSET)

        me_workspace = cls(
            s_id=s_id,
            id=id,
            name=name,
            role=role,
            segmentation=segmentation,
            white_listed_providers=white_listed_providers,
            default_embedding_provider=default_embedding_provider,
            sso_enforced=sso_enforced,
            regional_models_only=regional_models_only,
        )

        me_workspace.additional_properties = d
        return me_workspace

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
