"""``client.triggers``: start agents through webhooks. The resource is written once (``_async.py``); the
blocking ``Triggers`` is generated from it; the pure call builder is in ``calls.py``."""

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

__all__ = [
    "AsyncTriggers",
    "AsyncTriggersWithRawResponse",
    "AsyncTriggersWithStreamingResponse",
    "Triggers",
    "TriggersWithRawResponse",
    "TriggersWithStreamingResponse",
    "send_webhook_call",
]
