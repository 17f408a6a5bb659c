"""pytest fixtures for the Dust emulator; enable with ``pytest_plugins = ["dust_ext.testing.pytest_plugin"]``.

- ``dust_emulator`` (session): one running ``EmulatorServer`` with ``base_url``, ``workspace_id``,
  ``api_key``, ``open_gate``, ``set_faults``, ``reset``. State accumulates across tests.
- ``fresh_dust_emulator`` (function): the same server, reset before the test and with faults cleared after.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dust_ext.testing.server import EmulatorServer


@pytest.fixture(scope="session")
def dust_emulator() -> Iterator[EmulatorServer]:
    """A Dust emulator serving on a free loopback port for the whole test session."""
    with EmulatorServer() as server:
        yield server


@pytest.fixture
def fresh_dust_emulator(dust_emulator: EmulatorServer) -> Iterator[EmulatorServer]:
    """The session emulator with empty state for this test; run-wide faults are cleared afterwards."""
    dust_emulator.reset()
    dust_emulator.set_faults("")
    dust_emulator.set_token_delay(0.0)
    yield dust_emulator
    dust_emulator.set_faults("")
    dust_emulator.set_token_delay(0.0)
