from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_fragment_context import ContentFragmentContext


T = TypeVar("T", bound="ContentFragmentInput")


@_attrs_define
class ContentFragmentInput:
    """A content fragment to add: text (content + contentType), an uploaded file (fileId) or a data source node.

    Attributes:
        title (str):
        content (str | Unset): Text content (up to 512 kB); or give fileId, or nodeId + nodeDataSourceViewId.
        content_type (str | Unset): MIME type of content, e.g. text/plain.
        url (None | str | Unset):
        file_id (str | Unset):
        node_id (str | Unset):
        node_data_source_view_id (str | Unset):
        context (ContentFragmentContext | None | Unset):
        superseded_content_fragment_id (None | str | Unset):
    """

    title: str
    content: str | Unset = UNSET
    content_type: str | Unset = UNSET
    url: None | str | Unset = UNSET
    file_id: str | Unset = UNSET
    node_id: str | Unset = UNSET
    node_data_source_view_id: str | Unset = UNSET
    context: ContentFragmentContext | None | Unset = UNSET
    superseded_content_fragment_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_fragment_context import ContentFragmentContext

        title = self.title

        content = self.content

        content_type = self.content_type

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        file_id = self.file_id

        node_id = self.node_id

        node_data_source_view_id = self.node_data_source_view_id

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, ContentFragmentContext):
            context = self.context.to_dict()
        else:
            context = self.context

        superseded_content_fragment_id: None | str | Unset
        if isinstance(self.superseded_content_fragment_id, Unset):
            superseded_content_fragment_id = UNSET
        else:
            superseded_content_fragment_id = self.superseded_content_fragment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if url is not UNSET:
            field_dict["url"] = url
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if node_id is not UNSET:
            field_dict["nodeId"] = node_id
        if node_data_source_view_id is not UNSET:
            field_dict["nodeDataSourceViewId"] = node_data_source_view_id
        if context is not UNSET:
            field_dict["context"] = context
        if superseded_content_fragment_id is not UNSET:
            field_dict["supersededContentFragmentId"] = superseded_content_fragment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_fragment_context import ContentFragmentContext

        d = dict(src_dict)
        title = d.pop("title")

        content = d.pop("content", UNSET)

        content_type = d.pop("contentType", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        file_id = d.pop("fileId", UNSET)

        node_id = d.pop("nodeId", UNSET)

        node_data_source_view_id = d.pop("nodeDataSourceViewId", UNSET)

        def _parse_context(data: object) -> ContentFragmentContext | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = ContentFragmentContext.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContentFragmentContext | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_superseded_content_fragment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        superseded_content_fragment_id = _parse_superseded_content_fragment_id(
            d.pop("supersededContentFragmentId", UNSET)
        )

        content_fragment_input = cls(
            title=title,
            content=content,
            content_type=content_type,
            url=url,
            file_id=file_id,
            node_id=node_id,
            node_data_source_view_id=node_data_source_view_id,
            context=context,
            superseded_content_fragment_id=superseded_content_fragment_id,
        )

        content_fragment_input.additional_properties = d
        return content_fragment_input

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
