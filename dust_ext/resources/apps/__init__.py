"""``client.apps``: Dust apps and their runs. ``_async.py`` is generated from openapi/ (make generate) and
inherits the hand-written runs of ``_behaviour_async.py``; the blocking twins come from make unasync.

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

from dust_ext.exceptions import DustAppRunError
from dust_ext.resources.apps._async import AsyncApps, AsyncAppsWithRawResponse, AsyncAppsWithStreamingResponse
from dust_ext.resources.apps._sync import Apps, AppsWithRawResponse, AppsWithStreamingResponse
from dust_ext.resources.apps.calls import (
    AppRunStreamReader,
    credentials_flag,
    run_payload,
    stream_run_request,
)
from dust_ext.types.apps import App, AppDeployment

# Aliases: inside the resource classes `list` names the method, not the builtin.
AppList = list[App]
AppDeploymentList = list[AppDeployment]

__all__ = [
    "AppDeployment",
    "AppDeploymentList",
    "AppList",
    "AppRunStreamReader",
    "Apps",
    "AppsWithRawResponse",
    "AppsWithStreamingResponse",
    "AsyncApps",
    "AsyncAppsWithRawResponse",
    "AsyncAppsWithStreamingResponse",
    "DustAppRunError",
    "credentials_flag",
    "run_payload",
    "stream_run_request",
]
