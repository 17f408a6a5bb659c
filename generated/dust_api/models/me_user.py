from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.me_user_organizations_item import MeUserOrganizationsItem
    from ..models.me_workspace import MeWorkspace


T = TypeVar("T", bound="MeUser")


@_attrs_define
class MeUser:
    """A Dust user and the workspaces they belong to (the JS SDK's MeResponseSchema.user).

    Attributes:
        s_id (str):
        id (float):
        created_at (float):
        username (str):
        email (str):
        first_name (str):
        last_name (None | str):
        full_name (str):
        image (None | str):
        workspaces (list[MeWorkspace]):
        provider (None | str | Unset):  Known values: auth0, github, google, okta, samlp, waad. Open: the server may add
            values.
        origin (str | Unset):  Known values: invited, auto-joined, provisioned. Open: the server may add values.
        selected_workspace (str | Unset):
        organizations (list[MeUserOrganizationsItem] | Unset):
    """

    s_id: str
    id: float
    created_at: float
    username: str
    email: str
    first_name: str
    last_name: None | str
    full_name: str
    image: None | str
    workspaces: list[MeWorkspace]
    provider: None | str | Unset = UNSET
    origin: str | Unset = UNSET
    selected_workspace: str | Unset = UNSET
    organizations: list[MeUserOrganizationsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        id = self.id

        created_at = self.created_at

        username = self.username

        email = self.email

        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        full_name = self.full_name

        image: None | str
        image = self.image

        workspaces = []
        for workspaces_item_data in self.workspaces:
            workspaces_item = workspaces_item_data.to_dict()
            workspaces.append(workspaces_item)

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        origin = self.origin

        selected_workspace = self.selected_workspace

        organizations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organizations, Unset):
            organizations = []
            for organizations_item_data in self.organizations:
                organizations_item = organizations_item_data.to_dict()
                organizations.append(organizations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "id": id,
                "createdAt": created_at,
                "username": username,
                "email": email,
                "firstName": first_name,
                "lastName": last_name,
                "fullName": full_name,
                "image": image,
                "workspaces": workspaces,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if origin is not UNSET:
            field_dict["origin"] = origin
        if selected_workspace is not UNSET:
            field_dict["selectedWorkspace"] = selected_workspace
        if organizations is not UNSET:
            field_dict["organizations"] = organizations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.me_user_organizations_item import MeUserOrganizationsItem
        from ..models.me_workspace import MeWorkspace

        d = dict(src_dict)
        s_id = d.pop("sId")

        id = d.pop("id")

        created_at = d.pop("createdAt")

        username = d.pop("username")

        email = d.pop("email")

        first_name = d.pop("firstName")

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("lastName"))

        full_name = d.pop("fullName")

        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))

        workspaces = []
        _workspaces = d.pop("workspaces")
        for workspaces_item_data in _workspaces:
            workspaces_item = MeWorkspace.from_dict(workspaces_item_data)

            workspaces.append(workspaces_item)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        origin = d.pop("origin", UNSET)

        selected_workspace = d.pop("selectedWorkspace", UNSET)

        _organizations = d.pop("organizations", UNSET)
        organizations: list[MeUserOrganizationsItem] | Unset = UNSET
        if _organizations is not UNSET:
            organizations = []
            for organizations_item_data in _organizations:
                organizations_item = MeUserOrganizationsItem.from_dict(
                    organizations_item_data
                )

                organizations.append(organizations_item)

        me_user = cls(
            s_id=s_id,
            id=id,
            created_at=created_at,
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            full_name=full_name,
            image=image,
            workspaces=workspaces,
            provider=provider,
            origin=origin,
            selected_workspace=selected_workspace,
            organizations=organizations,
        )

        me_user.additional_properties = d
        return me_user

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
