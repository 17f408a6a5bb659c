"""pytest fixtures for the Dust emulator; enable with ``pytest_plugins = ["dust_ext.testing.pytest_plugin"]``.

- ``dust_emulator`` (session): one running ``EmulatorServer`` with ``base_url``, ``workspace_id``,
  ``api_key``, ``open_gate``, ``set_faults``, ``reset``. State accumulates across tests.
- ``fresh_dust_emulator`` (function): the same server, reset before the test and with faults cleared after.

With pytest-recording installed (``pip install 'dust-python[recording]'``), tests marked
``@pytest.mark.vcr`` record and replay Dust traffic:

- ``vcr_config``: pytest-recording's settings, from :func:`dust_ext.testing.recording.dust_vcr_config`;
- ``dust_recording``: replaying (``--record-mode`` none, the default), sets placeholder ``DUST_*`` variables
  where missing; recording, ends event streams where the client must act.
- ``DUST_RECORD_MODE=once`` (or any pytest-recording mode) in the environment stands for ``--record-mode``.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# --- recording and replaying real Dust traffic (vcrpy + pytest-recording) -------------------------------


@dataclass(frozen=True)
class DustRecording:
    """How the current ``@pytest.mark.vcr`` test talks to Dust: ``record_mode`` as pytest-recording resolves
    it, and ``replaying`` (mode ``none``: every request is answered from the cassette or fails)."""

    record_mode: str
    replaying: bool


RECORD_MODE_VARIABLE = "DUST_RECORD_MODE"
"""Environment switch for pytest-recording's ``--record-mode`` (``DUST_RECORD_MODE=once pytest``); the
command-line option wins when both are given."""

_RECORD_MODES = ("once", "new_episodes", "none", "all", "rewrite")


def pytest_configure(config: pytest.Config) -> None:
    """Apply :data:`RECORD_MODE_VARIABLE` when pytest-recording is installed and no ``--record-mode`` was
    given."""
    mode = os.environ.get(RECORD_MODE_VARIABLE, "").strip()
    if not mode or not hasattr(config.option, "record_mode") or config.option.record_mode:
        return
    if mode not in _RECORD_MODES:
        raise pytest.UsageError(
            f"{RECORD_MODE_VARIABLE}={mode!r}: expected one of {', '.join(_RECORD_MODES)}"
        )
    config.option.record_mode = mode


def _record_mode(request: pytest.FixtureRequest) -> str:
    try:
        option = request.config.getoption("--record-mode")
    except ValueError:  # pytest-recording is not installed
        option = None
    if option:
        return str(option)
    for marker in request.node.iter_markers(name="vcr"):
        if "record_mode" in marker.kwargs:
            return str(marker.kwargs["record_mode"])
    return "none"


# pytest-recording shortens longer cassette names with a hash (file names are capped at 255 bytes).
_LONGEST_PLAIN_CASSETTE_NAME = 200
_MISSING_CASSETTE = pytest.StashKey[Path]()


def _missing_cassette(request: pytest.FixtureRequest) -> Path | None:
    """The cassette a replayed test would read, when it does not exist (None when it does, or when the
    test names its cassettes or records anyway)."""
    marker = request.node.get_closest_marker("vcr")
    if marker is None or marker.args:  # cassettes named in the marker: vcrpy reports those itself
        return None
    try:
        directory = Path(request.getfixturevalue("vcr_cassette_dir"))
        name = str(request.getfixturevalue("default_cassette_name"))
        config = dict(request.getfixturevalue("vcr_config"))
    except pytest.FixtureLookupError:  # pytest-recording is not installed
        return None
    if config.get("record_mode", "none") != "none" or len(name) > _LONGEST_PLAIN_CASSETTE_NAME:
        return None  # a conftest records anyway, or pytest-recording hashes the name: nothing to say here
    cassette = directory / f"{name}.{config.get('serializer', 'yaml')}"
    return None if cassette.exists() else cassette


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """A replayed test that fails without a cassette says how to record it: vcrpy's own error advises a
    record mode that pytest-recording does not default to."""
    outcome = yield
    cassette = item.stash.get(_MISSING_CASSETTE, None)
    report = outcome.get_result()  # pluggy's Result (an old-style wrapper: any pytest version)
    if cassette is None or call.when != "call" or not report.failed:
        return
    where = os.path.relpath(cassette, item.config.invocation_params.dir)
    report.sections.append(
        (
            "dust_ext: no cassette yet",
            f"This test has no cassette yet ({where}), and plain `pytest` only replays: each request it "
            "makes fails. Record it once against Dust, with DUST_WORKSPACE_ID and DUST_API_KEY set: "
            "`pytest --record-mode=once` (or DUST_RECORD_MODE=once), then commit the cassette. See the "
            "SDK's 'Test your Dust app offline' guide.",
        )
    )


@pytest.fixture
def dust_recording(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DustRecording]:
    """Prepares a test that records or replays Dust traffic (used by every ``@pytest.mark.vcr`` test).

    Replaying, it sets ``DUST_WORKSPACE_ID`` / ``DUST_API_KEY`` to placeholders where they are missing, so
    code that calls ``DustConfig.from_env()`` runs in CI without a key. Recording, event streams end where
    the client must act (:func:`dust_ext.testing.recording.cut_recorded_event_streams`).
    """
    from dust_ext.testing.recording import (
        cut_recorded_event_streams,
        missing_replay_environment,
        scrubbed_vcr_logs,
    )

    mode = _record_mode(request)
    replaying = mode == "none"
    if replaying:
        missing = _missing_cassette(request)
        if missing is not None:
            request.node.stash[_MISSING_CASSETTE] = missing
        for name, value in missing_replay_environment(os.environ).items():
            monkeypatch.setenv(name, value)
    with scrubbed_vcr_logs(), cut_recorded_event_streams():
        yield DustRecording(record_mode=mode, replaying=replaying)


@pytest.fixture(autouse=True)
def _dust_recording_for_vcr_tests(request: pytest.FixtureRequest) -> None:
    # Every @pytest.mark.vcr test gets the replay environment and the stream cuts, even when the user's
    # conftest overrides vcr_config. Order against pytest-recording's own fixtures does not matter: the
    # cuts sit below vcrpy's patches whenever they are installed.
    if request.node.get_closest_marker("vcr") is not None:
        request.getfixturevalue("dust_recording")


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """pytest-recording's configuration for Dust: no secret in cassettes, stable matching, streams that
    record and replay (:func:`dust_ext.testing.recording.dust_vcr_config`). Override it in your
    ``conftest.py`` to pass options::

        @pytest.fixture
        def vcr_config():
            return dust_vcr_config(mask_users=True)
    """
    from dust_ext.testing.recording import dust_vcr_config

    return dust_vcr_config()
