from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnswerUserQuestionBodyAnswer")


@_attrs_define
class AnswerUserQuestionBodyAnswer:
    """The indexes of the chosen options (``selectedOptions``) and/or a free-text response (``customResponse``).

    Attributes:
        selected_options (list[int]):
        custom_response (str | Unset):
    """

    selected_options: list[int]
    custom_response: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        selected_options = self.selected_options

        custom_response = self.custom_response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "selectedOptions": selected_options,
            }
        )
        if custom_response is not UNSET:
            field_dict["customResponse"] = custom_response

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        selected_options = cast(list[int], d.pop("selectedOptions"))

        custom_response = d.pop("customResponse", UNSET)

        answer_user_question_body_answer = cls(
            selected_options=selected_options,
            custom_response=custom_response,
        )

        answer_user_question_body_answer.additional_properties = d
        return answer_user_question_body_answer

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
