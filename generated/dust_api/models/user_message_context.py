from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserMessageContext")


@_attrs_define
class UserMessageContext:
    """Who posts a user message (the API caller describes its end user).

    Attributes:
        username (str):
        timezone (str): IANA time zone, e.g. Europe/Paris.
        full_name (None | str | Unset):
        email (None | str | Unset):
        profile_picture_url (None | str | Unset):
        origin (None | str | Unset): Where the message comes from. Known values: api, web, slack, teams, zapier, make,
            n8n, triggered, cli. Open: the server may add values.
        client_side_mcp_server_ids (list[str] | None | Unset):
        selected_mcp_server_view_ids (list[str] | None | Unset):
        last_trigger_run_at (float | None | Unset):
    """

    username: str
    timezone: str
    full_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    profile_picture_url: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    client_side_mcp_server_ids: list[str] | None | Unset = UNSET
    selected_mcp_server_view_ids: list[str] | None | Unset = UNSET
    last_trigger_run_at: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        timezone = self.timezone

        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        profile_picture_url: None | str | Unset
        if isinstance(self.profile_picture_url, Unset):
            profile_picture_url = UNSET
        else:
            profile_picture_url = self.profile_picture_url

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        client_side_mcp_server_ids: list[str] | None | Unset
        if isinstance(self.client_side_mcp_server_ids, Unset):
            client_side_mcp_server_ids = UNSET
        elif isinstance(self.client_side_mcp_server_ids, list):
            client_side_mcp_server_ids = self.client_side_mcp_server_ids

        else:
            client_side_mcp_server_ids = self.client_side_mcp_server_ids

        selected_mcp_server_view_ids: list[str] | None | Unset
        if isinstance(self.selected_mcp_server_view_ids, Unset):
            selected_mcp_server_view_ids = UNSET
        elif isinstance(self.selected_mcp_server_view_ids, list):
            selected_mcp_server_view_ids = self.selected_mcp_server_view_ids

        else:
            selected_mcp_server_view_ids = self.selected_mcp_server_view_ids

        last_trigger_run_at: float | None | Unset
        if isinstance(self.last_trigger_run_at, Unset):
            last_trigger_run_at = UNSET
        else:
            last_trigger_run_at = self.last_trigger_run_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "timezone": timezone,
            }
        )
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if email is not UNSET:
            field_dict["email"] = email
        if profile_picture_url is not UNSET:
            field_dict["profilePictureUrl"] = profile_picture_url
        if origin is not UNSET:
            field_dict["origin"] = origin
        if client_side_mcp_server_ids is not UNSET:
            field_dict["clientSideMCPServerIds"] = client_side_mcp_server_ids
        if selected_mcp_server_view_ids is not UNSET:
            field_dict["selectedMCPServerViewIds"] = selected_mcp_server_view_ids
        if last_trigger_run_at is not UNSET:
            field_dict["lastTriggerRunAt"] = last_trigger_run_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        timezone = d.pop("timezone")

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("fullName", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_profile_picture_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile_picture_url = _parse_profile_picture_url(
            d.pop("profilePictureUrl", UNSET)
        )

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_client_side_mcp_server_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                client_side_mcp_server_ids_type_0 = cast(list[str], data)

                return client_side_mcp_server_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        client_side_mcp_server_ids = _parse_client_side_mcp_server_ids(
            d.pop("clientSideMCPServerIds", UNSET)
        )

        def _parse_selected_mcp_server_view_ids(
            data: object,
        ) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                selected_mcp_server_view_ids_type_0 = cast(list[str], data)

                return selected_mcp_server_view_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        selected_mcp_server_view_ids = _parse_selected_mcp_server_view_ids(
            d.pop("selectedMCPServerViewIds", UNSET)
        )

        def _parse_last_trigger_run_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        last_trigger_run_at = _parse_last_trigger_run_at(
            d.pop("lastTriggerRunAt", UNSET)
        )

        user_message_context = cls(
            username=username,
            timezone=timezone,
            full_name=full_name,
            email=email,
            profile_picture_url=profile_picture_url,
            origin=origin,
            client_side_mcp_server_ids=client_side_mcp_server_ids,
            selected_mcp_server_view_ids=selected_mcp_server_view_ids,
            last_trigger_run_at=last_trigger_run_at,
        )

        user_message_context.additional_properties = d
        return user_message_context

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
