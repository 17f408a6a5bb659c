from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.section import Section
    from ..models.upsert_document_body_upsert_context import (
        UpsertDocumentBodyUpsertContext,
    )


T = TypeVar("T", bound="UpsertDocumentBody")


@_attrs_define
class UpsertDocumentBody:
    """
    Attributes:
        title (str | Unset):
        mime_type (str | Unset):
        text (str | Unset): Plain text content (or give section).
        section (Section | Unset): Structured document content: a ``prefix`` (e.g. a heading), its ``content`` and
            nested ``sections``; Dust chunks a sectioned document along its structure.
        source_url (None | str | Unset):
        tags (list[str] | Unset):
        parents (list[str] | Unset):
        parent_id (None | str | Unset):
        timestamp (float | Unset): Epoch ms.
        light_document_output (bool | Unset): Omit text and chunks in the response.
        async_ (bool | Unset): Queue the upsert.
        upsert_context (UpsertDocumentBodyUpsertContext | Unset):
    """

    title: str | Unset = UNSET
    mime_type: str | Unset = UNSET
    text: str | Unset = UNSET
    section: Section | Unset = UNSET
    source_url: None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parents: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    timestamp: float | Unset = UNSET
    light_document_output: bool | Unset = UNSET
    async_: bool | Unset = UNSET
    upsert_context: UpsertDocumentBodyUpsertContext | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        mime_type = self.mime_type

        text = self.text

        section: dict[str, Any] | Unset = UNSET
        if not isinstance(self.section, Unset):
            section = self.section.to_dict()

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        parents: list[str] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = self.parents

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        timestamp = self.timestamp

        light_document_output = self.light_document_output

        async_ = self.async_

        upsert_context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.upsert_context, Unset):
            upsert_context = self.upsert_context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if mime_type is not UNSET:
            field_dict["mime_type"] = mime_type
        if text is not UNSET:
            field_dict["text"] = text
        if section is not UNSET:
            field_dict["section"] = section
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if tags is not UNSET:
            field_dict["tags"] = tags
        if parents is not UNSET:
            field_dict["parents"] = parents
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if light_document_output is not UNSET:
            field_dict["light_document_output"] = light_document_output
        if async_ is not UNSET:
            field_dict["async"] = async_
        if upsert_context is not UNSET:
            field_dict["upsert_context"] = upsert_context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.section import Section
        from ..models.upsert_document_body_upsert_context import (
            UpsertDocumentBodyUpsertContext,
        )

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        mime_type = d.pop("mime_type", UNSET)

        text = d.pop("text", UNSET)

        _section = d.pop("section", UNSET)
        section: Section | Unset
        if isinstance(_section, Unset):
            section = UNSET
        else:
            section = Section.from_dict(_section)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        parents = cast(list[str], d.pop("parents", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        light_document_output = d.pop("light_document_output", UNSET)

        async_ = d.pop("async", UNSET)

        _upsert_context = d.pop("upsert_context", UNSET)
        upsert_context: UpsertDocumentBodyUpsertContext | Unset
        if isinstance(_upsert_context, Unset):
            upsert_context = UNSET
        else:
            upsert_context = UpsertDocumentBodyUpsertContext.from_dict(_upsert_context)

        upsert_document_body = cls(
            title=title,
            mime_type=mime_type,
            text=text,
            section=section,
            source_url=source_url,
            tags=tags,
            parents=parents,
            parent_id=parent_id,
            timestamp=timestamp,
            light_document_output=light_document_output,
            async_=async_,
            upsert_context=upsert_context,
        )

        upsert_document_body.additional_properties = d
        return upsert_document_body

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
