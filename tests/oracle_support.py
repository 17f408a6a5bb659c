"""The outside sources of truth the oracle tests read, and the helpers they share.

- ``openapi/upstream/dust-js-sdk-<version>.schemas.json``: the official JS SDK's zod schemas as JSON Schema
  (``make js-sdk-schemas`` refreshes it; nobody here wrote those schemas).
- ``openapi/upstream/dust-js-sdk-<version>.operations.yaml``: the requests the JS SDK sends and the schema
  it parses each answer with.
- ``openapi/upstream/dust-handlers.yaml``: Dust's own handlers (status and envelope keys of each success).
- ``openapi/upstream/intended-divergences.yaml``: where our spec differs from Dust's swagger or the JS
  schemas on purpose, each with its reason (``make spec-drift`` reads it too).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "openapi" / "upstream"
SPEC_PATH = ROOT / "openapi" / "dust-api.yaml"
JS_SDK_VERSION = "1.2.8"
JS_SCHEMAS_PATH = UPSTREAM / f"dust-js-sdk-{JS_SDK_VERSION}.schemas.json"
JS_OPERATIONS_PATH = UPSTREAM / f"dust-js-sdk-{JS_SDK_VERSION}.operations.yaml"
HANDLERS_PATH = UPSTREAM / "dust-handlers.yaml"

# A divergence another change is fixing: a test that finds it is an expected failure, strict, so it starts
# passing loudly once that change lands and the mark must go. (Branch `divergences` fixed the first batch.)
PENDING_FIX = "a known divergence, fixed by a change not merged yet"


def known_divergence(*values: Any, id: str, reason: str = PENDING_FIX) -> Any:
    """A parametrize case that fails until the change named in ``reason`` lands."""
    return pytest.param(*values, id=id, marks=pytest.mark.xfail(strict=True, reason=reason))


def _load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.cache
def js_schemas() -> dict[str, Any]:
    """The converted JS SDK document: ``source`` (package, version, integrity) and ``definitions``."""
    loaded: dict[str, Any] = json.loads(JS_SCHEMAS_PATH.read_text(encoding="utf-8"))
    return loaded


def js_definitions() -> dict[str, Any]:
    """JS SDK schema name → JSON Schema (``$ref``s point into this same mapping)."""
    definitions: dict[str, Any] = js_schemas()["definitions"]
    return definitions


@functools.cache
def js_validator(name: str) -> Draft7Validator:
    """A validator for one JS SDK schema (zod-to-json-schema targets draft 7)."""
    if name not in js_definitions():
        raise KeyError(f"{name} is not a schema of @dust-tt/client {JS_SDK_VERSION}")
    return Draft7Validator({"definitions": js_definitions(), "$ref": f"#/definitions/{name}"})


def js_schema_errors(name: str, instance: Any) -> list[str]:
    """Every place ``instance`` breaks JS SDK schema ``name``, as ``path: message`` lines."""
    errors = sorted(js_validator(name).iter_errors(instance), key=lambda error: list(error.absolute_path))
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message[:300]}" for error in errors
    ]


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref``s into the JS definitions."""
    root = {"definitions": js_definitions()}
    while "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[int(part)] if isinstance(target, list) else target[part.replace("~1", "/")]
        schema = target
    return schema


@functools.cache
def js_operations() -> dict[str, Any]:
    """The JS SDK request table (``entries``: method, http, path, query, response_schema, operation)."""
    loaded: dict[str, Any] = _load_yaml(JS_OPERATIONS_PATH)
    return loaded


@functools.cache
def handlers() -> dict[str, Any]:
    """The handler table read from Dust's server code."""
    loaded: dict[str, Any] = _load_yaml(HANDLERS_PATH)
    return loaded


@functools.cache
def spec() -> dict[str, Any]:
    """Our OpenAPI description (openapi/dust-api.yaml)."""
    loaded: dict[str, Any] = _load_yaml(SPEC_PATH)
    return loaded


def route_key(method: str, path: str) -> tuple[str, str]:
    """(METHOD, path) with parameter names erased: ``{wId}`` and ``{workspaceId}`` are the same route."""
    return method.upper(), re.sub(r"\{[^}]*\}", "{}", path)


METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def spec_operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId → (METHOD, path, operation object) for every operation of our spec."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, item in spec()["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                found[operation["operationId"]] = (method.upper(), path, operation)
    return found


def spec_ref(reference: str) -> Any:
    """The object a local ``#/components/...`` reference of our spec points to."""
    target: Any = spec()
    for part in reference.removeprefix("#/").split("/"):
        target = target[part]
    return target


def spec_success(operation_id: str) -> tuple[int, dict[str, Any]]:
    """The explicitly declared 2xx status of an operation and its response object (refs resolved)."""
    _, _, operation = spec_operations()[operation_id]
    statuses = sorted(code for code in operation["responses"] if str(code).startswith("2"))
    assert len(statuses) == 1, f"{operation_id} declares {statuses} as success"
    response = operation["responses"][statuses[0]]
    if "$ref" in response:
        response = spec_ref(response["$ref"])
    return int(statuses[0]), response


def spec_json_schema(operation_id: str) -> dict[str, Any] | None:
    """The application/json schema of an operation's success response (refs resolved), or None."""
    _, response = spec_success(operation_id)
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    while "$ref" in schema:
        schema = spec_ref(schema["$ref"])
    return dict(schema)


def spec_envelope_keys(operation_id: str) -> tuple[set[str], set[str]] | None:
    """(declared top-level keys, required keys) of an operation's JSON success body; None if it has no
    JSON body or the body is not an object."""
    schema = spec_json_schema(operation_id)
    if schema is None or "properties" not in schema:
        return None
    return set(schema["properties"]), set(schema.get("required", []))
