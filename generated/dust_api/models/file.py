from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_use_case_metadata_type_0 import FileUseCaseMetadataType0


T = TypeVar("T", bound="File")


@_attrs_define
class File:
    """A file uploaded to Dust. ``status`` goes ``created`` (slot reserved, bytes not yet sent) → ``ready``; ``uploadUrl``
    is where the bytes go (multipart field ``file``).

        Attributes:
            s_id (str):
            id (str | Unset):
            content_type (str | Unset):
            file_name (str | Unset):
            file_size (int | Unset):
            status (str | Unset):  Known values: created, failed, ready. Open: the server may add values.
            use_case (str | Unset):
            use_case_metadata (FileUseCaseMetadataType0 | None | Unset):
            upload_url (str | Unset): Where to POST the bytes (multipart field 'file').
            download_url (str | Unset):
            public_url (str | Unset):
            created_at (float | Unset):
    """

    s_id: str
    id: str | Unset = UNSET
    content_type: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | Unset = UNSET
    status: str | Unset = UNSET
    use_case: str | Unset = UNSET
    use_case_metadata: FileUseCaseMetadataType0 | None | Unset = UNSET
    upload_url: str | Unset = UNSET
    download_url: str | Unset = UNSET
    public_url: str | Unset = UNSET
    created_at: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_use_case_metadata_type_0 import FileUseCaseMetadataType0

        s_id = self.s_id

        id = self.id

        content_type = self.content_type

        file_name = self.file_name

        file_size = self.file_size

        status = self.status

        use_case = self.use_case

        use_case_metadata: dict[str, Any] | None | Unset
        if isinstance(self.use_case_metadata, Unset):
            use_case_metadata = UNSET
        elif isinstance(self.use_case_metadata, FileUseCaseMetadataType0):
            use_case_metadata = self.use_case_metadata.to_dict()
        else:
            use_case_metadata = self.use_case_metadata

        upload_url = self.upload_url

        download_url = self.download_url

        public_url = self.public_url

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if status is not UNSET:
            field_dict["status"] = status
        if use_case is not UNSET:
            field_dict["useCase"] = use_case
        if use_case_metadata is not UNSET:
            field_dict["useCaseMetadata"] = use_case_metadata
        if upload_url is not UNSET:
            field_dict["uploadUrl"] = upload_url
        if download_url is not UNSET:
            field_dict["downloadUrl"] = download_url
        if public_url is not UNSET:
            field_dict["publicUrl"] = public_url
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_use_case_metadata_type_0 import FileUseCaseMetadataType0

        d = dict(src_dict)
        s_id = d.pop("sId")

        id = d.pop("id", UNSET)

        content_type = d.pop("contentType", UNSET)

        file_name = d.pop("fileName", UNSET)

        file_size = d.pop("fileSize", UNSET)

        status = d.pop("status", UNSET)

        use_case = d.pop("useCase", UNSET)

        def _parse_use_case_metadata(
            data: object,
        ) -> FileUseCaseMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                use_case_metadata_type_0 = FileUseCaseMetadataType0.from_dict(data)

                return use_case_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileUseCaseMetadataType0 | None | Unset, data)

        use_case_metadata = _parse_use_case_metadata(d.pop("useCaseMetadata", UNSET))

        upload_url = d.pop("uploadUrl", UNSET)

        download_url = d.pop("downloadUrl", UNSET)

        public_url = d.pop("publicUrl", UNSET)

        created_at = d.pop("createdAt", UNSET)

        file = cls(
            s_id=s_id,
            id=id,
            content_type=content_type,
            file_name=file_name,
            file_size=file_size,
            status=status,
            use_case=use_case,
            use_case_metadata=use_case_metadata,
            upload_url=upload_url,
            download_url=download_url,
            public_url=public_url,
            created_at=created_at,
        )

        file.additional_properties = d
        return file

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
