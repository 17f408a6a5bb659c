from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_node import ContentNode
    from ..models.node_search_event_tool_results_item import (
        NodeSearchEventToolResultsItem,
    )


T = TypeVar("T", bound="NodeSearchEvent")


@_attrs_define
class NodeSearchEvent:
    """One frame of the streamed workspace search (``search.stream_nodes``): a ``knowledge_results`` frame (on the wire
    ``{"knowledgeResults": {...}}``) with the matching ``nodes``, ``nextPageCursor`` (pass it back as ``cursor``),
    ``resultsCount`` and ``warningCode``; then, on a first page with tools included, ``tool_results`` frames whose
    ``toolResults`` are files found in connected tools. Other frames are kept whole (``model_extra``), never a parse
    failure.

        Attributes:
            type_ (str):
            event_id (str | Unset):
            nodes (list[ContentNode] | Unset):
            next_page_cursor (None | str | Unset):
            results_count (int | Unset):
            warning_code (None | str | Unset):
            tool_results (list[NodeSearchEventToolResultsItem] | Unset):
    """

    type_: str
    event_id: str | Unset = UNSET
    nodes: list[ContentNode] | Unset = UNSET
    next_page_cursor: None | str | Unset = UNSET
    results_count: int | Unset = UNSET
    warning_code: None | str | Unset = UNSET
    tool_results: list[NodeSearchEventToolResultsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        event_id = self.event_id

        nodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nodes, Unset):
            nodes = []
            for nodes_item_data in self.nodes:
                nodes_item = nodes_item_data.to_dict()
                nodes.append(nodes_item)

        next_page_cursor: None | str | Unset
        if isinstance(self.next_page_cursor, Unset):
            next_page_cursor = UNSET
        else:
            next_page_cursor = self.next_page_cursor

        results_count = self.results_count

        warning_code: None | str | Unset
        if isinstance(self.warning_code, Unset):
            warning_code = UNSET
        else:
            warning_code = self.warning_code

        tool_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_results, Unset):
            tool_results = []
            for tool_results_item_data in self.tool_results:
                tool_results_item = tool_results_item_data.to_dict()
                tool_results.append(tool_results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if nodes is not UNSET:
            field_dict["nodes"] = nodes
        if next_page_cursor is not UNSET:
            field_dict["nextPageCursor"] = next_page_cursor
        if results_count is not UNSET:
            field_dict["resultsCount"] = results_count
        if warning_code is not UNSET:
            field_dict["warningCode"] = warning_code
        if tool_results is not UNSET:
            field_dict["toolResults"] = tool_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_node import ContentNode
        from ..models.node_search_event_tool_results_item import (
            NodeSearchEventToolResultsItem,
        )

        d = dict(src_dict)
        type_ = d.pop("type")

        event_id = d.pop("eventId", UNSET)

        _nodes = d.pop("nodes", UNSET)
        nodes: list[ContentNode] | Unset = UNSET
        if _nodes is not UNSET:
            nodes = []
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

        results_count = d.pop("resultsCount", UNSET)

        def _parse_warning_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning_code = _parse_warning_code(d.pop("warningCode", UNSET))

        _tool_results = d.pop("toolResults", UNSET)
        tool_results: list[NodeSearchEventToolResultsItem] | Unset = UNSET
        if _tool_results is not UNSET:
            tool_results = []
            for tool_results_item_data in _tool_results:
                tool_results_item = NodeSearchEventToolResultsItem.from_dict(
                    tool_results_item_data
                )

                tool_results.append(tool_results_item)

        node_search_event = cls(
            type_=type_,
            event_id=event_id,
            nodes=nodes,
            next_page_cursor=next_page_cursor,
            results_count=results_count,
            warning_code=warning_code,
            tool_results=tool_results,
        )

        node_search_event.additional_properties = d
        return node_search_event

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
