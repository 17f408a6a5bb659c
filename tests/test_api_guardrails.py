"""Guardrails a maintainer trips on when Dust's API changes (README: "When Dust's API changes").

- A spec tag decides the generated package (``dust_api.api.<tag>``): a new or misspelt tag silently makes a
  new package, so tags must map to the checked-in list ``openapi/api-packages.txt``.
- Every spec operation has an emulator route, or is listed with its reason in
  ``dust_ext/testing/_coverage.py``: ``tests/test_emulator_conformance.py`` checks that one (the dust_ext
  wrapper side is ``tests/test_api_coverage.py``).
"""

from __future__ import annotations

from pathlib import Path

from openapi_python_client.strings import PythonIdentifier
from oracle_support import spec_operations

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "openapi" / "api-packages.txt"
GENERATED_API = ROOT / "generated" / "dust_api" / "api"


def listed_packages() -> set[str]:
    lines = PACKAGES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_spec_tag_generates_a_listed_package() -> None:
    tags = {tag for _, _, operation in spec_operations().values() for tag in operation.get("tags", [])}
    packages = {str(PythonIdentifier(value=tag, prefix="tag")) for tag in tags}
    assert packages - listed_packages() == set(), "a spec tag makes a new dust_api.api package"
    assert listed_packages() - packages == set(), "a listed package no longer has a tag"


def test_the_generated_packages_are_the_listed_ones() -> None:
    generated = {path.name for path in GENERATED_API.iterdir() if (path / "__init__.py").exists()}
    assert generated == listed_packages()
