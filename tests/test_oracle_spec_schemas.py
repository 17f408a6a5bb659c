"""Our spec accepts every answer the JS SDK's schemas allow: a spec stricter than Dust (a field declared
non-null that Dust may send as null, a required key Dust may omit, a closed enum) makes the generated client
reject real answers.

For each operation whose answer has a JS schema (the JS SDK's requests, and the type each handler declares
for its answer in ``openapi/upstream/dust-handlers.yaml``), payloads generated from that schema (the
edge-heavy variants of ``tests/test_oracle_models.py``) must validate against the success schema our spec
declares for the operation.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from oracle_support import (
    handlers,
    js_operations,
    js_schema_errors,
    known_divergence,
    spec,
    spec_json_schema,
    spec_operations,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from test_oracle_models import VARIANTS, payload


def _pairs() -> list[tuple[str, str]]:
    """(operationId, JS schema of its answer): from the JS SDK's requests and from the type each handler
    declares for its answer (openapi/upstream/dust-handlers.yaml)."""
    pairs = {
        (entry["operation"], entry["response_schema"])
        for entry in js_operations()["entries"]
        if entry.get("operation") and entry.get("response_schema")
    }
    pairs |= set(handlers()["response_schemas"].items())
    return sorted(pair for pair in pairs if pair[0] in spec_operations() and spec_json_schema(pair[0]))


PAIRS = _pairs()
# (operation, variants) our spec is known to reject (none today).
KNOWN: dict[str, set[str]] = {}


def _validator(operation_id: str) -> Draft202012Validator:
    resource = Resource.from_contents(spec(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:dust-api", resource)
    schema = _rebase(spec_json_schema(operation_id))
    return Draft202012Validator(schema, registry=registry)


def _rebase(value: Any) -> Any:
    """Point the spec's local ``#/components/...`` references at the registered spec."""
    if isinstance(value, dict):
        return {
            key: (f"urn:dust-api{item}" if key == "$ref" and isinstance(item, str) else _rebase(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rebase(item) for item in value]
    return value


def _cases() -> list[Any]:
    cases = []
    for operation_id, schema_name in PAIRS:
        for variant in VARIANTS:
            case_id = f"{operation_id}-{schema_name}-{variant}"
            if variant in KNOWN.get(operation_id, set()):
                cases.append(known_divergence(operation_id, schema_name, variant, id=case_id))
            else:
                cases.append(pytest.param(operation_id, schema_name, variant, id=case_id))
    return cases


@pytest.mark.parametrize(("operation_id", "schema_name", "variant"), _cases())
def test_the_spec_accepts_what_the_js_schema_allows(
    operation_id: str, schema_name: str, variant: str
) -> None:
    data = payload(schema_name, variant)
    assert js_schema_errors(schema_name, data) == []
    errors = sorted(_validator(operation_id).iter_errors(data), key=lambda error: list(error.absolute_path))
    problems = [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message[:200]}" for error in errors
    ]
    assert problems == []
