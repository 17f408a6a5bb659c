"""The package builds as an sdist and a wheel, and the wheel works in a fresh virtual environment.

This is what a user gets from ``pip install``: both import packages (``dust_api`` from generated/,
``dust_ext``), the ``py.typed`` markers, the version, and the ``dust`` console script, with the runtime
dependencies resolved from the package index alone (no dev extras, no source tree on the path).
Slow (about a minute: a build, a venv, a pip install), so marked ``slow``; ``make test`` runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from dust_ext import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    # Outside the repository and without PYTHONPATH, so imports can only come from the installed wheel.
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env = {name: value for name, value in env.items() if not name.startswith("DUST_")}
    completed = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert completed.returncode == 0, f"{command}\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)], cwd=out)
    return out


def test_build_makes_an_sdist_and_a_wheel_of_this_version(dist: Path) -> None:
    wheels = list(dist.glob("*.whl"))
    sdists = list(dist.glob("*.tar.gz"))
    assert [w.name for w in wheels] == [f"dust_python-{__version__}-py3-none-any.whl"]
    assert [s.name for s in sdists] == [f"dust_python-{__version__}.tar.gz"]

    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        scripts = wheel.read(entry_points).decode()
    assert {
        "dust_ext/__init__.py",
        "dust_ext/py.typed",
        "dust_api/__init__.py",
        "dust_api/client.py",
    } <= names
    assert not any(name.startswith(("tests/", "generated/", "examples/")) for name in names)
    assert "dust = dust_ext.cli:main" in scripts

    with tarfile.open(sdists[0]) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {
        "README.md",
        "pyproject.toml",
        "openapi/dust-api.yaml",
        "generated/dust_api/__init__.py",
    } <= members


def test_the_wheel_installs_into_a_fresh_venv_and_works(dist: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path)

    imported = _run(
        [
            str(python),
            "-c",
            "import dust_api, dust_ext; from dust_api.api.agents import list_agent_configurations; "
            "print(dust_ext.__version__, dust_ext.__file__, dust_api.__file__)",
        ],
        cwd=tmp_path,
    )
    version, ext_file, api_file = imported.stdout.split()
    assert version == __version__
    assert Path(ext_file).is_relative_to(environment)
    assert Path(api_file).is_relative_to(environment)

    help_text = _run([str(environment / "bin" / "dust"), "--help"], cwd=tmp_path).stdout
    assert "chat" in help_text
    assert "agents" in help_text

    # The core install has no MCP SDK: `dust mcp serve` says which extra to install.
    missing_extra = subprocess.run(
        [str(environment / "bin" / "dust"), "mcp", "serve", "--agent", "dust"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing_extra.returncode == 2
    assert "pip install 'dust-python[mcp]'" in missing_extra.stderr
