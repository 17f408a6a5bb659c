"""Compare our spec with Dust's swagger and the official JS SDK's schemas: what an API change means for us.

    python scripts/spec_drift.py [path/to/dust/swagger.json] [--js SCHEMAS.json] [--js-operations OPS.yaml]
                                 [--intended LIST.yaml] [--ours openapi/dust-api.yaml] [--all] [--json] [--check]

Each difference is one line, ``<source>: <kind>: <where>: <detail>``:

- against Dust's swagger: the public (/api/v1) operations one side has and the other lacks, the schema
  fields (schemas compared by name, case-insensitively), and the success envelope of every operation both
  have (the top-level keys of its JSON body, inline or ``$ref``; ``<array>`` for a bare array);
- against the JS SDK (its zod schemas as JSON Schema, and the table of requests it sends): the envelope of
  every operation the JS SDK parses or whose handler declares a JS type for its answer
  (``dust-handlers.yaml``'s ``response_schemas``), and the fields of each of our component schemas that
  has a JS twin (the JS table's ``components``).

Paths are compared with parameter names erased (``{wId}`` == ``{workspaceId}``). Differences listed with a
reason in ``openapi/upstream/intended-divergences.yaml`` are not printed, so the output is empty when
nothing changed upstream; a listed difference that no longer exists is printed as stale (remove it).
``--all`` prints every difference with its reason and the coverage figures; ``--check`` exits 1 on output.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "openapi" / "upstream"
METHODS = ("get", "post", "put", "patch", "delete")
PUBLIC_PREFIX = "/api/v1/"
DEFAULTS = {
    "upstream": UPSTREAM / "dust-swagger-1.0.2.json",
    "js": UPSTREAM / "dust-js-sdk-1.2.8.schemas.json",
    "js_operations": UPSTREAM / "dust-js-sdk-1.2.8.operations.yaml",
    "handlers": UPSTREAM / "dust-handlers.yaml",
    "intended": UPSTREAM / "intended-divergences.yaml",
    "ours": ROOT / "openapi" / "dust-api.yaml",
}


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    loaded = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise SystemExit(f"{path}: not a mapping")
    return loaded


def normalise_path(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


# --- reading OpenAPI documents -----------------------------------------------------------------------------


class OpenAPI:
    """An OpenAPI document: its public operations, component fields and success envelopes."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def ref(self, reference: str) -> Any:
        target: Any = self.doc
        for part in reference.removeprefix("#/").split("/"):
            target = target[part]
        return target

    def deref(self, value: Any) -> Any:
        while isinstance(value, dict) and "$ref" in value:
            value = self.ref(value["$ref"])
        return value

    def operations(self) -> dict[str, dict[str, Any]]:
        """``METHOD /normalised/path`` → operation object, for the public /api/v1 operations."""
        found = {}
        for path, item in self.doc.get("paths", {}).items():
            if path.startswith(PUBLIC_PREFIX):
                for method in METHODS:
                    if method in item:
                        found[f"{method.upper()} {normalise_path(path)}"] = item[method]
        return found

    def fields(self) -> dict[str, set[str]]:
        """lower-cased schema name → its property names (``Private*`` schemas skipped)."""
        schemas = self.doc.get("components", {}).get("schemas", {})
        return {
            name.lower(): set(schema.get("properties", {}))
            for name, schema in schemas.items()
            if not name.startswith("Private")
        }

    def envelope(self, operation: dict[str, Any]) -> list[str]:
        """The top-level keys of the JSON success body (``<array>``, ``<none>`` or ``<not json>`` else)."""
        responses = operation.get("responses", {})
        success = sorted(code for code in responses if str(code).startswith("2"))
        if not success:
            return ["<none>"]
        response = self.deref(responses[success[0]])
        content = response.get("content")
        if not content:
            return ["<none>"]
        if "application/json" not in content:
            return ["<not json>"]
        return schema_keys(self.deref(content["application/json"].get("schema", {})), self.deref)


def schema_keys(schema: dict[str, Any], deref: Any) -> list[str]:
    """Top-level keys of an object schema (through allOf / anyOf / oneOf), or ``<array>`` / ``<any>``."""
    schema = deref(schema)
    if schema.get("type") == "array":
        return ["<array>"]
    keys: set[str] = set(schema.get("properties", {}))
    for combinator in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(combinator, []):
            part_keys = schema_keys(part, deref)
            keys |= {key for key in part_keys if not key.startswith("<")}
    return sorted(keys) if keys else ["<any>"]


# --- the differences ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One difference, printed as one line; the intended-divergences list names it by that line."""

    source: str
    kind: str
    where: str
    detail: str = ""

    @property
    def key(self) -> str:
        """The whole line: a listed difference whose detail changes (a new field) is new again."""
        return self.line()

    def line(self) -> str:
        where = f"{self.source}: {self.kind}: {self.where}"
        return f"{where}: {self.detail}" if self.detail else where


def swagger_differences(upstream: OpenAPI, ours: OpenAPI) -> tuple[list[Difference], str]:
    """Differences with Dust's swagger, and the coverage figure."""
    differences = []
    up_ops, our_ops = upstream.operations(), ours.operations()
    differences += [
        Difference("swagger", "operation only upstream", op) for op in sorted(set(up_ops) - set(our_ops))
    ]
    differences += [
        Difference("swagger", "operation only ours", op) for op in sorted(set(our_ops) - set(up_ops))
    ]
    for op in sorted(set(up_ops) & set(our_ops)):
        theirs, mine = upstream.envelope(up_ops[op]), ours.envelope(our_ops[op])
        if theirs != mine:
            differences.append(Difference("swagger", "envelope", op, f"upstream {theirs}, ours {mine}"))
    up_fields, our_fields = upstream.fields(), ours.fields()
    differences += [
        Difference("swagger", "schema only upstream", name)
        for name in sorted(set(up_fields) - set(our_fields))
    ]
    for name in sorted(set(up_fields) & set(our_fields)):
        if only_up := up_fields[name] - our_fields[name]:
            differences.append(
                Difference("swagger", "fields only upstream", name, ", ".join(sorted(only_up)))
            )
        if only_ours := our_fields[name] - up_fields[name]:
            differences.append(Difference("swagger", "fields only ours", name, ", ".join(sorted(only_ours))))
    covered = f"{len(set(up_ops) & set(our_ops))}/{len(up_ops)}"
    return differences, covered


def js_differences(
    js: dict[str, Any],
    js_operations: dict[str, Any],
    ours: OpenAPI,
    handler_schemas: dict[str, str] | None = None,
) -> tuple[list[Difference], str]:
    """Differences with the JS SDK's schemas, and how many operations were compared."""
    definitions = js["definitions"]
    root = {"definitions": definitions}

    def deref(value: Any) -> Any:
        while isinstance(value, dict) and "$ref" in value:
            target: Any = root
            for part in value["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            value = target
        return value

    by_id = {operation["operationId"]: operation for operation in ours.operations().values()}
    differences = []
    compared = set()
    # The JS SDK's requests, then the JS types Dust's handlers declare for their answers.
    pairs = [
        (entry.get("operation"), entry.get("response_schema"), entry) for entry in js_operations["entries"]
    ]
    pairs += [
        (operation_id, schema_name, {"http": "handler", "path": operation_id})
        for operation_id, schema_name in sorted((handler_schemas or {}).items())
    ]
    seen: set[tuple[str, str]] = set()
    for operation_id, schema_name, entry in pairs:
        if not operation_id or not schema_name or (operation_id, schema_name) in seen:
            continue
        seen.add((operation_id, schema_name))
        if operation_id not in by_id:
            differences.append(
                Difference("js", "operation missing", operation_id, f"{entry['http']} {entry['path']}")
            )
            continue
        compared.add(operation_id)
        theirs = schema_keys(definitions[schema_name], deref)
        mine = ours.envelope(by_id[operation_id])
        if theirs != mine:
            where = f"{operation_id} ~ {schema_name}"
            differences.append(Difference("js", "envelope", where, f"js {theirs}, ours {mine}"))
    components = ours.doc.get("components", {}).get("schemas", {})
    for component, schema_name in sorted(js_operations.get("components", {}).items()):
        theirs_keys = {key for key in schema_keys(definitions[schema_name], deref) if not key.startswith("<")}
        mine_keys = set(components[component].get("properties", {}))
        where = f"{component} ~ {schema_name}"
        if only_js := theirs_keys - mine_keys:
            differences.append(Difference("js", "fields only js", where, ", ".join(sorted(only_js))))
        if only_ours := mine_keys - theirs_keys:
            differences.append(Difference("js", "fields only ours", where, ", ".join(sorted(only_ours))))
    return differences, f"{len(compared)} operations, {len(js_operations.get('components', {}))} schemas"


def report(args: argparse.Namespace) -> dict[str, Any]:
    ours = OpenAPI(load(args.ours))
    swagger, covered = swagger_differences(OpenAPI(load(args.upstream)), ours)
    handler_schemas = load(args.handlers).get("response_schemas", {}) if args.handlers.exists() else {}
    js, compared = js_differences(load(args.js), load(args.js_operations), ours, handler_schemas)
    intended: dict[str, str] = load(args.intended).get("divergences", {}) if args.intended.exists() else {}
    differences = swagger + js
    keys = {difference.key: difference for difference in differences}
    listed = {key: reason for key, reason in intended.items()}
    return {
        "swagger_operations_covered": covered,
        "js_compared": compared,
        "differences": [{"line": d.line(), "key": d.key, "intended": listed.get(d.key)} for d in differences],
        "new": [d.line() for d in differences if d.key not in listed],
        "stale": sorted(key for key in listed if key not in keys),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "upstream", type=Path, nargs="?", default=DEFAULTS["upstream"], help="Dust's swagger.json"
    )
    parser.add_argument("--js", type=Path, default=DEFAULTS["js"], help="the JS SDK's schemas (JSON Schema)")
    parser.add_argument("--js-operations", type=Path, default=DEFAULTS["js_operations"])
    parser.add_argument("--handlers", type=Path, default=DEFAULTS["handlers"], help="Dust's handler table")
    parser.add_argument("--intended", type=Path, default=DEFAULTS["intended"], help="intended divergences")
    parser.add_argument("--ours", type=Path, default=DEFAULTS["ours"])
    parser.add_argument("--all", action="store_true", help="every difference, with its reason when intended")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--check", action="store_true", help="exit 1 when there is anything to print")
    args = parser.parse_args(argv)
    result = report(args)
    if args.json:
        print(json.dumps(result, indent=2))
    elif args.all:
        print(f"Dust's swagger: public operations covered {result['swagger_operations_covered']}")
        print(f"JS SDK: compared {result['js_compared']}")
        for difference in result["differences"]:
            reason = difference["intended"] or "NOT LISTED"
            print(f"{difference['line']}\n    -> {reason}")
    else:
        for line in result["new"]:
            print(line)
        for key in result["stale"]:
            print(f"stale (no longer different, remove from the list): {key}")
    return 1 if args.check and (result["new"] or result["stale"]) else 0


if __name__ == "__main__":
    sys.exit(main())
