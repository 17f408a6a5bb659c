"""The body of ``client.triggers.send_webhook`` (the method is generated: openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dust_ext._core.call import JSON_NULL


def webhook_body(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The caller's JSON object as given, its null fields too (sent as ``null``, not left out)."""
    if not isinstance(payload, Mapping):
        raise TypeError("a webhook payload is a JSON object (a mapping)")
    return {key: JSON_NULL if value is None else value for key, value in payload.items()}
