"""Compare Dust's upstream OpenAPI document with ours: what an API change means for this SDK.

    python scripts/spec_drift.py path/to/dust/swagger.json [--ours openapi/dust-api.yaml] [--json]

Lists the public (/api/v1) operations and the schema fields that the upstream document has and ours lacks,
and the reverse. Paths are compared with parameter names erased ({wId} == {workspaceId}), schemas by name
(upstream's `Datasource` is our `DataSource`: names are compared case-insensitively).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "post", "put", "patch", "delete")
PUBLIC_PREFIX = "/api/v1/"


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    loaded = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise SystemExit(f"{path}: not an OpenAPI document")
    return loaded


def normalise_path(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def operations(doc: dict[str, Any]) -> set[str]:
    found = set()
    for path, item in doc.get("paths", {}).items():
        if not path.startswith(PUBLIC_PREFIX):
            continue
        for method in METHODS:
            if method in item:
                found.add(f"{method.upper()} {normalise_path(path)}")
    return found


def schema_fields(doc: dict[str, Any]) -> dict[str, set[str]]:
    fields: dict[str, set[str]] = {}
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if name.startswith("Private"):
            continue
        fields[name.lower()] = set(schema.get("properties", {}))
    return fields


def drift(upstream: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    up_ops, our_ops = operations(upstream), operations(ours)
    up_fields, our_fields = schema_fields(upstream), schema_fields(ours)
    missing_fields = {
        name: sorted(props - our_fields[name])
        for name, props in sorted(up_fields.items())
        if name in our_fields and props - our_fields[name]
    }
    extra_fields = {
        name: sorted(our_fields[name] - props)
        for name, props in sorted(up_fields.items())
        if name in our_fields and our_fields[name] - props
    }
    return {
        "operations_only_upstream": sorted(up_ops - our_ops),
        "operations_only_ours": sorted(our_ops - up_ops),
        "operations_covered": f"{len(up_ops & our_ops)}/{len(up_ops)}",
        "schemas_only_upstream": sorted(set(up_fields) - set(our_fields)),
        "fields_only_upstream": missing_fields,
        "fields_only_ours": extra_fields,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream", type=Path, help="Dust's swagger.json (front/public/swagger.json)")
    parser.add_argument("--ours", type=Path, default=ROOT / "openapi" / "dust-api.yaml")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    report = drift(load(args.upstream), load(args.ours))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"public operations covered: {report['operations_covered']}")
    for title, key in [
        ("Operations upstream has and we lack", "operations_only_upstream"),
        ("Operations we have and upstream lacks", "operations_only_ours"),
        ("Schemas upstream has and we lack", "schemas_only_upstream"),
    ]:
        print(f"\n{title} ({len(report[key])}):")
        for entry in report[key]:
            print(f"  {entry}")
    for title, key in [
        ("Fields upstream has and we lack", "fields_only_upstream"),
        ("Fields only ours", "fields_only_ours"),
    ]:
        print(f"\n{title}:")
        for name, names in report[key].items():
            print(f"  {name}: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
