from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_nodes_body_view_type import SearchNodesBodyViewType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchNodesBody")


@_attrs_define
class SearchNodesBody:
    """
    Attributes:
        query (str | Unset):
        include_data_sources (bool | Unset):
        view_type (SearchNodesBodyViewType | Unset):
        space_ids (list[str] | Unset):
        node_ids (list[str] | Unset):
        search_source_urls (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
    """

    query: str | Unset = UNSET
    include_data_sources: bool | Unset = UNSET
    view_type: SearchNodesBodyViewType | Unset = UNSET
    space_ids: list[str] | Unset = UNSET
    node_ids: list[str] | Unset = UNSET
    search_source_urls: bool | Unset = UNSET
    limit: int | Unset = UNSET
    cursor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        include_data_sources = self.include_data_sources

        view_type: str | Unset = UNSET
        if not isinstance(self.view_type, Unset):
            view_type = self.view_type.value

        space_ids: list[str] | Unset = UNSET
        if not isinstance(self.space_ids, Unset):
            space_ids = self.space_ids

        node_ids: list[str] | Unset = UNSET
        if not isinstance(self.node_ids, Unset):
            node_ids = self.node_ids

        search_source_urls = self.search_source_urls

        limit = self.limit

        cursor = self.cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if query is not UNSET:
            field_dict["query"] = query
        if include_data_sources is not UNSET:
            field_dict["includeDataSources"] = include_data_sources
        if view_type is not UNSET:
            field_dict["viewType"] = view_type
        if space_ids is not UNSET:
            field_dict["spaceIds"] = space_ids
        if node_ids is not UNSET:
            field_dict["nodeIds"] = node_ids
        if search_source_urls is not UNSET:
            field_dict["searchSourceUrls"] = search_source_urls
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        query = d.pop("query", UNSET)

        include_data_sources = d.pop("includeDataSources", UNSET)

        _view_type = d.pop("viewType", UNSET)
        view_type: SearchNodesBodyViewType | Unset
        if isinstance(_view_type, Unset):
            view_type = UNSET
        else:
            view_type = SearchNodesBodyViewType(_view_type)

        space_ids = cast(list[str], d.pop("spaceIds", UNSET))

        node_ids = cast(list[str], d.pop("nodeIds", UNSET))

        search_source_urls = d.pop("searchSourceUrls", UNSET)

        limit = d.pop("limit", UNSET)

        cursor = d.pop("cursor", UNSET)

        search_nodes_body = cls(
            query=query,
            include_data_sources=include_data_sources,
            view_type=view_type,
            space_ids=space_ids,
            node_ids=node_ids,
            search_source_urls=search_source_urls,
            limit=limit,
            cursor=cursor,
        )

        search_nodes_body.additional_properties = d
        return search_nodes_body

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
