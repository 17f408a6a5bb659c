"""Keyword arguments turned into request parameters and bodies, without I/O.

Resource methods take ``None`` for "not given"; Dust must then apply its own default, so what the caller
left out is omitted from the request (not sent as ``null``). Every call builder uses these helpers.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from dust_api.types import Unset

from dust_ext._core.call import JSON_NULL
from dust_ext.exceptions import DustInvalidArgumentError

Timestamp = int | float | _dt.datetime
"""A time as Dust wants it (epoch milliseconds), or a ``datetime`` converted to that."""


def as_null(value: Any) -> Any:
    """A body field whose ``None`` is sent as an explicit JSON ``null`` (:data:`~dust_ext._core.call.JSON_NULL`);
    ``UNSET`` (an argument left out) is left out of the body."""
    if value is None:
        return JSON_NULL
    return None if isinstance(value, Unset) else value


def compact(**fields: Any) -> dict[str, Any]:
    """The given fields without the ``None`` ones (those the caller left to the server's default)."""
    return {key: value for key, value in fields.items() if value is not None}


def as_list(values: Sequence[str] | None) -> list[str] | None:
    """A list of strings from any sequence of them (``None`` stays ``None``); one string is refused, since
    iterating it would send its characters."""
    if values is None:
        return None
    if isinstance(values, str):
        raise TypeError("expected a list of strings, got one string")
    return list(values)


def items_of(values: Sequence[Any] | None) -> list[Any] | None:
    """A JSON array from any sequence (``None`` stays ``None``); one string or one mapping is refused,
    since iterating it would send its characters or keys."""
    if values is None:
        return None
    if isinstance(values, str | Mapping):
        raise TypeError(f"expected a list, got one {type(values).__name__}")
    return [dict(value) if isinstance(value, Mapping) else value for value in values]


def comma_separated(values: Sequence[str] | None) -> str | None:
    """A list of strings as one comma-separated parameter (how Dust reads ``kinds``); ``None`` or an empty
    list is left out."""
    listed = as_list(values)
    return ",".join(listed) if listed else None


def one_of(method: str, name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """``value`` if it is one of the ``allowed`` values of an enum parameter (or ``None``), else a
    :class:`~dust_ext.DustInvalidArgumentError` naming the valid ones, before any request is sent."""
    if value is not None and value not in allowed:
        raise DustInvalidArgumentError(
            f"{method}({name}={value!r}): {name} must be one of {', '.join(map(repr, allowed))}"
        )
    return value


def sized(method: str, name: str, value: str | None, minimum: int, maximum: int) -> str | None:
    """``value`` if its length is within the spec's ``minLength``/``maxLength``, else a
    :class:`~dust_ext.DustInvalidArgumentError` (a ``ValueError``) before any request is sent."""
    if value is not None and not minimum <= len(value) <= maximum:
        raise DustInvalidArgumentError(
            f"{method}({name}={value!r}): {name} must be {minimum} to {maximum} characters long, not {len(value)}"
        )
    return value


def as_object(value: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON object from any mapping (a plain ``dict`` for the JSON encoder); anything else is refused."""
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping (a JSON object), got {type(value).__name__}")
    return dict(value)


def true_or_omitted(value: bool | None) -> str | None:
    """A flag Dust reads as the string ``"true"`` (any other value, or none, means false)."""
    return "true" if value else None


def true_or_none(value: bool | None) -> bool | None:
    """A flag sent only when true (``False`` leaves Dust's default, false, by omitting it)."""
    return True if value else None


def true_or_false(value: bool | None) -> str | None:
    """A flag Dust reads as the string ``"true"`` or ``"false"``; ``None`` leaves it out."""
    return None if value is None else ("true" if value else "false")


def epoch_ms(value: Timestamp) -> int:
    """Epoch milliseconds from a number (already ms) or a ``datetime`` (naive means UTC)."""
    if isinstance(value, _dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=_dt.UTC)
        return int(aware.timestamp() * 1000)
    return int(value)
