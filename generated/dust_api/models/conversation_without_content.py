from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workspace import Workspace


T = TypeVar("T", bound="ConversationWithoutContent")


@_attrs_define
class ConversationWithoutContent:
    """
    Attributes:
        s_id (str):
        title (None | str | Unset):
        id (int | Unset):
        created (float | Unset): Epoch ms.
        updated (float | Unset):
        visibility (str | Unset):  Known values: unlisted, workspace, deleted, test. Open: the server may add values.
        unread (bool | Unset):
        action_required (bool | Unset):
        owner (Workspace | Unset): A Dust workspace (the owner of conversations, agents and data).
        depth (int | Unset):
        group_ids (list[str] | Unset):
        requested_group_ids (list[list[str]] | Unset):
        requested_space_ids (list[str] | Unset):
        space_id (None | str | Unset):
    """

    s_id: str
    title: None | str | Unset = UNSET
    id: int | Unset = UNSET
    created: float | Unset = UNSET
    updated: float | Unset = UNSET
    visibility: str | Unset = UNSET
    unread: bool | Unset = UNSET
    action_required: bool | Unset = UNSET
    owner: Workspace | Unset = UNSET
    depth: int | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    requested_group_ids: list[list[str]] | Unset = UNSET
    requested_space_ids: list[str] | Unset = UNSET
    space_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        id = self.id

        created = self.created

        updated = self.updated

        visibility = self.visibility

        unread = self.unread

        action_required = self.action_required

        owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owner, Unset):
            owner = self.owner.to_dict()

        depth = self.depth

        group_ids: list[str] | Unset = UNSET
        if not isinstance(self.group_ids, Unset):
            group_ids = self.group_ids

        requested_group_ids: list[list[str]] | Unset = UNSET
        if not isinstance(self.requested_group_ids, Unset):
            requested_group_ids = []
            for requested_group_ids_item_data in self.requested_group_ids:
                requested_group_ids_item = requested_group_ids_item_data

                requested_group_ids.append(requested_group_ids_item)

        requested_space_ids: list[str] | Unset = UNSET
        if not isinstance(self.requested_space_ids, Unset):
            requested_space_ids = self.requested_space_ids

        space_id: None | str | Unset
        if isinstance(self.space_id, Unset):
            space_id = UNSET
        else:
            space_id = self.space_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if id is not UNSET:
            field_dict["id"] = id
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if unread is not UNSET:
            field_dict["unread"] = unread
        if action_required is not UNSET:
            field_dict["actionRequired"] = action_required
        if owner is not UNSET:
            field_dict["owner"] = owner
        if depth is not UNSET:
            field_dict["depth"] = depth
        if group_ids is not UNSET:
            field_dict["groupIds"] = group_ids
        if requested_group_ids is not UNSET:
            field_dict["requestedGroupIds"] = requested_group_ids
        if requested_space_ids is not UNSET:
            field_dict["requestedSpaceIds"] = requested_space_ids
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workspace import Workspace

        d = dict(src_dict)
        s_id = d.pop("sId")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        id = d.pop("id", UNSET)

        created = d.pop("created", UNSET)

        updated = d.pop("updated", UNSET)

        visibility = d.pop("visibility", UNSET)

        unread = d.pop("unread", UNSET)

        action_required = d.pop("actionRequired", UNSET)

        _owner = d.pop("owner", UNSET)
        owner: Workspace | Unset
        if isinstance(_owner, Unset):
            owner = UNSET
        else:
            owner = Workspace.from_dict(_owner)

        depth = d.pop("depth", UNSET)

        group_ids = cast(list[str], d.pop("groupIds", UNSET))

        _requested_group_ids = d.pop("requestedGroupIds", UNSET)
        requested_group_ids: list[list[str]] | Unset = UNSET
        if _requested_group_ids is not UNSET:
            requested_group_ids = []
            for requested_group_ids_item_data in _requested_group_ids:
                requested_group_ids_item = cast(
                    list[str], requested_group_ids_item_data
                )

                requested_group_ids.append(requested_group_ids_item)

        requested_space_ids = cast(list[str], d.pop("requestedSpaceIds", UNSET))

        def _parse_space_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        space_id = _parse_space_id(d.pop("spaceId", UNSET))

        conversation_without_content = cls(
            s_id=s_id,
            title=title,
            id=id,
            created=created,
            updated=updated,
            visibility=visibility,
            unread=unread,
            action_required=action_required,
            owner=owner,
            depth=depth,
            group_ids=group_ids,
            requested_group_ids=requested_group_ids,
            requested_space_ids=requested_space_ids,
            space_id=space_id,
        )

        conversation_without_content.additional_properties = d
        return conversation_without_content

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
