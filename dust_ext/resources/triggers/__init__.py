"""``client.triggers``: the agents' triggers, and webhooks that start them. ``_async.py`` is generated from
openapi/ (make generate) and inherits the hand-written method of ``_behaviour_async.py``; the blocking
twins come from make unasync."""

from dust_ext.resources.triggers._async import (
    AsyncTriggers,
    AsyncTriggersWithRawResponse,
    AsyncTriggersWithStreamingResponse,
)
from dust_ext.resources.triggers._sync import (
    Triggers,
    TriggersWithRawResponse,
    TriggersWithStreamingResponse,
)
from dust_ext.resources.triggers.calls import send_webhook_call
from dust_ext.types.triggers import Trigger, TriggerWebhookSource

__all__ = [
    "AsyncTriggers",
    "AsyncTriggersWithRawResponse",
    "AsyncTriggersWithStreamingResponse",
    "Trigger",
    "TriggerWebhookSource",
    "Triggers",
    "TriggersWithRawResponse",
    "TriggersWithStreamingResponse",
    "send_webhook_call",
]
