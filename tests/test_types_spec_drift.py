"""Every pydantic model of ``dust_ext.types`` named after a schema of ``openapi/dust-api.yaml`` has that
schema's fields: the same names, the same required ones, compatible types.

The models generated from the spec (``# Generated`` modules) agree by construction; the hand-written ones
(those that add behaviour: the message union with ``UnknownMessage``, the events' fast path, large
strings, friendlier defaults) are held to the spec here, so a spec change that a hand-written model misses
fails. The differences kept on purpose are listed with their reason.
"""

from __future__ import annotations

import importlib
import pkgutil
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

import dust_ext.types

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "dust-api.yaml").read_text())["components"][
    "schemas"
]

# model -> (fields only the spec has, fields only the model has, reason).
INTENDED: dict[str, tuple[set[str], set[str], str]] = {
    "AgentMessage": (
        {"agentMessageId", "completedTs", "parentAgentMessageId"},
        set(),
        "kept in model_extra: the SDK reads none of them",
    ),
    "App": ({"coreSpecifications", "datasets"}, set(), "large app internals, kept in model_extra"),
    "ContentFragment": (
        {
            "contentFragmentType",
            "contentFragmentVersion",
            "contentNodeData",
            "expiredReason",
            "generatedTables",
            "nodeDataSourceViewId",
            "nodeId",
            "nodeType",
            "snippet",
            "sourceIcon",
            "sourceProvider",
        },
        {"content"},
        "the SDK keeps the fields a reader of a conversation needs; content is the text it sent",
    ),
    "Conversation": (
        {"depth", "groupIds", "requestedGroupIds", "requestedSpaceIds", "spaceId"},
        {"hasMore", "lastValue"},
        "permission internals kept in model_extra; hasMore/lastValue are the page envelope's, folded in",
    ),
    "DataSource": ({"editedByUser"}, set(), "who last edited: kept in model_extra"),
    "DataSourceView": ({"editedByUser"}, set(), "who last edited: kept in model_extra"),
    "Folder": ({"data_source_id", "provider_visibility"}, set(), "kept in model_extra"),
    "MCPServerView": ({"editedByUser", "oAuthUseCase"}, set(), "kept in model_extra"),
    "Table": ({"schema"}, {"table_schema"}, "`schema` shadows BaseModel.schema: the field is table_schema"),
    "UnknownMessage": (set(), {"content"}, "a message type this SDK does not know: its raw content"),
    "UserMessage": ({"agenticMessageData"}, set(), "kept in model_extra"),
}
# model -> reason its required fields differ from the spec's (it accepts more: a default where Dust may omit);
# a generated model's leniency is declared in the spec itself (x-dust-default).
LENIENT: dict[str, str] = {
    "AgentMessage": "type is the union's tag, fixed per class",
    "ContentFragment": "type is the union's tag, fixed per class",
    "UserMessage": "type is the union's tag, fixed per class",
    "Conversation": "content defaults to [] so a light conversation (listConversations) parses",
}

SPEC_KINDS = {"string": {str}, "integer": {int}, "number": {float, int}, "boolean": {bool}, "array": {list}}


def models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for info in pkgutil.iter_modules(dust_ext.types.__path__):
        module = importlib.import_module(f"dust_ext.types.{info.name}")
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                found[name] = value
    return found


CHECKED = sorted(name for name in models() if name in SCHEMAS)


def python_kinds(annotation: Any) -> set[type]:
    """The runtime types an annotation admits, unwrapped (``EpochMs | None`` -> {int, NoneType})."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return python_kinds(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(python_kinds(arg) for arg in typing.get_args(annotation)))
    if origin is typing.Literal:
        return {type(value) for value in typing.get_args(annotation)}
    if origin is not None:
        return {origin}
    return {annotation}


def spec_kinds(schema: dict[str, Any]) -> set[Any] | None:
    """The Python types a spec schema maps to; None when any is fine (free objects, unions)."""
    if "$ref" in schema:
        return {schema["$ref"].rsplit("/", 1)[-1]}
    variants = schema.get("anyOf") or schema.get("oneOf")
    if variants:
        kinds: set[Any] = set()
        for variant in variants:
            found = spec_kinds(variant)
            if found is None:
                return None
            kinds |= found
        return kinds
    kind = schema.get("type")
    names = kind if isinstance(kind, list) else [kind]
    out: set[Any] = set()
    for name in names:
        if name == "null":
            out.add(type(None))
        elif name in SPEC_KINDS:
            out |= SPEC_KINDS[name]
        else:
            return None
    return out


@pytest.mark.parametrize("name", CHECKED)
def test_a_model_has_its_schemas_fields(name: str) -> None:
    schema, fields = SCHEMAS[name], models()[name].model_fields
    spec_only, model_only, _ = INTENDED.get(name, (set(), set(), ""))
    # x-dust-extra: the schema itself says the field stays undeclared (kept whole in model_extra).
    kept_extra = {field for field, spec in schema.get("properties", {}).items() if spec.get("x-dust-extra")}
    assert set(schema.get("properties", {})) - set(fields) == spec_only | kept_extra
    assert set(fields) - set(schema.get("properties", {})) == model_only


@pytest.mark.parametrize("name", CHECKED)
def test_a_model_requires_what_its_schema_requires(name: str) -> None:
    schema, fields = SCHEMAS[name], models()[name].model_fields
    # x-dust-default: the schema itself gives the model a default for a field Dust may omit.
    properties = schema.get("properties", {})
    defaulted = {field for field, spec in properties.items() if "x-dust-default" in spec}
    required = (set(schema.get("required", [])) - defaulted) & set(fields)
    model_required = {field for field, info in fields.items() if info.is_required()}
    if name in LENIENT:
        assert model_required <= required, LENIENT[name]
        assert model_required != required, f"{name} now matches the spec: remove it from LENIENT"
    else:
        assert model_required == required


@pytest.mark.parametrize("name", CHECKED)
def test_a_models_field_types_fit_its_schema(name: str) -> None:
    model = models()[name]
    model.model_rebuild()
    for field, info in model.model_fields.items():
        declared = SCHEMAS[name].get("properties", {}).get(field)
        wanted = None if declared is None else spec_kinds(declared)
        have = python_kinds(info.annotation)
        if wanted is None or Any in have:
            continue
        wanted.discard(type(None))  # a nullable field may be typed without None where Dust never sends null
        if any(isinstance(kind, str) for kind in wanted):  # a $ref: a model (its name may differ) or a dict
            assert any(isinstance(k, type) and issubclass(k, BaseModel) for k in have) or dict in have, (
                field,
                have,
            )
            wanted = {kind for kind in wanted if not isinstance(kind, str)}
        if wanted:
            assert wanted & have, (field, wanted, have)


def test_ids_dust_always_sends_are_not_optional() -> None:
    """A RAG script reading ``source.sId`` needs no ``None`` check (mypy --strict)."""
    data_source, view = models()["DataSource"], models()["DataSourceView"]
    assert data_source.model_fields["sId"].annotation is str
    assert view.model_fields["sId"].annotation is str
    assert view.model_fields["dataSource"].annotation is data_source
