# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.triggers.send_webhook``, inherited by the generated ``AsyncTriggers`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.triggers.calls import send_webhook_call


class TriggersBehaviour(Resource):
    """``client.triggers``'s method whose body is the caller's own JSON object."""

    @one_call
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
