from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_error_detail_app_error import APIErrorDetailAppError
    from ..models.api_error_detail_connectors_error import APIErrorDetailConnectorsError
    from ..models.api_error_detail_data_source_error import (
        APIErrorDetailDataSourceError,
    )
    from ..models.api_error_detail_run_error import APIErrorDetailRunError


T = TypeVar("T", bound="APIErrorDetail")


@_attrs_define
class APIErrorDetail:
    """
    Attributes:
        type_ (str): Dust's error type (snake_case). Known values: invalid_request_error, not_authenticated,
            workspace_not_found, conversation_not_found, message_not_found, agent_configuration_not_found,
            data_source_not_found, rate_limit_error, internal_server_error. Open: the server may add values.
        message (str): Human-readable explanation.
        data_source_error (APIErrorDetailDataSourceError | Unset): The data source backend's own error (code, message),
            on data source failures.
        run_error (APIErrorDetailRunError | Unset): The app runner's own error (code, message), on app run failures.
        app_error (APIErrorDetailAppError | Unset): The app backend's own error (code, message).
        connectors_error (APIErrorDetailConnectorsError | Unset): The connectors service's own error (type, message).
    """

    type_: str
    message: str
    data_source_error: APIErrorDetailDataSourceError | Unset = UNSET
    run_error: APIErrorDetailRunError | Unset = UNSET
    app_error: APIErrorDetailAppError | Unset = UNSET
    connectors_error: APIErrorDetailConnectorsError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        message = self.message

        data_source_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source_error, Unset):
            data_source_error = self.data_source_error.to_dict()

        run_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.run_error, Unset):
            run_error = self.run_error.to_dict()

        app_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.app_error, Unset):
            app_error = self.app_error.to_dict()

        connectors_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.connectors_error, Unset):
            connectors_error = self.connectors_error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "message": message,
            }
        )
        if data_source_error is not UNSET:
            field_dict["data_source_error"] = data_source_error
        if run_error is not UNSET:
            field_dict["run_error"] = run_error
        if app_error is not UNSET:
            field_dict["app_error"] = app_error
        if connectors_error is not UNSET:
            field_dict["connectors_error"] = connectors_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_error_detail_app_error import APIErrorDetailAppError
        from ..models.api_error_detail_connectors_error import (
            APIErrorDetailConnectorsError,
        )
        from ..models.api_error_detail_data_source_error import (
            APIErrorDetailDataSourceError,
        )
        from ..models.api_error_detail_run_error import APIErrorDetailRunError

        d = dict(src_dict)
        type_ = d.pop("type")

        message = d.pop("message")

        _data_source_error = d.pop("data_source_error", UNSET)
        data_source_error: APIErrorDetailDataSourceError | Unset
        if isinstance(_data_source_error, Unset):
            data_source_error = UNSET
        else:
            data_source_error = APIErrorDetailDataSourceError.from_dict(
                _data_source_error
            )

        _run_error = d.pop("run_error", UNSET)
        run_error: APIErrorDetailRunError | Unset
        if isinstance(_run_error, Unset):
            run_error = UNSET
        else:
            run_error = APIErrorDetailRunError.from_dict(_run_error)

        _app_error = d.pop("app_error", UNSET)
        app_error: APIErrorDetailAppError | Unset
        if isinstance(_app_error, Unset):
            app_error = UNSET
        else:
            app_error = APIErrorDetailAppError.from_dict(_app_error)

        _connectors_error = d.pop("connectors_error", UNSET)
        connectors_error: APIErrorDetailConnectorsError | Unset
        if isinstance(_connectors_error, Unset):
            connectors_error = UNSET
        else:
            connectors_error = APIErrorDetailConnectorsError.from_dict(
                _connectors_error
            )

        api_error_detail = cls(
            type_=type_,
            message=message,
            data_source_error=data_source_error,
            run_error=run_error,
            app_error=app_error,
            connectors_error=connectors_error,
        )

        api_error_detail.additional_properties = d
        return api_error_detail

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
