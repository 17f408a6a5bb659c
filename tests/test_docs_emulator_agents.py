"""The README and the testing guide list the emulator's scripted agents as the emulator has them: every
agent a workspace starts with, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from dust_ext.testing._agents import AGENT_CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
EMULATOR_AGENTS = {sid for sid, *_ in AGENT_CATALOGUE}


def test_the_readme_lists_every_emulator_agent() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"with scripted agents \(([^)]*)\)", readme)
    assert match is not None, "README: the emulator's agent list moved; update this test"
    listed = re.findall(r"`([^`]+)`", match.group(1))
    assert len(listed) == len(set(listed))
    assert set(listed) == EMULATOR_AGENTS


def test_the_testing_guide_describes_every_emulator_agent() -> None:
    guide = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    section = guide.split("## Scripted agents", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    listed = [name for row in rows for name in re.findall(r"`([^`]+)`", row.split("|")[1])]
    assert set(listed) == EMULATOR_AGENTS
    assert len(listed) == len(set(listed))
