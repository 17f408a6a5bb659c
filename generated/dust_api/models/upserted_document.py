from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_source import DataSource
    from ..models.document import Document
    from ..models.light_document import LightDocument


T = TypeVar("T", bound="UpsertedDocument")


@_attrs_define
class UpsertedDocument:
    """What a document upsert returns: the document as stored (a :class:`LightDocument` when the upsert asked for the light
    output) and its data source (absent from an async upsert's answer).

        Attributes:
            document (Document | LightDocument):
            data_source (DataSource | Unset): A data source: documents and tables Dust indexes. ``connectorProvider`` is
                ``None`` for a folder filled through the API, else the managed connection (``notion``, ``webcrawler``…).
    """

    document: Document | LightDocument
    data_source: DataSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.document import Document

        document: dict[str, Any]
        if isinstance(self.document, Document):
            document = self.document.to_dict()
        else:
            document = self.document.to_dict()

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document": document,
            }
        )
        if data_source is not UNSET:
            field_dict["data_source"] = data_source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_source import DataSource
        from ..models.document import Document
        from ..models.light_document import LightDocument

        d = dict(src_dict)

        def _parse_document(data: object) -> Document | LightDocument:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_0 = Document.from_dict(data)

                return document_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            document_type_1 = LightDocument.from_dict(data)

            return document_type_1

        document = _parse_document(d.pop("document"))

        _data_source = d.pop("data_source", UNSET)
        data_source: DataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = DataSource.from_dict(_data_source)

        upserted_document = cls(
            document=document,
            data_source=data_source,
        )

        upserted_document.additional_properties = d
        return upserted_document

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
