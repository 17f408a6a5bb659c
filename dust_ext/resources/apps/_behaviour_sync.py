# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.apps`` (``_behaviour_sync.py`` is generated from this file); the
generated ``AsyncApps`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml with the reason it
is not generated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dust_ext._core.request import RequestOptions
from dust_ext._streaming._sync import Stream
from dust_ext._streaming.flow import StreamRequest
from dust_ext._streaming.session import SingleConnection
from dust_ext.events import AppRunEvent
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.apps.calls import (
    AppRunStreamReader,
    run_payload,
    stream_run_request,
)


class AppsBehaviour(Resource):
    """``client.apps``' streamed run."""

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
    ) -> Stream[AppRunEvent]:
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
        request = StreamRequest("POST", path, json=body)
        connection: SingleConnection[AppRunEvent] = SingleConnection(
            request, AppRunStreamReader, params, options
        )
        return Stream(self._client.http, connection, self._client.sleep)
