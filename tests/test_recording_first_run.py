"""The docs example before its first recording: plain ``pytest`` fails at once, naming the missing cassette
and the command that records it (not vcrpy's advice about a record mode pytest-recording does not use)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "offline_testing"


def _pytest(directory: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    without_dust = {name: value for name, value in os.environ.items() if not name.startswith("DUST_")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "pytest_recording.plugin",
            *arguments,
        ],
        cwd=directory,
        env={**without_dust, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_plain_pytest_before_the_first_recording_says_how_to_record(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "cassettes"))
    first = _pytest(project, "--block-network")
    assert first.returncode == 1, first.stdout + first.stderr
    output = " ".join(first.stdout.split())
    assert "dust_ext: no cassette yet" in output
    assert "has no cassette yet (cassettes/test_support_bot/test_triage_reads_the_ticket.yaml)" in output
    assert "`pytest --record-mode=once`" in output
    assert not (project / "cassettes").exists()


def test_a_vcr_test_making_no_request_needs_no_cassette(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "cassettes"))
    (project / "test_offline_only.py").write_text(
        "import pytest\n\n\n@pytest.mark.vcr\ndef test_no_request() -> None:\n    assert True\n"
    )
    quiet = _pytest(project, "--block-network", "test_offline_only.py")
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr


def test_a_cassette_named_in_the_marker_is_left_to_vcrpy(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "cassettes"))
    test_file = project / "test_support_bot.py"
    test_file.write_text(
        test_file.read_text().replace("@pytest.mark.vcr\n", '@pytest.mark.vcr("other.yaml")\n')
    )
    named = _pytest(project, "--block-network")
    assert named.returncode == 1
    assert "no cassette yet" not in named.stdout
