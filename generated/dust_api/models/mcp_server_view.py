from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edited_by_user import EditedByUser
    from ..models.mcp_server_view_server import MCPServerViewServer


T = TypeVar("T", bound="MCPServerView")


@_attrs_define
class MCPServerView:
    """A tool server made available in a space (``client.mcp.list_server_views``); add one to a conversation with
    ``client.conversations.update_tools``. ``server`` describes the server and its tools.

        Attributes:
            s_id (str):
            id (int | Unset):
            name (None | str | Unset):
            description (None | str | Unset):
            created_at (float | Unset):
            updated_at (float | Unset):
            space_id (str | Unset):
            server_type (str | Unset):
            server (MCPServerViewServer | Unset):
            o_auth_use_case (None | str | Unset):
            edited_by_user (EditedByUser | None | Unset):
    """

    s_id: str
    id: int | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    created_at: float | Unset = UNSET
    updated_at: float | Unset = UNSET
    space_id: str | Unset = UNSET
    server_type: str | Unset = UNSET
    server: MCPServerViewServer | Unset = UNSET
    o_auth_use_case: None | str | Unset = UNSET
    edited_by_user: EditedByUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edited_by_user import EditedByUser

        s_id = self.s_id

        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_at = self.created_at

        updated_at = self.updated_at

        space_id = self.space_id

        server_type = self.server_type

        server: dict[str, Any] | Unset = UNSET
        if not isinstance(self.server, Unset):
            server = self.server.to_dict()

        o_auth_use_case: None | str | Unset
        if isinstance(self.o_auth_use_case, Unset):
            o_auth_use_case = UNSET
        else:
            o_auth_use_case = self.o_auth_use_case

        edited_by_user: dict[str, Any] | None | Unset
        if isinstance(self.edited_by_user, Unset):
            edited_by_user = UNSET
        elif isinstance(self.edited_by_user, EditedByUser):
            edited_by_user = self.edited_by_user.to_dict()
        else:
            edited_by_user = self.edited_by_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if server_type is not UNSET:
            field_dict["serverType"] = server_type
        if server is not UNSET:
            field_dict["server"] = server
        if o_auth_use_case is not UNSET:
            field_dict["oAuthUseCase"] = o_auth_use_case
        if edited_by_user is not UNSET:
            field_dict["editedByUser"] = edited_by_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edited_by_user import EditedByUser
        from ..models.mcp_server_view_server import MCPServerViewServer

        d = dict(src_dict)
        s_id = d.pop("sId")

        id = d.pop("id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        space_id = d.pop("spaceId", UNSET)

        server_type = d.pop("serverType", UNSET)

        _server = d.pop("server", UNSET)
        server: MCPServerViewServer | Unset
        if isinstance(_server, Unset):
            server = UNSET
        else:
            server = MCPServerViewServer.from_dict(_server)

        def _parse_o_auth_use_case(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        o_auth_use_case = _parse_o_auth_use_case(d.pop("oAuthUseCase", UNSET))

        def _parse_edited_by_user(data: object) -> EditedByUser | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                edited_by_user_type_0 = EditedByUser.from_dict(data)

                return edited_by_user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditedByUser | None | Unset, data)

        edited_by_user = _parse_edited_by_user(d.pop("editedByUser", UNSET))

        mcp_server_view = cls(
            s_id=s_id,
            id=id,
            name=name,
            description=description,
            created_at=created_at,
            updated_at=updated_at,
            space_id=space_id,
            server_type=server_type,
            server=server,
            o_auth_use_case=o_auth_use_case,
            edited_by_user=edited_by_user,
        )

        mcp_server_view.additional_properties = d
        return mcp_server_view

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
