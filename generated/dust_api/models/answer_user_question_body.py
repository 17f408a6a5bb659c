from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_user_question_body_answer import AnswerUserQuestionBodyAnswer


T = TypeVar("T", bound="AnswerUserQuestionBody")


@_attrs_define
class AnswerUserQuestionBody:
    """
    Attributes:
        action_id (str):
        answer (AnswerUserQuestionBodyAnswer): The indexes of the chosen options (``selectedOptions``) and/or a free-
            text response (``customResponse``).
    """

    action_id: str
    answer: AnswerUserQuestionBodyAnswer
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        answer = self.answer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actionId": action_id,
                "answer": answer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.answer_user_question_body_answer import (
            AnswerUserQuestionBodyAnswer,
        )

        d = dict(src_dict)
        action_id = d.pop("actionId")

        answer = AnswerUserQuestionBodyAnswer.from_dict(d.pop("answer"))

        answer_user_question_body = cls(
            action_id=action_id,
            answer=answer,
        )

        answer_user_question_body.additional_properties = d
        return answer_user_question_body

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
