from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_message import AgentMessage
    from ..models.content_fragment import ContentFragment
    from ..models.unknown_message import UnknownMessage
    from ..models.user_message import UserMessage
    from ..models.workspace import Workspace


T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    """A conversation between users and agents.

    Attributes:
        s_id (str):
        content (list[list[AgentMessage | ContentFragment | UnknownMessage | UserMessage]]): The messages in order; each
            entry lists the versions of one message (edits add versions).
        id (int | Unset):
        created (float | Unset): Epoch ms.
        updated (float | Unset):
        unread (bool | Unset):
        action_required (bool | Unset):
        owner (Workspace | Unset): A Dust workspace (the owner of conversations, agents and data).
        title (None | str | Unset):
        visibility (str | Unset):  Known values: unlisted, workspace, deleted, test. Open: the server may add values.
        depth (int | Unset):
        group_ids (list[str] | Unset):
        requested_group_ids (list[list[str]] | Unset):
        requested_space_ids (list[str] | Unset):
        space_id (None | str | Unset):
        url (str | Unset):
    """

    s_id: str
    content: list[list[AgentMessage | ContentFragment | UnknownMessage | UserMessage]]
    id: int | Unset = UNSET
    created: float | Unset = UNSET
    updated: float | Unset = UNSET
    unread: bool | Unset = UNSET
    action_required: bool | Unset = UNSET
    owner: Workspace | Unset = UNSET
    title: None | str | Unset = UNSET
    visibility: str | Unset = UNSET
    depth: int | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    requested_group_ids: list[list[str]] | Unset = UNSET
    requested_space_ids: list[str] | Unset = UNSET
    space_id: None | str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_message import AgentMessage
        from ..models.content_fragment import ContentFragment
        from ..models.user_message import UserMessage

        s_id = self.s_id

        content = []
        for content_item_data in self.content:
            content_item = []
            for content_item_item_data in content_item_data:
                content_item_item: dict[str, Any]
                if (
                    isinstance(content_item_item_data, UserMessage)
                    or isinstance(content_item_item_data, AgentMessage)
                    or isinstance(content_item_item_data, ContentFragment)
                ):
                    content_item_item = content_item_item_data.to_dict()
                else:
                    content_item_item = content_item_item_data.to_dict()

                content_item.append(content_item_item)

            content.append(content_item)

        id = self.id

        created = self.created

        updated = self.updated

        unread = self.unread

        action_required = self.action_required

        owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owner, Unset):
            owner = self.owner.to_dict()

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        visibility = self.visibility

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

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if unread is not UNSET:
            field_dict["unread"] = unread
        if action_required is not UNSET:
            field_dict["actionRequired"] = action_required
        if owner is not UNSET:
            field_dict["owner"] = owner
        if title is not UNSET:
            field_dict["title"] = title
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
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
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_message import AgentMessage
        from ..models.content_fragment import ContentFragment
        from ..models.unknown_message import UnknownMessage
        from ..models.user_message import UserMessage
        from ..models.workspace import Workspace

        d = dict(src_dict)
        s_id = d.pop("sId")

        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = []
            _content_item = content_item_data
            for content_item_item_data in _content_item:

                def _parse_content_item_item(
                    data: object,
                ) -> AgentMessage | ContentFragment | UnknownMessage | UserMessage:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        content_item_item_type_0 = UserMessage.from_dict(data)

                        return content_item_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        content_item_item_type_1 = AgentMessage.from_dict(data)

                        return content_item_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        content_item_item_type_2 = ContentFragment.from_dict(data)

                        return content_item_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_item_item_type_3 = UnknownMessage.from_dict(data)

                    return content_item_item_type_3

                content_item_item = _parse_content_item_item(content_item_item_data)

                content_item.append(content_item_item)

            content.append(content_item)

        id = d.pop("id", UNSET)

        created = d.pop("created", UNSET)

        updated = d.pop("updated", UNSET)

        unread = d.pop("unread", UNSET)

        action_required = d.pop("actionRequired", UNSET)

        _owner = d.pop("owner", UNSET)
        owner: Workspace | Unset
        if isinstance(_owner, Unset):
            owner = UNSET
        else:
            owner = Workspace.from_dict(_owner)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        visibility = d.pop("visibility", UNSET)

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

        url = d.pop("url", UNSET)

        conversation = cls(
            s_id=s_id,
            content=content,
            id=id,
            created=created,
            updated=updated,
            unread=unread,
            action_required=action_required,
            owner=owner,
            title=title,
            visibility=visibility,
            depth=depth,
            group_ids=group_ids,
            requested_group_ids=requested_group_ids,
            requested_space_ids=requested_space_ids,
            space_id=space_id,
            url=url,
        )

        conversation.additional_properties = d
        return conversation

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
