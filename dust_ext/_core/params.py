"""Keyword arguments turned into request parameters and bodies, without I/O.

Resource methods take ``None`` for "not given"; Dust must then apply its own default, so what the caller
left out is omitted from the request (not sent as ``null``). Every call builder uses these helpers.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from dust_api.types import UNSET

from dust_ext.exceptions import DustInvalidArgumentError

Timestamp = int | float | _dt.datetime
"""A time as Dust wants it (epoch milliseconds), or a ``datetime`` converted to that."""


def given(value: Any) -> Any:
    """``None`` → the generated client's ``UNSET`` (omit the query parameter)."""
    return UNSET if value is None else value


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


def true_or_omitted(value: bool | None) -> str | None:
    """A flag Dust reads as the string ``"true"`` (any other value, or none, means false)."""
    return "true" if value else None


def epoch_ms(value: Timestamp) -> int:
    """Epoch milliseconds from a number (already ms) or a ``datetime`` (naive means UTC)."""
    if isinstance(value, _dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=_dt.UTC)
        return int(aware.timestamp() * 1000)
    return int(value)
