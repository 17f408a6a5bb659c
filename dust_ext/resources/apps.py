"""``client.apps``: Dust apps and their runs.

A *Dust app* is a programmable workflow of blocks (LLM calls, code, data source searches…) kept in a
space. Running one needs the hash of the specification to run (``specification_hash``, which pins the
version, so an app edited in the meantime does not change what the API runs), a ``config`` (per-block
settings, e.g. which model a block uses) and ``inputs`` (one object per input; the app runs once per input).
A run is *blocking* (the call returns when it ends) or not (poll :meth:`Apps.get_run`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dust_api.api.apps import create_app_run, get_app_run, list_apps
from dust_api.models import CreateAppRunBody

from dust_ext._http import RequestOptions
from dust_ext.data_sources.models import App, Run
from dust_ext.resources._base import AsyncResource, Call, SyncResource, field_of, generated_call, list_of

AppList = list[App]


def list_apps_call(workspace_id: str, space_id: str) -> Call[AppList]:
    return generated_call(list_apps, list_of(App, "apps"), w_id=workspace_id, space_id=space_id)


def run_payload(
    specification_hash: str,
    config: Mapping[str, Any],
    inputs: Sequence[Mapping[str, Any]],
    blocking: bool,
    block_filter: Sequence[str] | None,
) -> dict[str, Any]:
    if isinstance(inputs, Mapping):
        raise TypeError("inputs= is a list of input objects (one run per input), not a single mapping")
    payload: dict[str, Any] = {
        "specification_hash": specification_hash,
        "config": dict(config),
        "inputs": [dict(item) for item in inputs],
        "blocking": blocking,
    }
    if block_filter is not None:
        payload["block_filter"] = list(block_filter)
    return payload


def create_run_call(workspace_id: str, space_id: str, app_id: str, payload: dict[str, Any]) -> Call[Run]:
    return generated_call(
        create_app_run,
        field_of(Run, "run"),
        w_id=workspace_id,
        space_id=space_id,
        a_id=app_id,
        body=CreateAppRunBody.from_dict(payload),
    )


def get_run_call(workspace_id: str, space_id: str, app_id: str, run_id: str) -> Call[Run]:
    return generated_call(
        get_app_run, field_of(Run, "run"), w_id=workspace_id, space_id=space_id, a_id=app_id, run_id=run_id
    )


class Apps(SyncResource):
    """Dust apps of a space and their runs (sync)."""

    def list(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """The apps of a space (``savedSpecification`` and ``savedConfig`` describe their current version)."""
        return self._run(list_apps_call(self._workspace_id, space_id).with_options(options))

    def run(
        self,
        space_id: str,
        app_id: str,
        *,
        specification_hash: str,
        config: Mapping[str, Any],
        inputs: Sequence[Mapping[str, Any]],
        blocking: bool = True,
        block_filter: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> Run:
        """Run an app on ``inputs``. With ``blocking=True`` the run comes back finished (``.results`` holds
        the output per input); otherwise it comes back running: poll :meth:`get_run` until
        ``run.finished``. ``block_filter`` limits the returned traces to those blocks."""
        payload = run_payload(specification_hash, config, inputs, blocking, block_filter)
        return self._run(create_run_call(self._workspace_id, space_id, app_id, payload).with_options(options))

    def get_run(
        self, space_id: str, app_id: str, run_id: str, *, options: RequestOptions | None = None
    ) -> Run:
        """A run's current state (status, traces, results)."""
        return self._run(get_run_call(self._workspace_id, space_id, app_id, run_id).with_options(options))


class AsyncApps(AsyncResource):
    """Dust apps of a space and their runs (asyncio); see :class:`Apps`."""

    async def list(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """See :meth:`Apps.list`."""
        return await self._run(list_apps_call(self._workspace_id, space_id).with_options(options))

    async def run(
        self,
        space_id: str,
        app_id: str,
        *,
        specification_hash: str,
        config: Mapping[str, Any],
        inputs: Sequence[Mapping[str, Any]],
        blocking: bool = True,
        block_filter: Sequence[str] | None = None,
        options: RequestOptions | None = None,
    ) -> Run:
        """See :meth:`Apps.run`."""
        payload = run_payload(specification_hash, config, inputs, blocking, block_filter)
        return await self._run(
            create_run_call(self._workspace_id, space_id, app_id, payload).with_options(options)
        )

    async def get_run(
        self, space_id: str, app_id: str, run_id: str, *, options: RequestOptions | None = None
    ) -> Run:
        """See :meth:`Apps.get_run`."""
        return await self._run(
            get_run_call(self._workspace_id, space_id, app_id, run_id).with_options(options)
        )
