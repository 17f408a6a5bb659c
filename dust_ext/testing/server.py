"""``EmulatorServer``: the emulator served by uvicorn in a background thread, for tests and scripts."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

import uvicorn
from starlette.applications import Starlette

from dust_ext.testing._faults import parse_faults
from dust_ext.testing._oauth import OAuthPair
from dust_ext.testing._sse import StreamDropped
from dust_ext.testing._state import EmulatorState
from dust_ext.testing._world import add_data_source, reset_state
from dust_ext.testing.app import DEFAULT_API_KEY, DEFAULT_WORKSPACE_ID, create_app

T = TypeVar("T")


def ensure_loopback(host: str) -> None:
    """Refuse to listen beyond this machine: the emulator has no real security."""
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"The Dust emulator only listens on loopback addresses, not {host!r}.")


class _HideInjectedDrops(logging.Filter):
    """uvicorn logs an exception when a body stream raises; an injected drop is intended, not an error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and _is_injected_drop(record.exc_info[1]))


def _is_injected_drop(exc: BaseException | None) -> bool:
    if isinstance(exc, StreamDropped):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return all(_is_injected_drop(inner) for inner in exc.exceptions)
    return exc is not None and _is_injected_drop(exc.__cause__ or exc.__context__)


_DROP_FILTER = _HideInjectedDrops()


class EmulatorServer:
    """A running emulator: ``with EmulatorServer() as server: httpx.get(server.base_url + ...)``.

    ``port=0`` picks a free port. ``faults`` is a run-wide fault spec (``dust_ext.testing._faults``),
    ``token_delay`` the pause between streamed tokens. The API key is kept out of ``repr``.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        workspace_id: str = DEFAULT_WORKSPACE_ID,
        api_key: str = DEFAULT_API_KEY,
        *,
        faults: str = "",
        token_delay: float = 0.0,
    ) -> None:
        ensure_loopback(host)
        self.host = host
        self.workspace_id = workspace_id
        self.api_key = api_key
        self.app: Starlette = create_app(workspace_id, api_key, faults=faults, token_delay=token_delay)
        self._requested_port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = port

    def __repr__(self) -> str:
        return f"EmulatorServer(base_url={self.base_url!r}, workspace_id={self.workspace_id!r})"

    @property
    def state(self) -> EmulatorState:
        """The emulator's in-memory world (workspaces, conversations, documents); touch it only through
        :meth:`call_in_loop`, from the server's event loop."""
        state: EmulatorState = self.app.state.emulator
        return state

    @property
    def base_url(self) -> str:
        """Where the emulator listens, e.g. ``http://127.0.0.1:8787``: the ``base_url`` of a DustConfig."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> EmulatorServer:
        """Start serving in a daemon thread and return once the socket accepts connections."""
        for name in ("uvicorn.error", "uvicorn"):
            logging.getLogger(name).addFilter(_DROP_FILTER)
        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self._requested_port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(target=server.run, name="dust-emulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("The Dust emulator did not start (is the port free?).")
            time.sleep(0.01)
        self.port = server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        """Stop serving and wait for the server thread (done by leaving the ``with`` block)."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def call_in_loop(self, function: Callable[[], T]) -> T:
        """Run ``function`` on the server's event loop (state is only touched from there) and return."""

        async def call() -> T:
            return function()

        loop: asyncio.AbstractEventLoop = self.app.state.loop
        return asyncio.run_coroutine_threadsafe(call(), loop).result(timeout=10)

    def open_gate(self, name: str) -> None:
        """Let agents waiting on ``gate=<name>`` continue."""
        self.call_in_loop(lambda: self.state.open_gate(name))

    def reset(self) -> None:
        """Forget conversations, files, documents, gates and fault counters (agents and keys stay)."""
        self.call_in_loop(lambda: reset_state(self.state))

    def issue_oauth_tokens(self, lifetime: int = 3600) -> OAuthPair:
        """A user's OAuth access token (a JWT expiring ``lifetime`` seconds from now; negative: already
        expired) and its refresh token, which ``POST /api/v1/auth/authenticate`` exchanges once for a new
        pair. The access token opens every workspace, as ``EMULATOR_ACCESS_TOKEN`` does, until it expires."""
        return self.call_in_loop(lambda: self.state.oauth.issue(lifetime))

    def expire_oauth_tokens(self) -> None:
        """Answer ``401 expired_oauth_token_error`` to every access token issued so far, whatever its
        ``exp`` says (as when the server's clock is ahead of the client's)."""
        self.call_in_loop(self.state.oauth.expire_all)

    @property
    def oauth_exchanges(self) -> int:
        """How many refresh tokens have been exchanged for a new pair."""
        return self.state.oauth.exchanges

    def requests(self) -> list[str]:
        """The API requests received since the last reset, as ``"METHOD /path"``, in order."""
        return self.call_in_loop(lambda: list(self.state.requests))

    def set_faults(self, spec: str) -> None:
        """Replace the run-wide fault spec (``""`` for none) and clear the fault counters."""
        faults = parse_faults(spec)

        def apply() -> None:
            self.state.config.faults = faults
            self.state.fault_counters.clear()

        self.call_in_loop(apply)

    def set_token_delay(self, seconds: float) -> None:
        """Set the pause between streamed tokens for the agent runs that start from now on."""
        self.call_in_loop(lambda: setattr(self.state.config, "token_delay", seconds))

    def add_data_source(self, data_source_id: str, name: str, space_id: str = "vlt_global") -> None:
        """Add an empty data source to a space of the workspace (the public API cannot)."""
        workspace = self.state.workspaces[self.workspace_id]
        self.call_in_loop(lambda: add_data_source(workspace, space_id, data_source_id, name))

    def write_counts(self, data_source_id: str) -> dict[str, int]:
        """How many writes the data source received since the last reset, by kind (``document.upsert``,
        ``document.delete``, ``folder.upsert``, ``folder.delete``, ``table.upsert``); kinds never written
        are absent."""
        from dust_ext.testing._data_state import knowledge_of

        workspace = self.state.workspaces[self.workspace_id]
        return self.call_in_loop(lambda: dict(knowledge_of(workspace).writes.get(data_source_id, {})))
