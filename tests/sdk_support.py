"""Fixtures for testing the SDK against the emulator, sync and async with one test body.

``dust`` is parametrized over ``"sync"`` (a :class:`DustClient`) and ``"async"`` (an
:class:`AsyncDustClient` driven through a blocking portal), so each test proves both clients.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from dust_ext import AsyncDustClient, DustClient, DustConfig, RetryPolicy
from dust_ext.testing import EmulatorServer

NO_WAIT = RetryPolicy(max_retries=3, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0)


def emulator_config(server: EmulatorServer, **overrides: Any) -> DustConfig:
    values: dict[str, Any] = {
        "workspace_id": server.workspace_id,
        "api_key": server.api_key,
        "base_url": server.base_url,
        "timeout": 10.0,
        "default_username": "peter",
        "default_timezone": "Europe/Paris",
    }
    values.update(overrides)
    return DustConfig(**values)


class Blocking:
    """Calls an async object's coroutine methods through a portal, so async clients run sync test bodies."""

    def __init__(self, target: Any, portal: BlockingPortal) -> None:
        self._target = target
        self._portal = portal

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._target, name)
        if inspect.iscoroutinefunction(attribute) or (
            callable(attribute) and inspect.iscoroutinefunction(getattr(attribute, "__wrapped__", None))
        ):
            return lambda *args, **kwargs: self._portal.call(functools.partial(attribute, *args, **kwargs))
        if hasattr(attribute, "_client") or type(attribute).__name__.startswith("Async"):
            return Blocking(attribute, self._portal)
        return attribute


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def dust(
    request: pytest.FixtureRequest, fresh_dust_emulator: EmulatorServer, portal: BlockingPortal
) -> Iterator[Any]:
    """A client on a fresh emulator: the sync client, then the async one behind a blocking facade."""
    config = emulator_config(fresh_dust_emulator)
    if request.param == "sync":
        with DustClient(config, retry_policy=NO_WAIT) as client:
            yield client
    else:
        client_async = portal.call(_make_async_client, config)
        yield Blocking(client_async, portal)
        portal.call(client_async.close)


async def _make_async_client(config: DustConfig) -> AsyncDustClient:
    return AsyncDustClient(config, retry_policy=NO_WAIT)
