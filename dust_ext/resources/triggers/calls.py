"""The calls of ``client.triggers``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dust_ext._core.call import Call, operation_call, success_flag


def send_webhook_call(
    workspace_id: str, webhook_source_id: str, url_secret: str, payload: Mapping[str, Any]
) -> Call[bool]:
    """``POST`` of ``payload`` to the webhook source's URL (its secret last segment authenticates it)."""
    if not isinstance(payload, Mapping):
        raise TypeError("a webhook payload is a JSON object (a mapping)")
    template = "/api/v1/w/{workspace_id}/triggers/hooks/{webhook_source_id}/{url_secret}"
    path = {"workspace_id": workspace_id, "webhook_source_id": webhook_source_id, "url_secret": url_secret}
    call = operation_call("POST", template, path=path, parse=success_flag)
    return replace(call, json=dict(payload))  # the caller's object as given, its null fields too
