from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.post_mcp_results_body_result import PostMcpResultsBodyResult


T = TypeVar("T", bound="PostMcpResultsBody")


@_attrs_define
class PostMcpResultsBody:
    """
    Attributes:
        result (PostMcpResultsBodyResult):
        server_id (str):
    """

    result: PostMcpResultsBodyResult
    server_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.to_dict()

        server_id = self.server_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "serverId": server_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_mcp_results_body_result import PostMcpResultsBodyResult

        d = dict(src_dict)
        result = PostMcpResultsBodyResult.from_dict(d.pop("result"))

        server_id = d.pop("serverId")

        post_mcp_results_body = cls(
            result=result,
            server_id=server_id,
        )

        post_mcp_results_body.additional_properties = d
        return post_mcp_results_body

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
