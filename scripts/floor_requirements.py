"""Prints the declared floor of every runtime dependency (and the emulator extra), one `name==version` a line.

Read from pyproject.toml, so `make test-floor` always tests the lowest versions the package claims to accept:
raising a floor in pyproject raises it here, and a dependency declared without a lower bound is an error (it
would have no floor to test).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
# The optional extras whose packages the fast tests import (the emulator serves them over loopback).
EXTRAS = ("emulator",)


def lower_bound(requirement: Requirement) -> str:
    bounds = [spec.version for spec in requirement.specifier if spec.operator in (">=", "==", "~=")]
    if len(bounds) != 1:
        raise SystemExit(
            f"{requirement}: expected exactly one lower bound (>=, == or ~=) to test as the floor"
        )
    return bounds[0]


def floor_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    project = tomllib.loads(pyproject.read_text())["project"]
    declared = list(project["dependencies"])
    for extra in EXTRAS:
        declared += project["optional-dependencies"][extra]
    pins = []
    for line in declared:
        requirement = Requirement(line)
        if requirement.name == project["name"]:  # an extra that includes another extra of this package
            continue
        pins.append(f"{requirement.name}=={lower_bound(requirement)}")
    return pins


def main() -> None:
    sys.stdout.write("".join(f"{pin}\n" for pin in floor_requirements()))


if __name__ == "__main__":
    main()
