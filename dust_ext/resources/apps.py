"""``client.apps``: Dust apps and their runs.

A *Dust app* is a programmable workflow of blocks (LLM calls, code, data source searches…) kept in a
space. Running one needs the hash of the specification to run (``specification_hash``, which pins the
version, so an app edited in the meantime does not change what the API runs), a ``config`` (per-block
settings, e.g. which model a block uses) and ``inputs`` (one object per input; the app runs once per input).
A run is *blocking* (the call returns when it ends), not (poll :meth:`Apps.get_run`), or *streamed*
(:meth:`Apps.stream_run` yields the run's events — block statuses, block outputs, LLM tokens — as they
happen, ending with ``final``).

Apps are also synced between workspaces: :meth:`Apps.export` reads a space's apps with their
specifications, :meth:`Apps.check` tells which ``(appId, appHash)`` versions a space has deployed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any

from dust_api.api.apps import check_apps, create_app_run, export_apps, get_app_run, list_apps
from dust_api.models import CheckAppsBody, CreateAppRunBody, CreateAppRunUseWorkspaceCredentials
from dust_api.types import UNSET, Unset

from dust_ext._http import RequestOptions
from dust_ext._models import DustModel
from dust_ext._sse import ServerSentEvent
from dust_ext._streaming import aiter_messages, aopen_stream, iter_messages, open_stream
from dust_ext.data_sources.models import App, Run
from dust_ext.events import AppRunErrorEvent, AppRunEvent, AppRunFinalEvent, parse_app_run_event
from dust_ext.exceptions import DustAppRunError, DustConnectionError
from dust_ext.resources._base import (
    AsyncResource,
    Call,
    Resource,
    field_of,
    generated_call,
    generated_kwargs,
    list_of,
)

AppList = list[App]


class AppDeployment(DustModel):
    """Whether a space has deployed one version of an app (one answer of :meth:`Apps.check`):
    ``deployed`` is true when the app exists there with the specification whose hash is ``appHash``."""

    appId: str
    appHash: str
    deployed: bool


AppDeploymentList = list[AppDeployment]


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


def credentials_flag(use_workspace_credentials: bool | None) -> CreateAppRunUseWorkspaceCredentials | Unset:
    """The ``use_workspace_credentials`` query value Dust reads (the string "true" or "false"); omitted
    when the caller leaves it to Dust's default."""
    if use_workspace_credentials is None:
        return UNSET
    return CreateAppRunUseWorkspaceCredentials("true" if use_workspace_credentials else "false")


def create_run_call(
    workspace_id: str,
    space_id: str,
    app_id: str,
    payload: dict[str, Any],
    use_workspace_credentials: bool | None = None,
) -> Call[Run]:
    return generated_call(
        create_app_run,
        field_of(Run, "run"),
        w_id=workspace_id,
        space_id=space_id,
        a_id=app_id,
        body=CreateAppRunBody.from_dict(payload),
        use_workspace_credentials=credentials_flag(use_workspace_credentials),
    )


def stream_run_request(
    workspace_id: str,
    space_id: str,
    app_id: str,
    payload: dict[str, Any],
    use_workspace_credentials: bool | None = None,
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The path, query and JSON body of a streamed run: the generated ``createAppRun`` request with
    ``stream: true`` (and ``blocking: false``, as the official JS client sends it)."""
    streamed = {**payload, "stream": True, "blocking": False}
    kwargs: dict[str, Any] = generated_kwargs(
        create_app_run,
        w_id=workspace_id,
        space_id=space_id,
        a_id=app_id,
        body=CreateAppRunBody.from_dict(streamed),
        use_workspace_credentials=credentials_flag(use_workspace_credentials),
    )
    return str(kwargs["url"]), dict(kwargs.get("params") or {}), dict(kwargs["json"])


class AppRunStreamReader:
    """Sans-IO reading of a streamed run's SSE frames: typed events, the run id, and where the stream ends.

    Frames carry ``{"type": ..., "content": {...}}`` (no event id: a streamed run cannot be resumed). The
    stream is over at the ``final`` event; an ``error`` event raises :class:`DustAppRunError`, and a stream
    that closes before ``final`` raises :class:`~dust_ext.DustConnectionError` (the run may still be going
    on server-side: read it with :meth:`Apps.get_run` and :attr:`run_id`).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.run_id: str | None = None
        self.finished = False

    def read(self, sse: ServerSentEvent) -> AppRunEvent | None:
        """The event of one frame (``None`` for frames carrying none); raises on ``error`` events."""
        event = parse_app_run_event(sse.data.strip())
        if event is None:
            return None
        run_id = getattr(getattr(event, "content", None), "run_id", None)
        if self.run_id is None and isinstance(run_id, str):
            self.run_id = run_id
        if isinstance(event, AppRunErrorEvent):
            self.finished = True
            raise DustAppRunError(event.content.message, code=event.content.code, run_id=self.run_id)
        if isinstance(event, AppRunFinalEvent):
            self.finished = True
        return event

    def end(self) -> None:
        """Called when the connection closes: raises unless the ``final`` event came."""
        if not self.finished:
            run = f" (run {self.run_id})" if self.run_id else ""
            raise DustConnectionError(
                f"the app run stream closed before its final event{run}", method="POST", url=self.url
            )


def export_call(workspace_id: str, space_id: str) -> Call[AppList]:
    return generated_call(export_apps, list_of(App, "apps"), w_id=workspace_id, space_id=space_id)


def check_call(
    workspace_id: str, space_id: str, apps: Sequence[Mapping[str, str]]
) -> Call[AppDeploymentList]:
    if isinstance(apps, Mapping):
        raise TypeError('apps= is a list of {"appId": ..., "appHash": ...} objects, not a single mapping')
    body = CheckAppsBody.from_dict({"apps": [dict(app) for app in apps]})
    return generated_call(
        check_apps, list_of(AppDeployment, "apps"), w_id=workspace_id, space_id=space_id, body=body
    )


def get_run_call(workspace_id: str, space_id: str, app_id: str, run_id: str) -> Call[Run]:
    return generated_call(
        get_app_run, field_of(Run, "run"), w_id=workspace_id, space_id=space_id, a_id=app_id, run_id=run_id
    )


class Apps(Resource):
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
        use_workspace_credentials: bool | None = None,
        options: RequestOptions | None = None,
    ) -> Run:
        """Run an app on ``inputs``. With ``blocking=True`` the run comes back finished (``.results`` holds
        the output per input); otherwise it comes back running: poll :meth:`get_run` until
        ``run.finished``. ``block_filter`` limits the returned traces to those blocks.
        ``use_workspace_credentials`` is sent as Dust's query flag: True runs the app's model calls with
        the workspace's own provider keys (what matters for system keys, which otherwise use Dust's)."""
        payload = run_payload(specification_hash, config, inputs, blocking, block_filter)
        call = create_run_call(self._workspace_id, space_id, app_id, payload, use_workspace_credentials)
        return self._run(call.with_options(options))

    def stream_run(
        self,
        space_id: str,
        app_id: str,
        *,
        specification_hash: str,
        config: Mapping[str, Any],
        inputs: Sequence[Mapping[str, Any]],
        block_filter: Sequence[str] | None = None,
        use_workspace_credentials: bool | None = None,
        options: RequestOptions | None = None,
    ) -> Iterator[AppRunEvent]:
        """Run an app and yield its events as they happen (server-sent events): ``run_status`` (the first
        carries ``content.run_id``), per block ``block_status`` and ``block_execution`` (its outputs, per
        input), ``tokens`` from LLM blocks, and last ``final``; unknown types come as ``UnknownEvent``.

        The request is sent when iteration starts, so request errors (unknown app, stale hash) are raised
        by the first ``next()``. An ``error`` event raises :class:`DustAppRunError`; a stream closing
        before ``final`` raises :class:`~dust_ext.DustConnectionError`. Breaking out of the loop closes
        the connection. To read the finished run (results, traces), pass the run id to :meth:`get_run`."""
        payload = run_payload(specification_hash, config, inputs, False, block_filter)
        path, params, body = stream_run_request(
            self._workspace_id, space_id, app_id, payload, use_workspace_credentials
        )
        with open_stream(
            self._client.http, "POST", path, json=body, params=params, options=options
        ) as response:
            reader = AppRunStreamReader(str(response.request.url))
            for sse in iter_messages(response.iter_bytes(), method="POST", url=reader.url):
                event = reader.read(sse)
                if event is not None:
                    yield event
                if reader.finished:
                    return
            reader.end()

    def export(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """The apps of a space with what it takes to recreate them elsewhere (their specifications; the
        server may add fields such as datasets, kept in each app's ``model_extra``)."""
        return self._run(export_call(self._workspace_id, space_id).with_options(options))

    def check(
        self,
        space_id: str,
        apps: Sequence[Mapping[str, str]],
        *,
        options: RequestOptions | None = None,
    ) -> AppDeploymentList:
        """Which app versions a space has deployed: ``apps`` lists ``{"appId": ..., "appHash": ...}``
        (a specification hash), the answer says ``deployed`` for each."""
        return self._run(check_call(self._workspace_id, space_id, apps).with_options(options))

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
        use_workspace_credentials: bool | None = None,
        options: RequestOptions | None = None,
    ) -> Run:
        """See :meth:`Apps.run`."""
        payload = run_payload(specification_hash, config, inputs, blocking, block_filter)
        call = create_run_call(self._workspace_id, space_id, app_id, payload, use_workspace_credentials)
        return await self._run(call.with_options(options))

    async def stream_run(
        self,
        space_id: str,
        app_id: str,
        *,
        specification_hash: str,
        config: Mapping[str, Any],
        inputs: Sequence[Mapping[str, Any]],
        block_filter: Sequence[str] | None = None,
        use_workspace_credentials: bool | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncIterator[AppRunEvent]:
        """See :meth:`Apps.stream_run` (use ``async for``)."""
        payload = run_payload(specification_hash, config, inputs, False, block_filter)
        path, params, body = stream_run_request(
            self._workspace_id, space_id, app_id, payload, use_workspace_credentials
        )
        async with aopen_stream(
            self._client.http, "POST", path, json=body, params=params, options=options
        ) as response:
            reader = AppRunStreamReader(str(response.request.url))
            async for sse in aiter_messages(response.aiter_bytes(), method="POST", url=reader.url):
                event = reader.read(sse)
                if event is not None:
                    yield event
                if reader.finished:
                    return
            reader.end()

    async def export(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """See :meth:`Apps.export`."""
        return await self._run(export_call(self._workspace_id, space_id).with_options(options))

    async def check(
        self,
        space_id: str,
        apps: Sequence[Mapping[str, str]],
        *,
        options: RequestOptions | None = None,
    ) -> AppDeploymentList:
        """See :meth:`Apps.check`."""
        return await self._run(check_call(self._workspace_id, space_id, apps).with_options(options))

    async def get_run(
        self, space_id: str, app_id: str, run_id: str, *, options: RequestOptions | None = None
    ) -> Run:
        """See :meth:`Apps.get_run`."""
        return await self._run(
            get_run_call(self._workspace_id, space_id, app_id, run_id).with_options(options)
        )
