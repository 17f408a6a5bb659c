"""Every script in examples/ runs against the emulator with the DUST_* variables, as against real Dust."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dust_ext.testing import EmulatorServer

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))


def test_the_examples_are_there() -> None:
    # Without examples/ (an sdist that left it out) the test below would collect nothing and pass.
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_against_the_emulator(script: Path, fresh_dust_emulator: EmulatorServer) -> None:
    env = {
        **os.environ,
        "DUST_WORKSPACE_ID": fresh_dust_emulator.workspace_id,
        "DUST_API_KEY": fresh_dust_emulator.api_key,
        "DUST_BASE_URL": fresh_dust_emulator.base_url,
    }
    completed = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip()
    assert fresh_dust_emulator.api_key not in completed.stdout + completed.stderr
