"""``client.triggers``: start agents from outside Dust through webhooks.

A *webhook source* is an endpoint of the workspace that outside systems post JSON to; the agents'
*triggers* attached to it then run with the payload. Dust shows the source's URL,
``.../triggers/hooks/{webhook_source_id}/{url_secret}``: its last segment is a secret that authenticates
the call. :meth:`Triggers.send_webhook` posts a payload to a source as such a system would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dust_api.api.triggers import send_webhook_trigger
from dust_api.models import SendWebhookTriggerBody

from dust_ext._http import RequestOptions
from dust_ext.resources._base import AsyncResource, Call, Resource, generated_call, success_flag


def send_webhook_call(
    workspace_id: str, webhook_source_id: str, url_secret: str, payload: Mapping[str, Any]
) -> Call[bool]:
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


class Triggers(Resource):
    """Webhook triggers (sync)."""

    def send_webhook(
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
        return self._run(call.with_options(options))


class AsyncTriggers(AsyncResource):
    """Webhook triggers (asyncio); see :class:`Triggers`."""

    async def send_webhook(
        self,
        webhook_source_id: str,
        url_secret: str,
        payload: Mapping[str, Any],
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """See :meth:`Triggers.send_webhook`."""
        call = send_webhook_call(self._workspace_id, webhook_source_id, url_secret, payload)
        return await self._run(call.with_options(options))
