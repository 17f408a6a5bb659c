from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_chunk import DocumentChunk


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """A document in a data source. ``text`` and ``chunks`` are absent from light outputs.

    Attributes:
        document_id (str):
        data_source_id (str | Unset):
        created (float | Unset):
        title (None | str | Unset):
        mime_type (None | str | Unset):
        timestamp (float | Unset):
        tags (list[str] | Unset):
        parent_id (None | str | Unset):
        parents (list[str] | Unset):
        source_url (None | str | Unset):
        hash_ (str | Unset):
        text_size (int | Unset):
        chunk_count (int | Unset):
        token_count (int | None | Unset):
        chunks (list[DocumentChunk] | Unset):
        text (None | str | Unset):
    """

    document_id: str
    data_source_id: str | Unset = UNSET
    created: float | Unset = UNSET
    title: None | str | Unset = UNSET
    mime_type: None | str | Unset = UNSET
    timestamp: float | Unset = UNSET
    tags: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    parents: list[str] | Unset = UNSET
    source_url: None | str | Unset = UNSET
    hash_: str | Unset = UNSET
    text_size: int | Unset = UNSET
    chunk_count: int | Unset = UNSET
    token_count: int | None | Unset = UNSET
    chunks: list[DocumentChunk] | Unset = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = self.document_id

        data_source_id = self.data_source_id

        created = self.created

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        mime_type: None | str | Unset
        if isinstance(self.mime_type, Unset):
            mime_type = UNSET
        else:
            mime_type = self.mime_type

        timestamp = self.timestamp

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        parents: list[str] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = self.parents

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        hash_ = self.hash_

        text_size = self.text_size

        chunk_count = self.chunk_count

        token_count: int | None | Unset
        if isinstance(self.token_count, Unset):
            token_count = UNSET
        else:
            token_count = self.token_count

        chunks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chunks, Unset):
            chunks = []
            for chunks_item_data in self.chunks:
                chunks_item = chunks_item_data.to_dict()
                chunks.append(chunks_item)

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
            }
        )
        if data_source_id is not UNSET:
            field_dict["data_source_id"] = data_source_id
        if created is not UNSET:
            field_dict["created"] = created
        if title is not UNSET:
            field_dict["title"] = title
        if mime_type is not UNSET:
            field_dict["mime_type"] = mime_type
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if tags is not UNSET:
            field_dict["tags"] = tags
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if parents is not UNSET:
            field_dict["parents"] = parents
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if text_size is not UNSET:
            field_dict["text_size"] = text_size
        if chunk_count is not UNSET:
            field_dict["chunk_count"] = chunk_count
        if token_count is not UNSET:
            field_dict["token_count"] = token_count
        if chunks is not UNSET:
            field_dict["chunks"] = chunks
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_chunk import DocumentChunk

        d = dict(src_dict)
        document_id = d.pop("document_id")

        data_source_id = d.pop("data_source_id", UNSET)

        created = d.pop("created", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_mime_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mime_type = _parse_mime_type(d.pop("mime_type", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        parents = cast(list[str], d.pop("parents", UNSET))

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        hash_ = d.pop("hash", UNSET)

        text_size = d.pop("text_size", UNSET)

        chunk_count = d.pop("chunk_count", UNSET)

        def _parse_token_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        token_count = _parse_token_count(d.pop("token_count", UNSET))

        _chunks = d.pop("chunks", UNSET)
        chunks: list[DocumentChunk] | Unset = UNSET
        if _chunks is not UNSET:
            chunks = []
            for chunks_item_data in _chunks:
                chunks_item = DocumentChunk.from_dict(chunks_item_data)

                chunks.append(chunks_item)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        document = cls(
            document_id=document_id,
            data_source_id=data_source_id,
            created=created,
            title=title,
            mime_type=mime_type,
            timestamp=timestamp,
            tags=tags,
            parent_id=parent_id,
            parents=parents,
            source_url=source_url,
            hash_=hash_,
            text_size=text_size,
            chunk_count=chunk_count,
            token_count=token_count,
            chunks=chunks,
            text=text,
        )

        document.additional_properties = d
        return document

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
