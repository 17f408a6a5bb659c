"""The package builds as an sdist and a wheel, and the wheel works in a fresh virtual environment.

This is what a user gets from ``pip install``: both import packages (``dust_api`` from generated/,
``dust_ext``), the ``py.typed`` markers, the version, the licence, the index metadata and the ``dust``
console script, with the runtime dependencies resolved from the package index alone (no dev extras, no
source tree on the path).

The sdist is the source tree: it ships ``tests/``, so its tests must pass from it. Running the whole suite
from the unpacked sdist would double ``make test``; instead (about 40 s):

- the sdist holds every file git tracks except the CI entry point (so nothing a test reads is missing);
- pytest collects the same test ids from the unpacked sdist as from here (a test parametrized over files
  that are absent collects a lone ``NOTSET`` instead of one id per file, which is how ``test_examples``
  once ran nothing);
- the modules that read the documentation, the examples and the cassette example (``test_docs``,
  ``test_examples``, ``test_recording``), the ones the sdist used to break, run there and pass, importing
  ``dust_ext`` and ``dust_api`` from the sdist.

Slow (about a minute and a half), so marked ``slow``; ``make test`` runs it.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from dust_ext import __version__

ROOT = Path(__file__).resolve().parent.parent

# Tracked but not shipped: the CI entry point only runs `make test` from a clone.
NOT_IN_SDIST = (".ci/",)
# The test modules that read docs/, examples/, mkdocs.yml, CHANGELOG.md and README.md (see the docstring).
RUN_FROM_SDIST = ("tests/test_docs.py", "tests/test_examples.py", "tests/test_recording.py")

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
    assert f"dust_python-{__version__}.dist-info/licenses/LICENSE" in names

    with tarfile.open(sdists[0]) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {
        "README.md",
        "pyproject.toml",
        "openapi/dust-api.yaml",
        "generated/dust_api/__init__.py",
        "LICENSE",
        "CHANGELOG.md",
        "mkdocs.yml",
        "docs/index.md",
    } <= members
    assert any(member.startswith("examples/") and member.endswith(".py") for member in members)


def test_the_wheel_carries_the_licence_urls_and_classifiers(dist: Path) -> None:
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as wheel:
        metadata_name = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(wheel.read(metadata_name))
        licence = wheel.read(f"dust_python-{__version__}.dist-info/licenses/LICENSE").decode()
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert licence.startswith("MIT License")
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL", []))
    assert all(url.startswith("https://") for url in urls.values())
    assert urls["Dust"] == "https://dust.tt"
    classifiers = set(metadata.get_all("Classifier", []))
    assert {"Typing :: Typed", "Programming Language :: Python :: 3.11"} <= classifiers
    # requires-python and the version classifiers say the same thing.
    assert metadata["Requires-Python"] == ">=3.11"
    assert not any(c.startswith("Programming Language :: Python :: 3.10") for c in classifiers)


@pytest.fixture(scope="module")
def unpacked_sdist(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        sdist.extractall(out, filter="data")
    return out / f"dust_python-{__version__}"


def test_the_sdist_holds_every_tracked_file_but_ci(unpacked_sdist: Path) -> None:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs a git checkout to list the tracked files (the sdist itself is not one)")
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    tracked = {name for name in listed if (ROOT / name).is_file() and not name.startswith(NOT_IN_SDIST)}
    shipped = {
        path.relative_to(unpacked_sdist).as_posix() for path in unpacked_sdist.rglob("*") if path.is_file()
    }
    assert tracked - shipped == set()


def _pytest_from(tree: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    # This venv's interpreter (it has the dev extras), importing dust_ext and dust_api from `tree`.
    env = {name: value for name, value in os.environ.items() if not name.startswith(("DUST_", "PYTEST_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(tree), str(tree / "generated")])
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *arguments],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _collected_ids(tree: Path) -> list[str]:
    completed = _pytest_from(tree, "--collect-only")
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return [line for line in completed.stdout.splitlines() if "::" in line]


def test_the_sdist_collects_the_same_tests_and_its_file_reading_tests_pass(unpacked_sdist: Path) -> None:
    origin = subprocess.run(
        [sys.executable, "-c", "import dust_api, dust_ext; print(dust_ext.__file__, dust_api.__file__)"],
        cwd=unpacked_sdist,
        env={**os.environ, "PYTHONPATH": f"{unpacked_sdist}{os.pathsep}{unpacked_sdist / 'generated'}"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(unpacked_sdist) for path in origin)

    in_sdist = _collected_ids(unpacked_sdist)
    assert len(in_sdist) > 1000
    assert in_sdist == _collected_ids(ROOT)
    assert not [test_id for test_id in in_sdist if "NOTSET" in test_id]

    completed = _pytest_from(unpacked_sdist, "-x", *RUN_FROM_SDIST)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert " passed" in completed.stdout.splitlines()[-1]
    assert "skipped" not in completed.stdout.splitlines()[-1]


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
