from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_source import DataSource
    from ..models.data_source_view import DataSourceView


T = TypeVar("T", bound="ContentNode")


@_attrs_define
class ContentNode:
    """A document, table or folder as workspace search returns it. ``internalId`` is its id in its data source,
    ``parentsInternalIds`` its parents (itself first); ``type`` is open (document, table, folder). ``dataSourceViews``
    lists the views exposing the node (workspace search); ``dataSourceView`` is set instead on the nodes of one view.

        Attributes:
            internal_id (str | Unset):
            parent_internal_id (None | str | Unset):
            title (str | Unset):
            type_ (str | Unset):  Known values: document, table, folder. Open: the server may add values.
            mime_type (str | Unset):
            source_url (None | str | Unset):
            last_updated_at (float | None | Unset):
            parent_title (None | str | Unset):
            parents_internal_ids (list[str] | Unset): The node's parents, itself first (note the plural `parents`).
            expandable (bool | Unset):
            permission (str | Unset):
            provider_visibility (None | str | Unset):
            prevent_selection (bool | Unset):
            data_source (DataSource | Unset): A data source: documents and tables Dust indexes. ``connectorProvider`` is
                ``None`` for a folder filled through the API, else the managed connection (``notion``, ``webcrawler``…).
            data_source_views (list[DataSourceView] | Unset): The views exposing the node (workspace search).
            data_source_view (DataSourceView | Unset): A data source exposed in a space; ``parentsIn`` restricts it to those
                nodes and their descendants (``None``: the whole data source). ``kind`` is ``default`` (the data source's own
                view) or ``custom``.
    """

    internal_id: str | Unset = UNSET
    parent_internal_id: None | str | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET
    mime_type: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    last_updated_at: float | None | Unset = UNSET
    parent_title: None | str | Unset = UNSET
    parents_internal_ids: list[str] | Unset = UNSET
    expandable: bool | Unset = UNSET
    permission: str | Unset = UNSET
    provider_visibility: None | str | Unset = UNSET
    prevent_selection: bool | Unset = UNSET
    data_source: DataSource | Unset = UNSET
    data_source_views: list[DataSourceView] | Unset = UNSET
    data_source_view: DataSourceView | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        internal_id = self.internal_id

        parent_internal_id: None | str | Unset
        if isinstance(self.parent_internal_id, Unset):
            parent_internal_id = UNSET
        else:
            parent_internal_id = self.parent_internal_id

        title = self.title

        type_ = self.type_

        mime_type = self.mime_type

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        last_updated_at: float | None | Unset
        if isinstance(self.last_updated_at, Unset):
            last_updated_at = UNSET
        else:
            last_updated_at = self.last_updated_at

        parent_title: None | str | Unset
        if isinstance(self.parent_title, Unset):
            parent_title = UNSET
        else:
            parent_title = self.parent_title

        parents_internal_ids: list[str] | Unset = UNSET
        if not isinstance(self.parents_internal_ids, Unset):
            parents_internal_ids = self.parents_internal_ids

        expandable = self.expandable

        permission = self.permission

        provider_visibility: None | str | Unset
        if isinstance(self.provider_visibility, Unset):
            provider_visibility = UNSET
        else:
            provider_visibility = self.provider_visibility

        prevent_selection = self.prevent_selection

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        data_source_views: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data_source_views, Unset):
            data_source_views = []
            for data_source_views_item_data in self.data_source_views:
                data_source_views_item = data_source_views_item_data.to_dict()
                data_source_views.append(data_source_views_item)

        data_source_view: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source_view, Unset):
            data_source_view = self.data_source_view.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if internal_id is not UNSET:
            field_dict["internalId"] = internal_id
        if parent_internal_id is not UNSET:
            field_dict["parentInternalId"] = parent_internal_id
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if parent_title is not UNSET:
            field_dict["parentTitle"] = parent_title
        if parents_internal_ids is not UNSET:
            field_dict["parentsInternalIds"] = parents_internal_ids
        if expandable is not UNSET:
            field_dict["expandable"] = expandable
        if permission is not UNSET:
            field_dict["permission"] = permission
        if provider_visibility is not UNSET:
            field_dict["providerVisibility"] = provider_visibility
        if prevent_selection is not UNSET:
            field_dict["preventSelection"] = prevent_selection
        if data_source is not UNSET:
            field_dict["dataSource"] = data_source
        if data_source_views is not UNSET:
            field_dict["dataSourceViews"] = data_source_views
        if data_source_view is not UNSET:
            field_dict["dataSourceView"] = data_source_view

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source import DataSource
        from ..models.data_source_view import DataSourceView

        d = dict(src_dict)
        internal_id = d.pop("internalId", UNSET)

        def _parse_parent_internal_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_internal_id = _parse_parent_internal_id(d.pop("parentInternalId", UNSET))

        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        mime_type = d.pop("mimeType", UNSET)

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("sourceUrl", UNSET))

        def _parse_last_updated_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        last_updated_at = _parse_last_updated_at(d.pop("lastUpdatedAt", UNSET))

        def _parse_parent_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_title = _parse_parent_title(d.pop("parentTitle", UNSET))

        parents_internal_ids = cast(list[str], d.pop("parentsInternalIds", UNSET))

        expandable = d.pop("expandable", UNSET)

        permission = d.pop("permission", UNSET)

        def _parse_provider_visibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_visibility = _parse_provider_visibility(
            d.pop("providerVisibility", UNSET)
        )

        prevent_selection = d.pop("preventSelection", UNSET)

        _data_source = d.pop("dataSource", UNSET)
        data_source: DataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = DataSource.from_dict(_data_source)

        _data_source_views = d.pop("dataSourceViews", UNSET)
        data_source_views: list[DataSourceView] | Unset = UNSET
        if _data_source_views is not UNSET:
            data_source_views = []
            for data_source_views_item_data in _data_source_views:
                data_source_views_item = DataSourceView.from_dict(
                    data_source_views_item_data
                )

                data_source_views.append(data_source_views_item)

        _data_source_view = d.pop("dataSourceView", UNSET)
        data_source_view: DataSourceView | Unset
        if isinstance(_data_source_view, Unset):
            data_source_view = UNSET
        else:
            data_source_view = DataSourceView.from_dict(_data_source_view)

        content_node = cls(
            internal_id=internal_id,
            parent_internal_id=parent_internal_id,
            title=title,
            type_=type_,
            mime_type=mime_type,
            source_url=source_url,
            last_updated_at=last_updated_at,
            parent_title=parent_title,
            parents_internal_ids=parents_internal_ids,
            expandable=expandable,
            permission=permission,
            provider_visibility=provider_visibility,
            prevent_selection=prevent_selection,
            data_source=data_source,
            data_source_views=data_source_views,
            data_source_view=data_source_view,
        )

        content_node.additional_properties = d
        return content_node

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
