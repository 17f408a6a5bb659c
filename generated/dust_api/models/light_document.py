from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LightDocument")


@_attrs_define
class LightDocument:
    """The summary a document upsert answers with ``light_document_output=True``: no ``document_id``, no text or chunks.

    Attributes:
        hash_ (str):
        text_size (int):
        chunk_count (int):
        token_count (int):
        created (float):
    """

    hash_: str
    text_size: int
    chunk_count: int
    token_count: int
    created: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hash_ = self.hash_

        text_size = self.text_size

        chunk_count = self.chunk_count

        token_count = self.token_count

        created = self.created

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hash": hash_,
                "text_size": text_size,
                "chunk_count": chunk_count,
                "token_count": token_count,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hash_ = d.pop("hash")

        text_size = d.pop("text_size")

        chunk_count = d.pop("chunk_count")

        token_count = d.pop("token_count")

        created = d.pop("created")

        light_document = cls(
            hash_=hash_,
            text_size=text_size,
            chunk_count=chunk_count,
            token_count=token_count,
            created=created,
        )

        light_document.additional_properties = d
        return light_document

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
