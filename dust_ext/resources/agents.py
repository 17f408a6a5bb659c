"""``client.agents``: list, get, search and update agent configurations."""

from __future__ import annotations

from typing import Any, Literal, NoReturn

import httpx
from dust_api.api.agents import (
    export_agent_configuration_yaml,
    get_agent_configuration,
    list_agent_configurations,
    search_agent_configurations,
    update_agent_configuration,
)
from dust_api.models import (
    GetAgentConfigurationVariant,
    ListAgentConfigurationsView,
    ListAgentConfigurationsWithAuthors,
    UpdateAgentConfigurationBody,
)
from dust_api.types import UNSET

from dust_ext._http import RequestOptions
from dust_ext.agents.models import AgentConfiguration
from dust_ext.exceptions import DustNotSupportedError
from dust_ext.resources._base import AsyncResource, Call, SyncResource, field_of, generated_call, list_of

AgentView = Literal["all", "list", "workspace", "published", "global", "favorites"]
# An alias: inside the resource classes `list` names the method, not the builtin.
AgentList = list[AgentConfiguration]


def _text(response: httpx.Response) -> str:
    return response.text


def list_agents_call(workspace_id: str, view: AgentView | None, with_authors: bool) -> Call[AgentList]:
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


def _update_fields(user_favorite: bool | None, fields: dict[str, Any]) -> dict[str, Any]:
    body = dict(fields)
    if user_favorite is not None:
        body["userFavorite"] = user_favorite
    return body


def _not_in_public_api(operation: str) -> NoReturn:
    raise DustNotSupportedError(
        f"agents.{operation}() is not available: Dust's public API (v1) has no endpoint to {operation} an "
        "agent configuration. Use the Dust web app, or agents.update() for the fields the API can change."
    )


class Agents(SyncResource):
    """Agent configurations of the workspace (sync)."""

    def list(
        self,
        *,
        view: AgentView | None = None,
        with_authors: bool = False,
        options: RequestOptions | None = None,
    ) -> AgentList:
        """The agents the caller can use; ``view`` selects which (list: the default, all, workspace,
        published, global, favorites)."""
        return self._run(list_agents_call(self._workspace_id, view, with_authors).with_options(options))

    def get(
        self,
        sid: str,
        *,
        variant: Literal["light", "full"] | None = None,
        options: RequestOptions | None = None,
    ) -> AgentConfiguration:
        """One agent by its ``sId`` (e.g. ``"dust"``)."""
        return self._run(get_agent_call(self._workspace_id, sid, variant).with_options(options))

    def search(self, q: str, *, options: RequestOptions | None = None) -> AgentList:
        """Agents whose name contains ``q``."""
        return self._run(search_agents_call(self._workspace_id, q).with_options(options))

    def update(
        self,
        sid: str,
        *,
        user_favorite: bool | None = None,
        options: RequestOptions | None = None,
        **fields: Any,
    ) -> AgentConfiguration:
        """Change what the public API allows: ``user_favorite``, and agent YAML patch fields passed as
        keyword arguments (``instructions=...``, ``tags=...``), which Dust validates."""
        return self._run(
            update_agent_call(self._workspace_id, sid, _update_fields(user_favorite, fields)).with_options(
                options
            )
        )

    def export_yaml(self, sid: str, *, options: RequestOptions | None = None) -> str:
        """The agent configuration as YAML text."""
        return self._run(export_yaml_call(self._workspace_id, sid).with_options(options))

    def create(self, **_: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _not_in_public_api("create")

    def delete(self, sid: str) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _not_in_public_api("delete")


class AsyncAgents(AsyncResource):
    """Agent configurations of the workspace (asyncio); see :class:`Agents`."""

    async def list(
        self,
        *,
        view: AgentView | None = None,
        with_authors: bool = False,
        options: RequestOptions | None = None,
    ) -> AgentList:
        """See :meth:`Agents.list`."""
        return await self._run(list_agents_call(self._workspace_id, view, with_authors).with_options(options))

    async def get(
        self,
        sid: str,
        *,
        variant: Literal["light", "full"] | None = None,
        options: RequestOptions | None = None,
    ) -> AgentConfiguration:
        """See :meth:`Agents.get`."""
        return await self._run(get_agent_call(self._workspace_id, sid, variant).with_options(options))

    async def search(self, q: str, *, options: RequestOptions | None = None) -> AgentList:
        """See :meth:`Agents.search`."""
        return await self._run(search_agents_call(self._workspace_id, q).with_options(options))

    async def update(
        self,
        sid: str,
        *,
        user_favorite: bool | None = None,
        options: RequestOptions | None = None,
        **fields: Any,
    ) -> AgentConfiguration:
        """See :meth:`Agents.update`."""
        return await self._run(
            update_agent_call(self._workspace_id, sid, _update_fields(user_favorite, fields)).with_options(
                options
            )
        )

    async def export_yaml(self, sid: str, *, options: RequestOptions | None = None) -> str:
        """See :meth:`Agents.export_yaml`."""
        return await self._run(export_yaml_call(self._workspace_id, sid).with_options(options))

    async def create(self, **_: Any) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _not_in_public_api("create")

    async def delete(self, sid: str) -> NoReturn:
        """Not in Dust's public API: raises :class:`~dust_ext.exceptions.DustNotSupportedError`."""
        _not_in_public_api("delete")
