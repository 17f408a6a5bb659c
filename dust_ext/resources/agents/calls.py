"""The calls of ``client.agents``'s hand-written methods, described without I/O (see
:mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import httpx
from dust_api.api.agents import import_agent_configuration
from dust_api.models import AgentImport

from dust_ext._core.call import Call, decode_error, generated_call, raw_json
from dust_ext.types.agents import CreatedAgent


def agent_import_payload(
    *,
    name: str,
    description: str,
    instructions: str,
    model_id: str,
    provider_id: str,
    temperature: float,
    reasoning_effort: str,
    scope: Literal["visible", "hidden"],
    avatar_url: str | None,
    max_steps_per_run: int,
    visualization_enabled: bool,
    editors: Sequence[str],
    tags: Sequence[Mapping[str, Any]],
    toolset: Sequence[Mapping[str, Any]],
    extra: Mapping[str, Any],
) -> dict[str, Any]:
    """The agent YAML configuration, as the JSON body Dust's import endpoint reads."""
    if isinstance(editors, str):
        raise TypeError("editors= is a list of member emails, not one string")
    agent: dict[str, Any] = {
        "handle": name,
        "description": description,
        "scope": scope,
        "max_steps_per_run": max_steps_per_run,
        "visualization_enabled": visualization_enabled,
    }
    if avatar_url is not None:
        agent["avatar_url"] = avatar_url
    return {
        "agent": agent,
        "instructions": instructions,
        "generation_settings": {
            "model_id": model_id,
            "provider_id": provider_id,
            "temperature": temperature,
            "reasoning_effort": reasoning_effort,
        },
        "tags": [dict(tag) for tag in tags],
        "editors": list(editors),
        "toolset": [dict(tool) for tool in toolset],
        **extra,
    }


def _created_agent(response: httpx.Response) -> CreatedAgent:
    body = raw_json(response)
    try:
        return CreatedAgent.model_validate(
            {**body["agentConfiguration"], "skippedActions": body.get("skippedActions") or []}
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise decode_error(response, '{"agentConfiguration": ..., "skippedActions": [...]}', exc) from None


def create_agent_call(workspace_id: str, payload: dict[str, Any]) -> Call[CreatedAgent]:
    return generated_call(
        import_agent_configuration, _created_agent, w_id=workspace_id, body=AgentImport.from_dict(payload)
    )
