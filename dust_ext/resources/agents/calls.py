"""The calls of ``client.agents``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

import httpx
from dust_api.api.agents import (
    archive_agent_configuration,
    export_agent_configuration_yaml,
    get_agent_configuration,
    import_agent_configuration,
    list_agent_configurations,
    search_agent_configurations,
    update_agent_configuration,
)
from dust_api.models import (
    AgentImport,
    GetAgentConfigurationVariant,
    ListAgentConfigurationsView,
    ListAgentConfigurationsWithAuthors,
    UpdateAgentConfigurationBody,
)
from dust_api.types import UNSET

from dust_ext._core.call import (
    Call,
    decode_error,
    field_of,
    generated_call,
    list_of,
    raw_json,
    success_flag,
)
from dust_ext.exceptions import DustInvalidArgumentError
from dust_ext.types.agents import AgentConfiguration, CreatedAgent

AgentView = Literal["all", "list", "workspace", "published", "global", "favorites"]
AGENT_VIEWS: tuple[str, ...] = get_args(AgentView)
# An alias: inside the resource classes `list` names the method, not the builtin.
AgentList = list[AgentConfiguration]


def _text(response: httpx.Response) -> str:
    return response.text


def list_agents_call(workspace_id: str, view: AgentView | None, with_authors: bool) -> Call[AgentList]:
    if view is not None and view not in AGENT_VIEWS:
        raise DustInvalidArgumentError(
            f"agents.list(view={view!r}): view must be one of {', '.join(map(repr, AGENT_VIEWS))}"
        )
    return generated_call(
        list_agent_configurations,
        list_of(AgentConfiguration, "agentConfigurations"),
        w_id=workspace_id,
        view=ListAgentConfigurationsView(view) if view else UNSET,
        with_authors=ListAgentConfigurationsWithAuthors.TRUE if with_authors else UNSET,
    )


def get_agent_call(
    workspace_id: str, sid: str, variant: Literal["light", "full"] | None
) -> Call[AgentConfiguration]:
    return generated_call(
        get_agent_configuration,
        field_of(AgentConfiguration, "agentConfiguration"),
        w_id=workspace_id,
        s_id=sid,
        variant=GetAgentConfigurationVariant(variant) if variant else UNSET,
    )


def search_agents_call(workspace_id: str, q: str) -> Call[AgentList]:
    return generated_call(
        search_agent_configurations,
        list_of(AgentConfiguration, "agentConfigurations"),
        w_id=workspace_id,
        q=q,
    )


def update_agent_call(workspace_id: str, sid: str, fields: dict[str, Any]) -> Call[AgentConfiguration]:
    return generated_call(
        update_agent_configuration,
        field_of(AgentConfiguration, "agentConfiguration"),
        w_id=workspace_id,
        s_id=sid,
        body=UpdateAgentConfigurationBody.from_dict(fields),
    )


def export_yaml_call(workspace_id: str, sid: str) -> Call[str]:
    return generated_call(export_agent_configuration_yaml, _text, w_id=workspace_id, s_id=sid)


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


def archive_agent_call(workspace_id: str, sid: str) -> Call[bool]:
    return generated_call(archive_agent_configuration, success_flag, w_id=workspace_id, s_id=sid)


def update_fields(user_favorite: bool | None, fields: dict[str, Any]) -> dict[str, Any]:
    body = dict(fields)
    if user_favorite is not None:
        body["userFavorite"] = user_favorite
    return body
