"""The calls of ``client.triggers``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dust_api.api.triggers import send_webhook_trigger
from dust_api.models import SendWebhookTriggerBody

from dust_ext._core.call import Call, generated_call, success_flag


def send_webhook_call(
    workspace_id: str, webhook_source_id: str, url_secret: str, payload: Mapping[str, Any]
) -> Call[bool]:
    """``POST`` of ``payload`` to the webhook source's URL (its secret last segment authenticates it)."""
    if not isinstance(payload, Mapping):
        raise TypeError("a webhook payload is a JSON object (a mapping)")
    return generated_call(
        send_webhook_trigger,
        success_flag,
        w_id=workspace_id,
        webhook_source_id=webhook_source_id,
        webhook_source_url_secret=url_secret,
        body=SendWebhookTriggerBody.from_dict(dict(payload)),
    )
