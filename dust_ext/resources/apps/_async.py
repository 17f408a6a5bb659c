"""``client.apps``: list, export and check a space's Dust apps, run them (blocking, polled or streamed) and
read their runs (``_sync.py`` is generated from this file)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._async import AsyncStream
from dust_ext._streaming.session import SingleConnection
from dust_ext.events import AppRunEvent
from dust_ext.resources._base._async import (
    AsyncResource,
    async_stream_to_raw_response_wrapper,
    async_stream_to_streamed_response_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.apps.calls import (
    AppDeploymentList,
    AppList,
    AppRunStreamReader,
    check_call,
    create_run_call,
    export_call,
    get_run_call,
    list_apps_call,
    run_payload,
    stream_run_request,
)
from dust_ext.types.apps import Run


class AsyncApps(AsyncResource):
    """Dust apps of a space and their runs: ``client.apps``."""

    async def list(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """The apps of a space (``savedSpecification`` and ``savedConfig`` describe their current version)."""
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
        """Run an app on ``inputs``. With ``blocking=True`` the run comes back finished (``.results`` holds
        the output per input); otherwise it comes back running: poll :meth:`get_run` until
        ``run.finished``. ``block_filter`` limits the returned traces to those blocks.
        ``use_workspace_credentials`` is sent as Dust's query flag: True runs the app's model calls with
        the workspace's own provider keys (what matters for system keys, which otherwise use Dust's)."""
        payload = run_payload(specification_hash, config, inputs, blocking, block_filter)
        call = create_run_call(self._workspace_id, space_id, app_id, payload, use_workspace_credentials)
        return await self._run(call.with_options(options))

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
    ) -> AsyncStream[AppRunEvent]:
        """Run an app and yield its events as they happen (server-sent events): ``run_status`` (the first
        carries ``content.run_id``), per block ``block_status`` and ``block_execution`` (its outputs, per
        input), ``tokens`` from LLM blocks, and last ``final``; unknown types come as ``UnknownEvent``.
        With ``AsyncDustClient``, iterate with ``async for``.

        The request is sent when iteration starts, so request errors (unknown app, stale hash) are raised
        by the first ``next()``. An ``error`` event raises :class:`DustAppRunError`; a stream closing
        before ``final`` raises :class:`~dust_ext.DustConnectionError`. Breaking out of the loop closes
        the connection. To read the finished run (results, traces), pass the run id to :meth:`get_run`."""
        payload = run_payload(specification_hash, config, inputs, False, block_filter)
        path, params, body = stream_run_request(
            self._workspace_id, space_id, app_id, payload, use_workspace_credentials
        )
        connection: SingleConnection[AppRunEvent] = SingleConnection(
            "POST", path, AppRunStreamReader, params=params, json=body, options=options
        )
        return AsyncStream(self._client.http, connection, self._client.sleep)

    async def export(self, space_id: str, *, options: RequestOptions | None = None) -> AppList:
        """The apps of a space with what it takes to recreate them elsewhere (their specifications; the
        server may add fields such as datasets, kept in each app's ``model_extra``)."""
        return await self._run(export_call(self._workspace_id, space_id).with_options(options))

    async def check(
        self,
        space_id: str,
        apps: Sequence[Mapping[str, str]],
        *,
        options: RequestOptions | None = None,
    ) -> AppDeploymentList:
        """Which app versions a space has deployed: ``apps`` lists ``{"appId": ..., "appHash": ...}``
        (a specification hash), the answer says ``deployed`` for each."""
        return await self._run(check_call(self._workspace_id, space_id, apps).with_options(options))

    async def get_run(
        self, space_id: str, app_id: str, run_id: str, *, options: RequestOptions | None = None
    ) -> Run:
        """A run's current state (status, traces, results)."""
        return await self._run(
            get_run_call(self._workspace_id, space_id, app_id, run_id).with_options(options)
        )

    @cached_property
    def with_raw_response(self) -> AsyncAppsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncAppsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAppsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncAppsWithStreamingResponse(self)


class AsyncAppsWithRawResponse:
    """``client.apps.with_raw_response`` (``stream_run``: the stream's response, the request sent at once;
    ``parse()`` is the stream)."""

    def __init__(self, apps: AsyncApps) -> None:
        self.list = async_to_raw_response_wrapper(apps.list)
        self.run = async_to_raw_response_wrapper(apps.run)
        self.stream_run = async_stream_to_raw_response_wrapper(apps.stream_run)
        self.export = async_to_raw_response_wrapper(apps.export)
        self.check = async_to_raw_response_wrapper(apps.check)
        self.get_run = async_to_raw_response_wrapper(apps.get_run)


class AsyncAppsWithStreamingResponse:
    """``client.apps.with_streaming_response``."""

    def __init__(self, apps: AsyncApps) -> None:
        self.list = async_to_streamed_response_wrapper(apps.list)
        self.run = async_to_streamed_response_wrapper(apps.run)
        self.stream_run = async_stream_to_streamed_response_wrapper(apps.stream_run)
        self.export = async_to_streamed_response_wrapper(apps.export)
        self.check = async_to_streamed_response_wrapper(apps.check)
        self.get_run = async_to_streamed_response_wrapper(apps.get_run)
