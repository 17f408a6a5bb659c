"""The base of dust_ext's response models."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Annotated, Any, Generic, Self, TypeVar, cast, overload

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic.alias_generators import to_snake

from dust_ext.exceptions import DustEventDecodeError, json_error_reason


class DustModel(BaseModel):
    """A Dust API object.

    Attribute names are the API's own (``sId``, ``parentMessageId``): what you read in Dust's docs is what
    you type. Fields the server adds later are kept (``model_extra``), never a parse failure.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)


def _whole_milliseconds(value: Any) -> Any:
    # Dust sends epoch milliseconds as JSON integers; a float (a sub-millisecond time, or a number
    # re-serialised as 1.7e12) is still a time, so it is floored to whole milliseconds, not rejected.
    if isinstance(value, float) and math.isfinite(value):
        return math.floor(value)
    return value


EpochMs = Annotated[int, BeforeValidator(_whole_milliseconds)]
"""A time as Dust sends it: integer milliseconds since the Unix epoch."""


_T = TypeVar("_T")


class DustName(Generic[_T]):
    """Dust's camelCase name of a model's snake_case field, read-only (``messageId`` reads ``message_id``).

    Declared as a ``ClassVar``: pydantic leaves it out of the fields, type checkers see the field's type.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._field = to_snake(name)

    @overload
    def __get__(self, model: None, owner: type) -> Self: ...
    @overload
    def __get__(self, model: BaseModel, owner: type) -> _T: ...
    def __get__(self, model: BaseModel | None, owner: type) -> _T | Self:
        return self if model is None else cast("_T", getattr(model, self._field))


class UnknownEvent(BaseModel):
    """An event whose ``type`` this SDK version does not know; ``raw`` is its data, untouched."""

    type: str
    raw: dict[str, Any]


def load_frame(data: str) -> dict[str, Any]:
    """The JSON object of one SSE frame's ``data``; :class:`DustEventDecodeError` if it is not one."""
    try:
        frame = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise DustEventDecodeError(
            f"frame data is not valid JSON: {json_error_reason(error)}", raw=data
        ) from None
    if not isinstance(frame, dict):
        raise DustEventDecodeError("frame data is not a JSON object", raw=data)
    return frame


def parse_typed_event(
    payload: dict[str, Any], models: Mapping[str, type[BaseModel]], kind: str, raw: str | None
) -> BaseModel:
    """The model of ``payload``'s ``type`` among ``models`` (:class:`UnknownEvent` for another type).

    No string ``type``, or fields that do not fit, raise :class:`DustEventDecodeError` naming the ``kind``
    of event and the first problems (``raw`` defaults to the payload as JSON).
    """
    event_type = payload.get("type")
    if not isinstance(event_type, str):
        raise DustEventDecodeError(f"{kind} data has no string 'type'", raw=raw or json.dumps(payload))
    model = models.get(event_type)
    if model is None:
        return UnknownEvent(type=event_type, raw=payload)
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in detail['loc']) or '<root>'}: {detail['msg']}"
            for detail in error.errors(include_url=False)[:3]
        )
        message = f"invalid {event_type!r} {kind}: {problems}"
        raise DustEventDecodeError(message, raw=raw or json.dumps(payload)) from None
