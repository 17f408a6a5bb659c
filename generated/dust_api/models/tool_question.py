from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_question_option import ToolQuestionOption


T = TypeVar("T", bound="ToolQuestion")


@_attrs_define
class ToolQuestion:
    """What a tool asks the user (``tool_ask_user_question``, a blocked_user_answer_required action): the question, its
    options, and whether several options may be chosen (``multiSelect``). Answer with the indexes of the chosen options
    and/or a free-text response.

        Attributes:
            question (str):
            options (list[ToolQuestionOption] | Unset):
            multi_select (bool | Unset):
    """

    question: str
    options: list[ToolQuestionOption] | Unset = UNSET
    multi_select: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        multi_select = self.multi_select

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "question": question,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if multi_select is not UNSET:
            field_dict["multiSelect"] = multi_select

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_question_option import ToolQuestionOption

        d = dict(src_dict)
        question = d.pop("question")

        _options = d.pop("options", UNSET)
        options: list[ToolQuestionOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = ToolQuestionOption.from_dict(options_item_data)

                options.append(options_item)

        multi_select = d.pop("multiSelect", UNSET)

        tool_question = cls(
            question=question,
            options=options,
            multi_select=multi_select,
        )

        tool_question.additional_properties = d
        return tool_question

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
