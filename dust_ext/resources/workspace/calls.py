"""What ``client.workspace.usage`` sends and how it reads the answer, without I/O."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

import httpx

from dust_ext._core.call import json_body

UsageMode = Literal["month", "range"]
UsageTable = Literal["users", "assistant_messages", "builders", "assistants", "feedback", "all"]
UsageFormat = Literal["csv", "json"]
DateLike = str | _dt.date


def date_text(value: DateLike, mode: UsageMode) -> str:
    """A date as ``usage`` sends it: ``YYYY-MM`` in month mode, ``YYYY-MM-DD`` in range mode."""
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m") if mode == "month" else value.isoformat()
    return value


def usage_params(params: dict[str, Any]) -> dict[str, Any]:
    """The query of ``usage``, its dates written as its mode reads them."""
    start, end, mode = params["start"], params["end"], params["mode"]
    return {**params, "start": date_text(start, mode), "end": None if end is None else date_text(end, mode)}


def usage_body(response: httpx.Response) -> str | bytes | dict[str, Any]:
    """CSV as text, JSON parsed, anything else (the ZIP of ``table="all"``) as bytes."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type == "application/json":
        body: dict[str, Any] = json_body(response)
        return body
    if media_type.startswith("text/"):
        return response.text
    return response.content
