"""Dust apps (programmable workflows of blocks), their runs, and the events a streamed run sends."""

from __future__ import annotations

import json
from typing import Any, Final, Literal, TypeAlias, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dust_ext.exceptions import DustEventDecodeError, json_error_reason
from dust_ext.types._base import DustModel, EpochMs, UnknownEvent, describe_validation_error
from dust_ext.types._spec_apps import App, RunStatus

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


class AppDeployment(DustModel):
    """Whether a space has deployed one version of an app (one answer of ``apps.check``): ``deployed`` is
    true when the app exists there with the specification whose hash is ``appHash``."""

    appId: str
    appHash: str
    deployed: bool


class Run(DustModel):
    """An app run. ``results`` holds, per input, the output of the app's last block
    (``[{"value": ..., "error": ...}]``); ``traces`` the outputs of every block, each
    ``[[block_type, block_name], [outputs of input 0, outputs of input 1, ...]]``."""

    run_id: str
    app_id: str | None = None
    created: EpochMs | None = None
    run_type: str | None = None
    config: dict[str, Any] | None = None
    status: RunStatus | None = None
    traces: list[Any] = Field(default_factory=list)
    specification_hash: str | None = None
    results: list[list[dict[str, Any]]] | None = None

    @property
    def finished(self) -> bool:
        """Whether the run has stopped (succeeded or errored)."""
        return self.status is not None and self.status.run in {"succeeded", "errored"}

    @property
    def succeeded(self) -> bool:
        """Whether the run completed without error."""
        return self.status is not None and self.status.run == "succeeded"


# -- App runs ---------------------------------------------------------------------------------------------
# An app is a Dust app (a chain of blocks, e.g. LLM calls) run through ``POST .../apps/{aId}/runs``. With
# ``stream: true`` each frame's data is ``{"type": ..., "content": {...}}``: no eventId, no resume.


class _AppRunModel(BaseModel):
    """Base of app-run models: their fields are snake_case on the wire; unknown fields kept."""

    model_config = ConfigDict(extra="allow")


class AppRunBlockMap(_AppRunModel):
    """Which iteration of a map block produced the event."""

    name: str
    iteration: int


class AppRunBlockContent(_AppRunModel):
    """Identifies the block (and input) an app-run event comes from."""

    block_type: str
    block_name: str
    input_index: int
    map: AppRunBlockMap | None = None


class AppRunErrorContent(_AppRunModel):
    code: str
    message: str


class AppRunStatusContent(_AppRunModel):
    status: str
    """Open string: ``running``, ``succeeded`` or ``errored``."""
    run_id: str


class AppRunBlockStatusContent(_AppRunModel):
    block_type: str
    name: str
    status: str
    success_count: int
    error_count: int


class AppRunBlockExecutionContent(_AppRunModel):
    block_type: str
    block_name: str
    execution: list[list[dict[str, Any]]]
    """Per input, per map iteration: ``{"value": ..., "error": str | None, "meta": ...}``."""


class AppRunTokens(_AppRunModel):
    text: str
    tokens: list[str] | None = None
    logprobs: list[float] | None = None


class AppRunTokensContent(AppRunBlockContent):
    tokens: AppRunTokens


class AppRunReasoningItemContent(AppRunBlockContent):
    item: Any = None


class AppRunFunctionCall(_AppRunModel):
    name: str


class AppRunFunctionCallContent(AppRunBlockContent):
    function_call: AppRunFunctionCall


class AppRunErrorEvent(_AppRunModel):
    """The run failed."""

    type: Literal["error"] = "error"
    content: AppRunErrorContent


class AppRunStatusEvent(_AppRunModel):
    """The run's status changed; the first one carries the run id."""

    type: Literal["run_status"] = "run_status"
    content: AppRunStatusContent


class AppRunBlockStatusEvent(_AppRunModel):
    """A block's status changed."""

    type: Literal["block_status"] = "block_status"
    content: AppRunBlockStatusContent


class AppRunBlockExecutionEvent(_AppRunModel):
    """A block finished executing, with its outputs."""

    type: Literal["block_execution"] = "block_execution"
    content: AppRunBlockExecutionContent


class AppRunTokensEvent(_AppRunModel):
    """Tokens generated by an LLM block."""

    type: Literal["tokens"] = "tokens"
    content: AppRunTokensContent


class AppRunReasoningTokensEvent(_AppRunModel):
    """Reasoning tokens generated by an LLM block."""

    type: Literal["reasoning_tokens"] = "reasoning_tokens"
    content: AppRunTokensContent


class AppRunReasoningItemEvent(_AppRunModel):
    """A reasoning item produced by an LLM block."""

    type: Literal["reasoning_item"] = "reasoning_item"
    content: AppRunReasoningItemContent


class AppRunFunctionCallEvent(_AppRunModel):
    """An LLM block started a function call."""

    type: Literal["function_call"] = "function_call"
    content: AppRunFunctionCallContent


class AppRunFunctionCallArgumentsTokensEvent(_AppRunModel):
    """Tokens of a function call's arguments."""

    type: Literal["function_call_arguments_tokens"] = "function_call_arguments_tokens"
    content: AppRunTokensContent


class AppRunFinalEvent(_AppRunModel):
    """The run is over; the run's results are fetched separately."""

    type: Literal["final"] = "final"


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

_APP_RUN_MODELS: Final[dict[str, type[_AppRunModel]]] = {
    model.model_fields["type"].default: model
    for model in (
        AppRunErrorEvent,
        AppRunStatusEvent,
        AppRunBlockStatusEvent,
        AppRunBlockExecutionEvent,
        AppRunTokensEvent,
        AppRunReasoningTokensEvent,
        AppRunReasoningItemEvent,
        AppRunFunctionCallEvent,
        AppRunFunctionCallArgumentsTokensEvent,
        AppRunFinalEvent,
    )
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
        event = cast("AppRunEvent", model.model_validate(payload))
    except ValidationError as error:
        raise DustEventDecodeError(
            f"invalid {event_type!r} app run event: {describe_validation_error(error)}", raw=data
        ) from None
    return event
