"""Every code block of README.md and docs/ runs against the emulator, so the documentation cannot rot.

The conventions (also stated in docs/contributing.md):

- A ```` ```python ```` block runs, unless the line before it is ``<!-- not-run: reason -->``. The blocks of
  one page run in order in one namespace (like a notebook: a later block may use the ``client`` an earlier
  one made), with ``DUST_WORKSPACE_ID`` / ``DUST_API_KEY`` / ``DUST_BASE_URL`` pointing at a fresh emulator.
- A ```` ```bash ```` block is shown only (``make``, ``export``, ``pip`` lines), unless the line before it is
  ``<!-- run: cli -->``: then every non-comment line is a ``dust ...`` command that must exit 0.
- Any other fence (``text``, ``console``, ``yaml``...) is shown only.

The public names of ``dust_ext`` carry docstrings (checked here too): they are what the API reference shows.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dust_ext.testing import EmulatorServer

ROOT = Path(__file__).resolve().parent.parent
DUST_CLI = Path(sys.executable).parent / "dust"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)(?P<lang>[\w+-]*)\s*$")
_MARKER = re.compile(r"^<!--\s*(?P<kind>not-run|run):\s*(?P<what>.*?)\s*-->$")


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page: its language, code, first code line (1-based) and marker."""

    path: Path
    lang: str
    code: str
    line: int
    marker: tuple[str, str] | None

    @property
    def runs(self) -> bool:
        if self.lang == "python":
            return self.marker is None or self.marker[0] != "not-run"
        if self.lang in ("bash", "sh", "shell"):
            return self.marker == ("run", "cli")
        return False


def blocks_of(path: Path) -> list[Block]:
    """The fenced blocks of a markdown page, with the ``<!-- ... -->`` marker on the line before each."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        previous = next((text.strip() for text in reversed(lines[:index]) if text.strip()), "")
        marker_match = _MARKER.match(previous)
        marker = (marker_match["kind"], marker_match["what"]) if marker_match else None
        body: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            body.append(lines[index][indent:])
            index += 1
        start = index - len(body) + 1
        found.append(Block(path, opening["lang"].lower(), "\n".join(body) + "\n", start, marker))
        index += 1
    return found


def test_block_parser_reads_languages_markers_and_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n```python\nx = 1\n```\n\n<!-- not-run: needs real Dust -->\n```python\nboom()\n```\n\n"
        "<!-- run: cli -->\n```bash\ndust agents list\n```\n\n```bash\nmake test\n```\n\n"
        "- item\n\n  ```python\n  y = 2\n  ```\n",
        encoding="utf-8",
    )
    blocks = blocks_of(page)
    assert [(b.lang, b.code, b.line, b.runs) for b in blocks] == [
        ("python", "x = 1\n", 4, True),
        ("python", "boom()\n", 9, False),
        ("bash", "dust agents list\n", 14, True),
        ("bash", "make test\n", 18, False),
        ("python", "y = 2\n", 24, True),
    ]
    assert blocks[1].marker == ("not-run", "needs real Dust")


def _page_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _emulator_env(server: EmulatorServer) -> dict[str, str]:
    return {
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_API_KEY": server.api_key,
        "DUST_BASE_URL": server.base_url,
    }


@contextlib.contextmanager
def _dust_env(monkeypatch: pytest.MonkeyPatch, server: EmulatorServer) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("DUST_"):
            monkeypatch.delenv(name)
    for name, value in _emulator_env(server).items():
        monkeypatch.setenv(name, value)
    yield


def _run_python(block: Block, namespace: dict[str, Any]) -> str:
    # Padding keeps the page's line numbers, so a traceback points at README.md:<line>.
    source = "\n" * (block.line - 1) + block.code
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(source, str(block.path), "exec"), namespace)
    return output.getvalue()


def _run_cli(block: Block, env: dict[str, str]) -> str:
    printed = []
    for offset, text in enumerate(block.code.splitlines()):
        command = text.split(" #", 1)[0].strip()
        if not command or command.startswith("#"):
            continue
        argv = shlex.split(command)
        assert argv[0] == "dust", (
            f"{block.path}:{block.line + offset}: a `run: cli` block holds dust commands"
        )
        completed = subprocess.run(
            [str(DUST_CLI), *argv[1:]],
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        where = f"{block.path.name}:{block.line + offset}: {command}"
        assert completed.returncode == 0, f"{where}\n{completed.stdout}\n{completed.stderr}"
        printed.append(completed.stdout)
    return "".join(printed)


RUNNABLE_PAGES = [page for page in PAGES if any(block.runs for block in blocks_of(page))]


def test_the_guides_have_runnable_code() -> None:
    runnable = {_page_id(page) for page in RUNNABLE_PAGES}
    assert {"README.md", "docs/index.md", "docs/chat.md", "docs/migration.md", "docs/cli.md"} <= runnable


@pytest.mark.parametrize("page", RUNNABLE_PAGES, ids=_page_id)
def test_code_blocks_run_against_the_emulator(
    page: Path, fresh_dust_emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = [block for block in blocks_of(page) if block.runs]
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    env = _emulator_env(fresh_dust_emulator)
    with _dust_env(monkeypatch, fresh_dust_emulator):
        for block in blocks:
            printed = _run_python(block, namespace) if block.lang == "python" else _run_cli(block, env)
            assert fresh_dust_emulator.api_key not in printed, f"{block.path}:{block.line} prints the API key"
    for value in namespace.values():
        close = getattr(value, "close", None)
        if type(value).__name__ == "DustClient" and callable(close):
            close()


def test_the_readme_streaming_block_prints_the_reply_once(
    fresh_dust_emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = [block for block in blocks_of(ROOT / "README.md") if block.lang == "python" and block.runs]
    quickstart = next(block for block in blocks if "DustClient(DustConfig.from_env())" in block.code)
    streaming = next(block for block in blocks if "text_stream" in block.code and "async" not in block.code)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    with _dust_env(monkeypatch, fresh_dust_emulator):
        _run_python(quickstart, namespace)
        printed = _run_python(streaming, namespace)
        reply = namespace["response"].text
        namespace["client"].close()
    assert reply
    assert printed.count(reply) == 1
    assert printed.splitlines()[0] == reply


def test_every_page_is_in_the_site_navigation() -> None:
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md")]
    assert pages
    assert [page for page in pages if page not in mkdocs] == []


def test_not_run_markers_give_a_reason() -> None:
    for page in PAGES:
        for block in blocks_of(page):
            if block.marker is not None:
                assert block.marker[1], f"{page}:{block.line}: say why the block is not run"
                assert block.marker in {("run", "cli")} or block.marker[0] == "not-run"


# --- every resource has a guide section and a reference page ----------------------------------------------

_HEADING = re.compile(r"^#{1,6} (?P<title>.+)$")


def _client_resources() -> dict[str, tuple[str, str]]:
    """``client.<name>`` → (module, class name) of each resource of DustClient."""
    from dust_ext._client import DustClient, LazyResource

    return {
        name: (value._module, value._class_name)
        for name, value in vars(DustClient).items()
        if isinstance(value, LazyResource)
    }


def test_the_resource_list_is_read_from_the_client() -> None:
    resources = _client_resources()
    assert {"agents", "chat", "triggers", "mentions", "workspace"} <= set(resources)
    assert resources["triggers"] == ("dust_ext.resources.triggers", "Triggers")


@pytest.mark.parametrize("resource", sorted(_client_resources()))
def test_every_resource_has_a_guide_section_and_a_reference_page(resource: str) -> None:
    module, class_name = _client_resources()[resource]
    guides = [page for page in (ROOT / "docs").glob("*.md")]
    naming = re.compile(rf"`client\.{resource}(`|\.|\()")
    sections = [
        f"{page.name}: {match['title']}"
        for page in guides
        for line in page.read_text(encoding="utf-8").splitlines()
        if (match := _HEADING.match(line)) and naming.search(match["title"])
    ]
    assert sections, f"no guide heading in docs/*.md names `client.{resource}`"
    directive = f"::: {module}.{class_name}"
    references = [
        page.name
        for page in (ROOT / "docs" / "reference").glob("*.md")
        if directive in page.read_text(encoding="utf-8").splitlines()
    ]
    assert references, f"no page of docs/reference/ has `{directive}`"


# --- docstrings on the public surface ----------------------------------------------------------------------

PUBLIC_MODULES = [
    "dust_ext",
    "dust_ext.actions",
    "dust_ext.cli",
    "dust_ext.resources.mentions",
    "dust_ext.resources.triggers",
    "dust_ext.resources.skills",
    "dust_ext.resources.workspace",
    "dust_ext.config",
    "dust_ext.exceptions",
    "dust_ext.events",
    "dust_ext.chat",
    "dust_ext.testing",
    "dust_ext.testing.recording",
    "dust_ext.resources.agents",
    "dust_ext.resources.conversations",
    "dust_ext.resources.chat",
    "dust_ext.resources.data_sources",
    "dust_ext.resources.files",
    "dust_ext.resources.search",
    "dust_ext.resources.spaces",
    "dust_ext.resources.apps",
    "dust_ext.resources.mcp",
    "dust_ext.resources.tools",
    "dust_ext.mcp",
    "dust_ext.batch",
    "dust_ext.batch.models",
    "dust_ext.resources.batch",
    "dust_ext.sync",
    "dust_ext.sync.models",
]


def _public_names(module: Any) -> list[str]:
    if hasattr(module, "__all__"):
        return [name for name in module.__all__ if not name.startswith("_")]
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and inspect.isclass(value)
        and value.__module__ == module.__name__
        and not name.endswith("Calls")
    ]


def _undocumented() -> Iterator[str]:
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        if not (module.__doc__ or "").strip():
            yield module_name
        for name in _public_names(module):
            value = getattr(module, name)
            if not (inspect.isclass(value) or inspect.isfunction(value)):
                continue
            if not (value.__doc__ or "").strip():
                yield f"{module_name}.{name}"
            if not inspect.isclass(value):
                continue
            for attribute, member in vars(value).items():
                if attribute.startswith("_"):
                    continue
                function = (
                    member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                )
                if inspect.isfunction(function) and not (function.__doc__ or "").strip():
                    yield f"{module_name}.{name}.{attribute}"


def test_public_names_have_docstrings() -> None:
    assert list(_undocumented()) == []


def _changelog_sections() -> dict[str, list[list[str]]]:
    """The entries of each release of CHANGELOG.md (a release: its ``## [...]`` heading line)."""
    sections: dict[str, list[list[str]]] = {}
    entries: list[list[str]] = []
    for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            entries = sections.setdefault(line, [])
        elif line.startswith("- "):
            entries.append([line])
        elif line.startswith("  ") and entries:
            entries[-1].append(line)
    return sections


def test_no_changelog_entry_is_listed_twice_in_a_release() -> None:
    # A merge that takes both sides of a CHANGELOG conflict repeats entries; the reader gets them twice.
    for release, entries in _changelog_sections().items():
        texts = ["\n".join(entry) for entry in entries]
        repeated = sorted({text.splitlines()[0][:80] for text in texts if texts.count(text) > 1})
        assert repeated == [], f"{release} lists these entries more than once: {repeated}"
    assert "## [Unreleased]" in _changelog_sections()
