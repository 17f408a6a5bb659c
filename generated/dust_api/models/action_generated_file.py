from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionGeneratedFile")


@_attrs_define
class ActionGeneratedFile:
    """A file a tool produced (a chart, a CSV…): ``fileId`` when Dust stores it, else ``filePath``.

    Attributes:
        title (str | Unset):
        content_type (str | Unset):
        file_id (None | str | Unset): Null for a file the tool left on its file system (see filePath).
        file_path (str | Unset):
        snippet (None | str | Unset):
        hidden (bool | Unset):
    """

    title: str | Unset = UNSET
    content_type: str | Unset = UNSET
    file_id: None | str | Unset = UNSET
    file_path: str | Unset = UNSET
    snippet: None | str | Unset = UNSET
    hidden: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        content_type = self.content_type

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        file_path = self.file_path

        snippet: None | str | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        else:
            snippet = self.snippet

        hidden = self.hidden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if file_path is not UNSET:
            field_dict["filePath"] = file_path
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if hidden is not UNSET:
            field_dict["hidden"] = hidden

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        content_type = d.pop("contentType", UNSET)

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("fileId", UNSET))

        file_path = d.pop("filePath", UNSET)

        def _parse_snippet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        hidden = d.pop("hidden", UNSET)

        action_generated_file = cls(
            title=title,
            content_type=content_type,
            file_id=file_id,
            file_path=file_path,
            snippet=snippet,
            hidden=hidden,
        )

        action_generated_file.additional_properties = d
        return action_generated_file

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
