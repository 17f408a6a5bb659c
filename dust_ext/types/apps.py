"""Dust apps (programmable workflows of blocks), their runs, and the events a streamed run sends."""

from __future__ import annotations

import json
from typing import Final, TypeAlias, cast, get_args

from pydantic import ValidationError

from dust_ext.exceptions import DustEventDecodeError, json_error_reason
from dust_ext.types._base import DustModel, UnknownEvent, describe_validation_error
from dust_ext.types._spec_apps import (
    App,
    AppDeployment,
    AppRunBlockContent,
    AppRunBlockExecutionContent,
    AppRunBlockExecutionEvent,
    AppRunBlockMap,
    AppRunBlockStatusContent,
    AppRunBlockStatusEvent,
    AppRunErrorContent,
    AppRunErrorEvent,
    AppRunFinalEvent,
    AppRunFunctionCall,
    AppRunFunctionCallArgumentsTokensEvent,
    AppRunFunctionCallContent,
    AppRunFunctionCallEvent,
    AppRunReasoningItemContent,
    AppRunReasoningItemEvent,
    AppRunReasoningTokensEvent,
    AppRunStatusContent,
    AppRunStatusEvent,
    AppRunTokens,
    AppRunTokensContent,
    AppRunTokensEvent,
    Run,
    RunStatus,
)

__all__ = [
    "App",
    "AppDeployment",
    "AppRunBlockContent",
    "AppRunBlockExecutionContent",
    "AppRunBlockExecutionEvent",
    "AppRunBlockMap",
    "AppRunBlockStatusContent",
    "AppRunBlockStatusEvent",
    "AppRunErrorContent",
    "AppRunErrorEvent",
    "AppRunEvent",
    "AppRunFinalEvent",
    "AppRunFunctionCall",
    "AppRunFunctionCallArgumentsTokensEvent",
    "AppRunFunctionCallContent",
    "AppRunFunctionCallEvent",
    "AppRunReasoningItemContent",
    "AppRunReasoningItemEvent",
    "AppRunReasoningTokensEvent",
    "AppRunStatusContent",
    "AppRunStatusEvent",
    "AppRunTokens",
    "AppRunTokensContent",
    "AppRunTokensEvent",
    "Run",
    "RunStatus",
    "parse_app_run_event",
]


AppRunEvent: TypeAlias = (
    AppRunErrorEvent
    | AppRunStatusEvent
    | AppRunBlockStatusEvent
    | AppRunBlockExecutionEvent
    | AppRunTokensEvent
    | AppRunReasoningTokensEvent
    | AppRunReasoningItemEvent
    | AppRunFunctionCallEvent
    | AppRunFunctionCallArgumentsTokensEvent
    | AppRunFinalEvent
    | UnknownEvent
)
"""Events of a streamed app run."""

_APP_RUN_MODELS: Final[dict[str, type[DustModel]]] = {
    model.model_fields["type"].default: model for model in get_args(AppRunEvent) if model is not UnknownEvent
}


def parse_app_run_event(data: str) -> AppRunEvent | None:
    """Decode the ``data`` of one SSE frame of a streamed app run.

    Returns ``None`` for empty data and the ``done`` marker, :class:`UnknownEvent` for unknown types, and
    raises :class:`DustEventDecodeError` for invalid JSON, a non-object, or fields that do not fit.
    """
    if not data or data == "done":
        return None
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise DustEventDecodeError(
            f"frame data is not valid JSON: {json_error_reason(error)}", raw=data
        ) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("type"), str):
        raise DustEventDecodeError("frame data is not an object with a string 'type'", raw=data)
    event_type: str = payload["type"]
    model = _APP_RUN_MODELS.get(event_type)
    if model is None:
        return UnknownEvent(type=event_type, raw=payload)
    try:
        return cast("AppRunEvent", model.model_validate(payload))
    except ValidationError as error:
        raise DustEventDecodeError(
            f"invalid {event_type!r} app run event: {describe_validation_error(error)}", raw=data
        ) from None
