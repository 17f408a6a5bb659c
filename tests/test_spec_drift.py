"""``make spec-drift`` (scripts/spec_drift.py): our spec against Dust's swagger and the JS SDK's schemas.

On the checked-in files its output is empty: every difference is listed in
``openapi/upstream/intended-divergences.yaml`` with its reason. A change on either upstream side (a new
operation, a new field, a new envelope key) is printed, and so is a listed difference that went away.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import spec_drift  # noqa: E402

INTENDED = ROOT / "openapi" / "upstream" / "intended-divergences.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = spec_drift.main(["--check", *argv])
    return code, capsys.readouterr().out.splitlines()


def test_nothing_is_printed_on_the_checked_in_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, [])


def test_every_listed_divergence_has_a_reason() -> None:
    listed: dict[str, Any] = yaml.safe_load(INTENDED.read_text(encoding="utf-8"))["divergences"]
    assert listed
    assert all(isinstance(reason, str) and len(reason) > 20 for reason in listed.values())


def test_a_new_js_field_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schemas = json.loads(spec_drift.DEFAULTS["js"].read_text(encoding="utf-8"))
    schemas["definitions"]["SpaceTypeSchema"]["properties"]["brandNewField"] = {"type": "string"}
    changed = tmp_path / "schemas.json"
    changed.write_text(json.dumps(schemas), encoding="utf-8")
    code, lines = run(capsys, "--js", str(changed))
    assert code == 1
    assert lines == ["js: fields only js: Space ~ SpaceTypeSchema: brandNewField"]


def test_a_new_envelope_key_and_operation_upstream_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    swagger = json.loads(spec_drift.DEFAULTS["upstream"].read_text(encoding="utf-8"))
    swagger["paths"]["/api/v1/w/{wId}/brand_new"] = {"get": {"responses": {}}}
    spaces = swagger["paths"]["/api/v1/w/{wId}/spaces"]["get"]["responses"]["200"]
    spaces["content"]["application/json"]["schema"]["properties"]["nextCursor"] = {"type": "string"}
    changed = tmp_path / "swagger.json"
    changed.write_text(json.dumps(swagger), encoding="utf-8")
    code, lines = run(capsys, str(changed))
    assert code == 1
    assert lines == [
        "swagger: operation only upstream: GET /api/v1/w/{}/brand_new",
        "swagger: envelope: GET /api/v1/w/{}/spaces: upstream ['nextCursor', 'spaces'], ours ['spaces']",
    ]


def test_a_difference_that_went_away_is_printed_as_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = yaml.safe_load(INTENDED.read_text(encoding="utf-8"))
    listed["divergences"]["swagger: operation only ours: GET /api/v1/w/{}/gone"] = "It used to differ."
    changed = tmp_path / "intended.yaml"
    changed.write_text(yaml.safe_dump(listed), encoding="utf-8")
    code, lines = run(capsys, "--intended", str(changed))
    assert code == 1
    assert lines == [
        "stale (no longer different, remove from the list): swagger: operation only ours: GET /api/v1/w/{}/gone"
    ]
