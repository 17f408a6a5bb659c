"""Dust apps (programmable workflows of blocks), their runs, and the events a streamed run sends."""

from __future__ import annotations

from typing import Final, TypeAlias, cast, get_args

from dust_ext.types._base import DustModel, UnknownEvent, load_frame, parse_typed_event
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
    return cast("AppRunEvent", parse_typed_event(load_frame(data), _APP_RUN_MODELS, "app run event", data))
