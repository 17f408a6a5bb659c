from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_message_feedback import AgentMessageFeedback


T = TypeVar("T", bound="ListConversationFeedbacksResponse200")


@_attrs_define
class ListConversationFeedbacksResponse200:
    """
    Attributes:
        feedbacks (list[AgentMessageFeedback]):
    """

    feedbacks: list[AgentMessageFeedback]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedbacks = []
        for feedbacks_item_data in self.feedbacks:
            feedbacks_item = feedbacks_item_data.to_dict()
            feedbacks.append(feedbacks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feedbacks": feedbacks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_message_feedback import AgentMessageFeedback

        d = dict(src_dict)
        feedbacks = []
        _feedbacks = d.pop("feedbacks")
        for feedbacks_item_data in _feedbacks:
            feedbacks_item = AgentMessageFeedback.from_dict(feedbacks_item_data)

            feedbacks.append(feedbacks_item)

        list_conversation_feedbacks_response_200 = cls(
            feedbacks=feedbacks,
        )

        list_conversation_feedbacks_response_200.additional_properties = d
        return list_conversation_feedbacks_response_200

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
