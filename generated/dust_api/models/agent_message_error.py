from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_message_error_metadata_type_0 import (
        AgentMessageErrorMetadataType0,
    )


T = TypeVar("T", bound="AgentMessageError")


@_attrs_define
class AgentMessageError:
    """Why an agent message failed.

    Attributes:
        code (str):
        message (str):
        metadata (AgentMessageErrorMetadataType0 | None | Unset):
    """

    code: str
    message: str
    metadata: AgentMessageErrorMetadataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_message_error_metadata_type_0 import (
            AgentMessageErrorMetadataType0,
        )

        code = self.code

        message = self.message

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AgentMessageErrorMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_message_error_metadata_type_0 import (
            AgentMessageErrorMetadataType0,
        )

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_metadata(
            data: object,
        ) -> AgentMessageErrorMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AgentMessageErrorMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentMessageErrorMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        agent_message_error = cls(
            code=code,
            message=message,
            metadata=metadata,
        )

        agent_message_error.additional_properties = d
        return agent_message_error

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
