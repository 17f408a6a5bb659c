from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agentic_message_data import AgenticMessageData
    from ..models.mention import Mention
    from ..models.model_selection import ModelSelection
    from ..models.user_message_context import UserMessageContext


T = TypeVar("T", bound="UserMessageInput")


@_attrs_define
class UserMessageInput:
    """A user message to post: the text, the agents it mentions and who writes it.

    Attributes:
        content (str): Markdown text; mention agents as :mention[name]{sId}.
        mentions (list[Mention]):
        context (UserMessageContext): Who posts a user message (the API caller describes its end user).
        agentic_message_data (AgenticMessageData | Unset):
        blocking (bool | Unset): Wait until the mentioned agents have answered and return their messages.
        skip_tools_validation (bool | Unset): Run tools that need approval without asking.
        model_selection (ModelSelection | Unset): The model the mentioned agents run for one message instead of their
            configured one: a provider (``openai``, ``anthropic``…), a model id and optionally a ``reasoningEffort`` (none,
            light, medium, high). Dust falls back to the agent's own model when the workspace cannot use this one, and
            answers 400 on an unknown id.
    """

    content: str
    mentions: list[Mention]
    context: UserMessageContext
    agentic_message_data: AgenticMessageData | Unset = UNSET
    blocking: bool | Unset = UNSET
    skip_tools_validation: bool | Unset = UNSET
    model_selection: ModelSelection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)

        context = self.context.to_dict()

        agentic_message_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agentic_message_data, Unset):
            agentic_message_data = self.agentic_message_data.to_dict()

        blocking = self.blocking

        skip_tools_validation = self.skip_tools_validation

        model_selection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_selection, Unset):
            model_selection = self.model_selection.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "mentions": mentions,
                "context": context,
            }
        )
        if agentic_message_data is not UNSET:
            field_dict["agenticMessageData"] = agentic_message_data
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if skip_tools_validation is not UNSET:
            field_dict["skipToolsValidation"] = skip_tools_validation
        if model_selection is not UNSET:
            field_dict["modelSelection"] = model_selection

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agentic_message_data import AgenticMessageData
        from ..models.mention import Mention
        from ..models.model_selection import ModelSelection
        from ..models.user_message_context import UserMessageContext

        d = dict(src_dict)
        content = d.pop("content")

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in _mentions:
            mentions_item = Mention.from_dict(mentions_item_data)

            mentions.append(mentions_item)

        context = UserMessageContext.from_dict(d.pop("context"))

        _agentic_message_data = d.pop("agenticMessageData", UNSET)
        agentic_message_data: AgenticMessageData | Unset
        if isinstance(_agentic_message_data, Unset):
            agentic_message_data = UNSET
        else:
            agentic_message_data = AgenticMessageData.from_dict(_agentic_message_data)

        blocking = d.pop("blocking", UNSET)

        skip_tools_validation = d.pop("skipToolsValidation", UNSET)

        _model_selection = d.pop("modelSelection", UNSET)
        model_selection: ModelSelection | Unset
        if isinstance(_model_selection, Unset):
            model_selection = UNSET
        else:
            model_selection = ModelSelection.from_dict(_model_selection)

        user_message_input = cls(
            content=content,
            mentions=mentions,
            context=context,
            agentic_message_data=agentic_message_data,
            blocking=blocking,
            skip_tools_validation=skip_tools_validation,
            model_selection=model_selection,
        )

        user_message_input.additional_properties = d
        return user_message_input

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
