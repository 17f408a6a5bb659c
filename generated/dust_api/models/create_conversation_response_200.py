from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_fragment import ContentFragment
    from ..models.conversation import Conversation
    from ..models.user_message import UserMessage


T = TypeVar("T", bound="CreateConversationResponse200")


@_attrs_define
class CreateConversationResponse200:
    """
    Attributes:
        conversation (Conversation): A conversation between users and agents.
        message (UserMessage | Unset): A message a human (or the API on their behalf) posted.
        content_fragment (ContentFragment | Unset): A piece of context (text, file or data node) inserted in a
            conversation.
    """

    conversation: Conversation
    message: UserMessage | Unset = UNSET
    content_fragment: ContentFragment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversation = self.conversation.to_dict()

        message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.message, Unset):
            message = self.message.to_dict()

        content_fragment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content_fragment, Unset):
            content_fragment = self.content_fragment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation": conversation,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if content_fragment is not UNSET:
            field_dict["contentFragment"] = content_fragment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_fragment import ContentFragment
        from ..models.conversation import Conversation
        from ..models.user_message import UserMessage

        d = dict(src_dict)
        conversation = Conversation.from_dict(d.pop("conversation"))

        _message = d.pop("message", UNSET)
        message: UserMessage | Unset
        if isinstance(_message, Unset):
            message = UNSET
        else:
            message = UserMessage.from_dict(_message)

        _content_fragment = d.pop("contentFragment", UNSET)
        content_fragment: ContentFragment | Unset
        if isinstance(_content_fragment, Unset):
            content_fragment = UNSET
        else:
            content_fragment = ContentFragment.from_dict(_content_fragment)

        create_conversation_response_200 = cls(
            conversation=conversation,
            message=message,
            content_fragment=content_fragment,
        )

        create_conversation_response_200.additional_properties = d
        return create_conversation_response_200

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
