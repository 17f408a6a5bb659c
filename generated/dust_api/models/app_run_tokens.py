from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppRunTokens")


@_attrs_define
class AppRunTokens:
    """Tokens an LLM block generated (with their log probabilities when asked).

    Attributes:
        text (str):
        tokens (list[str] | Unset):
        logprobs (list[float] | Unset):
    """

    text: str
    tokens: list[str] | Unset = UNSET
    logprobs: list[float] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        tokens: list[str] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens

        logprobs: list[float] | Unset = UNSET
        if not isinstance(self.logprobs, Unset):
            logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text")

        tokens = cast(list[str], d.pop("tokens", UNSET))

        logprobs = cast(list[float], d.pop("logprobs", UNSET))

        app_run_tokens = cls(
            text=text,
            tokens=tokens,
            logprobs=logprobs,
        )

        app_run_tokens.additional_properties = d
        return app_run_tokens

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
