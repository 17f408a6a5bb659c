from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_fragment_context import ContentFragmentContext
    from ..models.content_node_data import ContentNodeData


T = TypeVar("T", bound="ContentFragment")


@_attrs_define
class ContentFragment:
    """A piece of context (text, file or data node) inserted in a conversation.

    Attributes:
        type_ (Literal['content_fragment']):
        s_id (str):
        title (str):
        id (int | Unset):
        created (float | Unset):
        visibility (str | Unset):
        version (int | Unset):
        source_url (None | str | Unset):
        content_type (str | Unset): MIME type, e.g. text/plain.
        context (ContentFragmentContext | Unset):
        content_fragment_id (str | Unset):
        content_fragment_version (str | Unset):  Known values: latest, superseded. Open: the server may add values.
        content_fragment_type (str | Unset):  Known values: file, content_node. Open: the server may add values.
        expired_reason (None | str | Unset):
        file_id (None | str | Unset):
        snippet (None | str | Unset):
        generated_tables (list[str] | Unset):
        text_url (None | str | Unset):
        text_bytes (int | None | Unset):
        source_provider (None | str | Unset):
        source_icon (None | str | Unset):
        node_id (None | str | Unset):
        node_data_source_view_id (None | str | Unset):
        node_type (None | str | Unset):
        content_node_data (ContentNodeData | None | Unset):
        rank (int | Unset):
    """

    type_: Literal["content_fragment"]
    s_id: str
    title: str
    id: int | Unset = UNSET
    created: float | Unset = UNSET
    visibility: str | Unset = UNSET
    version: int | Unset = UNSET
    source_url: None | str | Unset = UNSET
    content_type: str | Unset = UNSET
    context: ContentFragmentContext | Unset = UNSET
    content_fragment_id: str | Unset = UNSET
    content_fragment_version: str | Unset = UNSET
    content_fragment_type: str | Unset = UNSET
    expired_reason: None | str | Unset = UNSET
    file_id: None | str | Unset = UNSET
    snippet: None | str | Unset = UNSET
    generated_tables: list[str] | Unset = UNSET
    text_url: None | str | Unset = UNSET
    text_bytes: int | None | Unset = UNSET
    source_provider: None | str | Unset = UNSET
    source_icon: None | str | Unset = UNSET
    node_id: None | str | Unset = UNSET
    node_data_source_view_id: None | str | Unset = UNSET
    node_type: None | str | Unset = UNSET
    content_node_data: ContentNodeData | None | Unset = UNSET
    rank: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_node_data import ContentNodeData

        type_ = self.type_

        s_id = self.s_id

        title = self.title

        id = self.id

        created = self.created

        visibility = self.visibility

        version = self.version

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        content_type = self.content_type

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        content_fragment_id = self.content_fragment_id

        content_fragment_version = self.content_fragment_version

        content_fragment_type = self.content_fragment_type

        expired_reason: None | str | Unset
        if isinstance(self.expired_reason, Unset):
            expired_reason = UNSET
        else:
            expired_reason = self.expired_reason

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        snippet: None | str | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        else:
            snippet = self.snippet

        generated_tables: list[str] | Unset = UNSET
        if not isinstance(self.generated_tables, Unset):
            generated_tables = self.generated_tables

        text_url: None | str | Unset
        if isinstance(self.text_url, Unset):
            text_url = UNSET
        else:
            text_url = self.text_url

        text_bytes: int | None | Unset
        if isinstance(self.text_bytes, Unset):
            text_bytes = UNSET
        else:
            text_bytes = self.text_bytes

        source_provider: None | str | Unset
        if isinstance(self.source_provider, Unset):
            source_provider = UNSET
        else:
            source_provider = self.source_provider

        source_icon: None | str | Unset
        if isinstance(self.source_icon, Unset):
            source_icon = UNSET
        else:
            source_icon = self.source_icon

        node_id: None | str | Unset
        if isinstance(self.node_id, Unset):
            node_id = UNSET
        else:
            node_id = self.node_id

        node_data_source_view_id: None | str | Unset
        if isinstance(self.node_data_source_view_id, Unset):
            node_data_source_view_id = UNSET
        else:
            node_data_source_view_id = self.node_data_source_view_id

        node_type: None | str | Unset
        if isinstance(self.node_type, Unset):
            node_type = UNSET
        else:
            node_type = self.node_type

        content_node_data: dict[str, Any] | None | Unset
        if isinstance(self.content_node_data, Unset):
            content_node_data = UNSET
        elif isinstance(self.content_node_data, ContentNodeData):
            content_node_data = self.content_node_data.to_dict()
        else:
            content_node_data = self.content_node_data

        rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sId": s_id,
                "title": title,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if created is not UNSET:
            field_dict["created"] = created
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if version is not UNSET:
            field_dict["version"] = version
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if context is not UNSET:
            field_dict["context"] = context
        if content_fragment_id is not UNSET:
            field_dict["contentFragmentId"] = content_fragment_id
        if content_fragment_version is not UNSET:
            field_dict["contentFragmentVersion"] = content_fragment_version
        if content_fragment_type is not UNSET:
            field_dict["contentFragmentType"] = content_fragment_type
        if expired_reason is not UNSET:
            field_dict["expiredReason"] = expired_reason
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if generated_tables is not UNSET:
            field_dict["generatedTables"] = generated_tables
        if text_url is not UNSET:
            field_dict["textUrl"] = text_url
        if text_bytes is not UNSET:
            field_dict["textBytes"] = text_bytes
        if source_provider is not UNSET:
            field_dict["sourceProvider"] = source_provider
        if source_icon is not UNSET:
            field_dict["sourceIcon"] = source_icon
        if node_id is not UNSET:
            field_dict["nodeId"] = node_id
        if node_data_source_view_id is not UNSET:
            field_dict["nodeDataSourceViewId"] = node_data_source_view_id
        if node_type is not UNSET:
            field_dict["nodeType"] = node_type
        if content_node_data is not UNSET:
            field_dict["contentNodeData"] = content_node_data
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_fragment_context import ContentFragmentContext
        from ..models.content_node_data import ContentNodeData

        d = dict(src_dict)
        type_ = cast(Literal["content_fragment"], d.pop("type"))
        if type_ != "content_fragment":
            raise ValueError(f"type must match const 'content_fragment', got '{type_}'")

        s_id = d.pop("sId")

        title = d.pop("title")

        id = d.pop("id", UNSET)

        created = d.pop("created", UNSET)

        visibility = d.pop("visibility", UNSET)

        version = d.pop("version", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("sourceUrl", UNSET))

        content_type = d.pop("contentType", UNSET)

        _context = d.pop("context", UNSET)
        context: ContentFragmentContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = ContentFragmentContext.from_dict(_context)

        content_fragment_id = d.pop("contentFragmentId", UNSET)

        content_fragment_version = d.pop("contentFragmentVersion", UNSET)

        content_fragment_type = d.pop("contentFragmentType", UNSET)

        def _parse_expired_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expired_reason = _parse_expired_reason(d.pop("expiredReason", UNSET))

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("fileId", UNSET))

        def _parse_snippet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        generated_tables = cast(list[str], d.pop("generatedTables", UNSET))

        def _parse_text_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_url = _parse_text_url(d.pop("textUrl", UNSET))

        def _parse_text_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        text_bytes = _parse_text_bytes(d.pop("textBytes", UNSET))

        def _parse_source_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_provider = _parse_source_provider(d.pop("sourceProvider", UNSET))

        def _parse_source_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_icon = _parse_source_icon(d.pop("sourceIcon", UNSET))

        def _parse_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_id = _parse_node_id(d.pop("nodeId", UNSET))

        def _parse_node_data_source_view_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_data_source_view_id = _parse_node_data_source_view_id(
            d.pop("nodeDataSourceViewId", UNSET)
        )

        def _parse_node_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_type = _parse_node_type(d.pop("nodeType", UNSET))

        def _parse_content_node_data(data: object) -> ContentNodeData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_node_data_type_0 = ContentNodeData.from_dict(data)

                return content_node_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContentNodeData | None | Unset, data)

        content_node_data = _parse_content_node_data(d.pop("contentNodeData", UNSET))

        rank = d.pop("rank", UNSET)

        content_fragment = cls(
            type_=type_,
            s_id=s_id,
            title=title,
            id=id,
            created=created,
            visibility=visibility,
            version=version,
            source_url=source_url,
            content_type=content_type,
            context=context,
            content_fragment_id=content_fragment_id,
            content_fragment_version=content_fragment_version,
            content_fragment_type=content_fragment_type,
            expired_reason=expired_reason,
            file_id=file_id,
            snippet=snippet,
            generated_tables=generated_tables,
            text_url=text_url,
            text_bytes=text_bytes,
            source_provider=source_provider,
            source_icon=source_icon,
            node_id=node_id,
            node_data_source_view_id=node_data_source_view_id,
            node_type=node_type,
            content_node_data=content_node_data,
            rank=rank,
        )

        content_fragment.additional_properties = d
        return content_fragment

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
