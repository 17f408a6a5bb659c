"""``client.triggers``: start agents from outside Dust through webhooks (``_sync.py`` is generated from this
file).

A *webhook source* is an endpoint of the workspace that outside systems post JSON to; the agents'
*triggers* attached to it then run with the payload. Dust shows the source's URL,
``.../triggers/hooks/{webhook_source_id}/{url_secret}``: its last segment is a secret that authenticates
the call. ``triggers.send_webhook`` posts a payload to a source as such a system would.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import (
    AsyncResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.triggers.calls import send_webhook_call


class AsyncTriggers(AsyncResource):
    """Webhook triggers: ``client.triggers``."""

    async def send_webhook(
        self,
        webhook_source_id: str,
        url_secret: str,
        payload: Mapping[str, Any],
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Deliver ``payload`` (a JSON object) to the webhook source whose URL ends with
        ``{webhook_source_id}/{url_secret}``; True once Dust accepted it. A wrong secret raises
        :class:`~dust_ext.exceptions.DustUnauthorizedError` (``webhook_source_auth_error``)."""
        call = send_webhook_call(self._workspace_id, webhook_source_id, url_secret, payload)
        return await self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> AsyncTriggersWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncTriggersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTriggersWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncTriggersWithStreamingResponse(self)


class AsyncTriggersWithRawResponse:
    """``client.triggers.with_raw_response``."""

    def __init__(self, triggers: AsyncTriggers) -> None:
        self.send_webhook = async_to_raw_response_wrapper(triggers.send_webhook)


class AsyncTriggersWithStreamingResponse:
    """``client.triggers.with_streaming_response``."""

    def __init__(self, triggers: AsyncTriggers) -> None:
        self.send_webhook = async_to_streamed_response_wrapper(triggers.send_webhook)
