from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submit_message_feedback_body_thumb_direction import (
    SubmitMessageFeedbackBodyThumbDirection,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitMessageFeedbackBody")


@_attrs_define
class SubmitMessageFeedbackBody:
    """
    Attributes:
        thumb_direction (SubmitMessageFeedbackBodyThumbDirection):
        feedback_content (None | str | Unset):
        is_conversation_shared (bool | Unset):
    """

    thumb_direction: SubmitMessageFeedbackBodyThumbDirection
    feedback_content: None | str | Unset = UNSET
    is_conversation_shared: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thumb_direction = self.thumb_direction.value

        feedback_content: None | str | Unset
        if isinstance(self.feedback_content, Unset):
            feedback_content = UNSET
        else:
            feedback_content = self.feedback_content

        is_conversation_shared = self.is_conversation_shared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thumbDirection": thumb_direction,
            }
        )
        if feedback_content is not UNSET:
            field_dict["feedbackContent"] = feedback_content
        if is_conversation_shared is not UNSET:
            field_dict["isConversationShared"] = is_conversation_shared

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        thumb_direction = SubmitMessageFeedbackBodyThumbDirection(
            d.pop("thumbDirection")
        )

        def _parse_feedback_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feedback_content = _parse_feedback_content(d.pop("feedbackContent", UNSET))

        is_conversation_shared = d.pop("isConversationShared", UNSET)

        submit_message_feedback_body = cls(
            thumb_direction=thumb_direction,
            feedback_content=feedback_content,
            is_conversation_shared=is_conversation_shared,
        )

        submit_message_feedback_body.additional_properties = d
        return submit_message_feedback_body

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
