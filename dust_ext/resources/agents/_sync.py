# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.agents``: list, get, search, create, update and archive agent configurations (``_sync.py`` is
generated from this file).

``create`` sends an agent configuration in Dust's agent YAML format (as JSON) to
``POST assistant/agent_configurations/import``; ``delete`` archives the agent (Dust's ``DELETE`` on the
configuration, admin keys only).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.agents.calls import (
    AgentList,
    AgentView,
    agent_import_payload,
    archive_agent_call,
    create_agent_call,
    export_yaml_call,
    get_agent_call,
    list_agents_call,
    search_agents_call,
    update_agent_call,
    update_fields,
)
from dust_ext.types.agents import AgentConfiguration, CreatedAgent


class Agents(Resource):
    """Agent configurations of the workspace: ``client.agents``."""

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
            update_agent_call(self._workspace_id, sid, update_fields(user_favorite, fields)).with_options(
                options
            )
        )

    def export_yaml(self, sid: str, *, options: RequestOptions | None = None) -> str:
        """The agent configuration as YAML text."""
        return self._run(export_yaml_call(self._workspace_id, sid).with_options(options))

    def create(
        self,
        *,
        name: str,
        description: str,
        instructions: str,
        model_id: str,
        provider_id: str,
        editors: Sequence[str] = (),
        temperature: float = 0.7,
        reasoning_effort: str = "medium",
        scope: Literal["visible", "hidden"] = "visible",
        avatar_url: str | None = None,
        max_steps_per_run: int = 8,
        visualization_enabled: bool = False,
        tags: Sequence[Mapping[str, Any]] = (),
        toolset: Sequence[Mapping[str, Any]] = (),
        options: RequestOptions | None = None,
        **extra: Any,
    ) -> CreatedAgent:
        """Create an agent: ``name`` is its handle (what users mention), ``model_id``/``provider_id`` its model
        (e.g. ``"gpt-5-mini"``/``"openai"``). ``editors`` are member emails; with an API key (no user behind
        it) Dust requires at least one. ``tags`` (``{"name", "kind"}``) must exist in the workspace;
        ``toolset`` entries Dust cannot resolve are listed in ``result.skippedActions``. Other keyword
        arguments of the agent YAML format (``skills=``, ``slack_integration=``) are sent as they are.
        Never retried once sent."""
        payload = agent_import_payload(
            name=name,
            description=description,
            instructions=instructions,
            model_id=model_id,
            provider_id=provider_id,
            temperature=temperature,
            reasoning_effort=reasoning_effort,
            scope=scope,
            avatar_url=avatar_url,
            max_steps_per_run=max_steps_per_run,
            visualization_enabled=visualization_enabled,
            editors=editors,
            tags=tags,
            toolset=toolset,
            extra=extra,
        )
        return self._run(create_agent_call(self._workspace_id, payload).with_options(options))

    def delete(self, sid: str, *, options: RequestOptions | None = None) -> bool:
        """Archive the agent (Dust's delete: it stops answering and its triggers are disabled; an admin can
        restore it in the web app). Needs an admin key; True once archived."""
        return self._run(archive_agent_call(self._workspace_id, sid).with_options(options))

    @cached_property
    def with_raw_response(self) -> AgentsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AgentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AgentsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AgentsWithStreamingResponse(self)


class AgentsWithRawResponse:
    """``client.agents.with_raw_response``."""

    def __init__(self, agents: Agents) -> None:
        self.list = to_raw_response_wrapper(agents.list)
        self.get = to_raw_response_wrapper(agents.get)
        self.search = to_raw_response_wrapper(agents.search)
        self.update = to_raw_response_wrapper(agents.update)
        self.export_yaml = to_raw_response_wrapper(agents.export_yaml)
        self.create = to_raw_response_wrapper(agents.create)
        self.delete = to_raw_response_wrapper(agents.delete)


class AgentsWithStreamingResponse:
    """``client.agents.with_streaming_response``."""

    def __init__(self, agents: Agents) -> None:
        self.list = to_streamed_response_wrapper(agents.list)
        self.get = to_streamed_response_wrapper(agents.get)
        self.search = to_streamed_response_wrapper(agents.search)
        self.update = to_streamed_response_wrapper(agents.update)
        self.export_yaml = to_streamed_response_wrapper(agents.export_yaml)
        self.create = to_streamed_response_wrapper(agents.create)
        self.delete = to_streamed_response_wrapper(agents.delete)
