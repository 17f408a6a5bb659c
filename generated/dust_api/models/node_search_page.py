from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_node import ContentNode


T = TypeVar("T", bound="NodeSearchPage")


@_attrs_define
class NodeSearchPage:
    """The answer of a workspace search: matching ``nodes`` and, when there are more, ``nextPageCursor`` to pass back as
    ``cursor``.

        Attributes:
            nodes (list[ContentNode]):
            next_page_cursor (None | str | Unset):
            results_count (int | None | Unset):
            warning_code (None | str | Unset):
    """

    nodes: list[ContentNode]
    next_page_cursor: None | str | Unset = UNSET
    results_count: int | None | Unset = UNSET
    warning_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        next_page_cursor: None | str | Unset
        if isinstance(self.next_page_cursor, Unset):
            next_page_cursor = UNSET
        else:
            next_page_cursor = self.next_page_cursor

        results_count: int | None | Unset
        if isinstance(self.results_count, Unset):
            results_count = UNSET
        else:
            results_count = self.results_count

        warning_code: None | str | Unset
        if isinstance(self.warning_code, Unset):
            warning_code = UNSET
        else:
            warning_code = self.warning_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodes": nodes,
            }
        )
        if next_page_cursor is not UNSET:
            field_dict["nextPageCursor"] = next_page_cursor
        if results_count is not UNSET:
            field_dict["resultsCount"] = results_count
        if warning_code is not UNSET:
            field_dict["warningCode"] = warning_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_node import ContentNode

        d = dict(src_dict)
        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = ContentNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        def _parse_next_page_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_page_cursor = _parse_next_page_cursor(d.pop("nextPageCursor", UNSET))

        def _parse_results_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        results_count = _parse_results_count(d.pop("resultsCount", UNSET))

        def _parse_warning_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning_code = _parse_warning_code(d.pop("warningCode", UNSET))

        node_search_page = cls(
            nodes=nodes,
            next_page_cursor=next_page_cursor,
            results_count=results_count,
            warning_code=warning_code,
        )

        node_search_page.additional_properties = d
        return node_search_page

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
