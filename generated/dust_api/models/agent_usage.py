from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentUsage")


@_attrs_define
class AgentUsage:
    """How much an agent was used over the last ``timePeriodSec`` seconds.

    Attributes:
        message_count (int | Unset):
        conversation_count (int | Unset):
        user_count (int | Unset):
        time_period_sec (int | Unset):
    """

    message_count: int | Unset = UNSET
    conversation_count: int | Unset = UNSET
    user_count: int | Unset = UNSET
    time_period_sec: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_count = self.message_count

        conversation_count = self.conversation_count

        user_count = self.user_count

        time_period_sec = self.time_period_sec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message_count is not UNSET:
            field_dict["messageCount"] = message_count
        if conversation_count is not UNSET:
            field_dict["conversationCount"] = conversation_count
        if user_count is not UNSET:
            field_dict["userCount"] = user_count
        if time_period_sec is not UNSET:
            field_dict["timePeriodSec"] = time_period_sec

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message_count = d.pop("messageCount", UNSET)

        conversation_count = d.pop("conversationCount", UNSET)

        user_count = d.pop("userCount", UNSET)

        time_period_sec = d.pop("timePeriodSec", UNSET)

        agent_usage = cls(
            message_count=message_count,
            conversation_count=conversation_count,
            user_count=user_count,
            time_period_sec=time_period_sec,
        )

        agent_usage.additional_properties = d
        return agent_usage

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
