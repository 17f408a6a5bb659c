from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_chunk import DocumentChunk


T = TypeVar("T", bound="SearchResultDocument")


@_attrs_define
class SearchResultDocument:
    """
    Attributes:
        document_id (str | Unset):
        id (str | Unset):
        title (None | str | Unset):
        text (None | str | Unset):
        content (str | Unset):
        tags (list[str] | Unset):
        parents (list[str] | Unset):
        timestamp (float | Unset):
        source_url (None | str | Unset):
        score (float | None | Unset):
        chunks (list[DocumentChunk] | Unset):
    """

    document_id: str | Unset = UNSET
    id: str | Unset = UNSET
    title: None | str | Unset = UNSET
    text: None | str | Unset = UNSET
    content: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parents: list[str] | Unset = UNSET
    timestamp: float | Unset = UNSET
    source_url: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    chunks: list[DocumentChunk] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = self.document_id

        id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        content = self.content

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        parents: list[str] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = self.parents

        timestamp = self.timestamp

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        chunks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chunks, Unset):
            chunks = []
            for chunks_item_data in self.chunks:
                chunks_item = chunks_item_data.to_dict()
                chunks.append(chunks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if text is not UNSET:
            field_dict["text"] = text
        if content is not UNSET:
            field_dict["content"] = content
        if tags is not UNSET:
            field_dict["tags"] = tags
        if parents is not UNSET:
            field_dict["parents"] = parents
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if score is not UNSET:
            field_dict["score"] = score
        if chunks is not UNSET:
            field_dict["chunks"] = chunks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_chunk import DocumentChunk

        d = dict(src_dict)
        document_id = d.pop("document_id", UNSET)

        id = d.pop("id", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        content = d.pop("content", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        parents = cast(list[str], d.pop("parents", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        _chunks = d.pop("chunks", UNSET)
        chunks: list[DocumentChunk] | Unset = UNSET
        if _chunks is not UNSET:
            chunks = []
            for chunks_item_data in _chunks:
                chunks_item = DocumentChunk.from_dict(chunks_item_data)

                chunks.append(chunks_item)

        search_result_document = cls(
            document_id=document_id,
            id=id,
            title=title,
            text=text,
            content=content,
            tags=tags,
            parents=parents,
            timestamp=timestamp,
            source_url=source_url,
            score=score,
            chunks=chunks,
        )

        search_result_document.additional_properties = d
        return search_result_document

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
