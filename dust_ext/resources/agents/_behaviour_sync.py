# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.agents`` (``_behaviour_sync.py`` is generated from this file); the
generated ``AsyncAgents`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml with the reason
it is not generated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.agents.calls import (
    agent_import_payload,
    create_agent_call,
    update_agent_call,
    update_fields,
)
from dust_ext.types.agents import AgentConfiguration, CreatedAgent


class AgentsBehaviour(Resource):
    """``client.agents``'s methods with argument logic of their own."""

    @one_call
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
        call = update_agent_call(self._workspace_id, sid, update_fields(user_favorite, fields))
        return self._run(call.with_options(options))

    @one_call
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
