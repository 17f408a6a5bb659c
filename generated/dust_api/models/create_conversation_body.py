from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_conversation_body_visibility import (
    CreateConversationBodyVisibility,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_fragment_input import ContentFragmentInput
    from ..models.user_message_input import UserMessageInput


T = TypeVar("T", bound="CreateConversationBody")


@_attrs_define
class CreateConversationBody:
    """
    Attributes:
        title (None | str | Unset): Generated after the first exchange when null.
        visibility (CreateConversationBodyVisibility | Unset):  Default: CreateConversationBodyVisibility.UNLISTED.
        depth (int | Unset):
        space_id (str | Unset):
        message (UserMessageInput | Unset): A user message to post: the text, the agents it mentions and who writes it.
        content_fragment (ContentFragmentInput | Unset): A content fragment to add: text (content + contentType), an
            uploaded file (fileId) or a data source node.
        content_fragments (list[ContentFragmentInput] | Unset):
        blocking (bool | Unset): Wait for the agents' answers before responding.
        skip_tools_validation (bool | Unset):
    """

    title: None | str | Unset = UNSET
    visibility: CreateConversationBodyVisibility | Unset = (
        CreateConversationBodyVisibility.UNLISTED
    )
    depth: int | Unset = UNSET
    space_id: str | Unset = UNSET
    message: UserMessageInput | Unset = UNSET
    content_fragment: ContentFragmentInput | Unset = UNSET
    content_fragments: list[ContentFragmentInput] | Unset = UNSET
    blocking: bool | Unset = UNSET
    skip_tools_validation: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        depth = self.depth

        space_id = self.space_id

        message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.message, Unset):
            message = self.message.to_dict()

        content_fragment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content_fragment, Unset):
            content_fragment = self.content_fragment.to_dict()

        content_fragments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.content_fragments, Unset):
            content_fragments = []
            for content_fragments_item_data in self.content_fragments:
                content_fragments_item = content_fragments_item_data.to_dict()
                content_fragments.append(content_fragments_item)

        blocking = self.blocking

        skip_tools_validation = self.skip_tools_validation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if depth is not UNSET:
            field_dict["depth"] = depth
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if message is not UNSET:
            field_dict["message"] = message
        if content_fragment is not UNSET:
            field_dict["contentFragment"] = content_fragment
        if content_fragments is not UNSET:
            field_dict["contentFragments"] = content_fragments
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if skip_tools_validation is not UNSET:
            field_dict["skipToolsValidation"] = skip_tools_validation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_fragment_input import ContentFragmentInput
        from ..models.user_message_input import UserMessageInput

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _visibility = d.pop("visibility", UNSET)
        visibility: CreateConversationBodyVisibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = CreateConversationBodyVisibility(_visibility)

        depth = d.pop("depth", UNSET)

        space_id = d.pop("spaceId", UNSET)

        _message = d.pop("message", UNSET)
        message: UserMessageInput | Unset
        if isinstance(_message, Unset):
            message = UNSET
        else:
            message = UserMessageInput.from_dict(_message)

        _content_fragment = d.pop("contentFragment", UNSET)
        content_fragment: ContentFragmentInput | Unset
        if isinstance(_content_fragment, Unset):
            content_fragment = UNSET
        else:
            content_fragment = ContentFragmentInput.from_dict(_content_fragment)

        _content_fragments = d.pop("contentFragments", UNSET)
        content_fragments: list[ContentFragmentInput] | Unset = UNSET
        if _content_fragments is not UNSET:
            content_fragments = []
            for content_fragments_item_data in _content_fragments:
                content_fragments_item = ContentFragmentInput.from_dict(
                    content_fragments_item_data
                )

                content_fragments.append(content_fragments_item)

        blocking = d.pop("blocking", UNSET)

        skip_tools_validation = d.pop("skipToolsValidation", UNSET)

        create_conversation_body = cls(
            title=title,
            visibility=visibility,
            depth=depth,
            space_id=space_id,
            message=message,
            content_fragment=content_fragment,
            content_fragments=content_fragments,
            blocking=blocking,
            skip_tools_validation=skip_tools_validation,
        )

        create_conversation_body.additional_properties = d
        return create_conversation_body

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
