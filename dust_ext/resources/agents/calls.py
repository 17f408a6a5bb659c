"""The hand-written parts of ``client.agents``' generated methods."""

from __future__ import annotations

import httpx

from dust_ext._core.call import decode_error, raw_json
from dust_ext.types.agents import CreatedAgent


def created_agent(response: httpx.Response) -> CreatedAgent:
    body = raw_json(response)
    try:
        return CreatedAgent.model_validate(
            {**body["agentConfiguration"], "skippedActions": body.get("skippedActions") or []}
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise decode_error(response, '{"agentConfiguration": ..., "skippedActions": [...]}', exc) from None
