"""The recipe of docs/contributing.md, run: a plain GET added to a copy of the spec becomes a resource method,
its blocking and raw twins and its model, by ``scripts/generate_resources.py`` alone; and ``--check`` fails
on a hand-edited generated file."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import httpx
import pytest
import yaml

from dust_ext import AsyncDustClient, DustClient, DustConfig, RequestOptions
from dust_ext.types._behaviour import AgentActionBehaviour

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_resources.py"
CONFIG = DustConfig(workspace_id="w_recipe", api_key="sk-recipe")

# The throwaway operation: what a contributor writes in openapi/dust-api.yaml, and nothing else.
GADGET_OPERATION = {
    "get": {
        "operationId": "getGadget",
        "tags": ["Workspace"],
        "summary": "Get a gadget",
        "description": "One gadget of the workspace, by its id.",
        "x-dust-sdk": {"area": "workspace", "method": "gadget", "returns": "gadget"},
        "parameters": [
            {"in": "path", "name": "wId", "required": True, "schema": {"type": "string"}},
            {"in": "path", "name": "gadgetId", "required": True, "schema": {"type": "string"}},
            {
                "in": "query",
                "name": "colour",
                "required": False,
                "schema": {"type": "string", "enum": ["red", "blue"]},
            },
            {"in": "query", "name": "withParts", "required": False, "schema": {"type": "boolean"}},
        ],
        "responses": {
            "200": {
                "description": "The gadget.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"gadget": {"$ref": "#/components/schemas/Gadget"}},
                            "required": ["gadget"],
                        }
                    }
                },
            }
        },
    }
}
GADGET_SCHEMA = {
    "x-dust-model": "gadgets",
    "description": "A gadget.",
    "type": "object",
    "properties": {
        "sId": {"type": "string"},
        "name": {"type": "string"},
        "parts": {"type": "array", "items": {"type": "string"}},
        "madeAt": {"type": "number", "x-dust-type": "EpochMs"},
        "tags": {"type": "array", "items": {"type": "string"}, "x-dust-default": []},
        "size": {"type": "integer", "x-dust-default": 1},
        "internals": {"type": "object", "x-dust-extra": True},
        "schema": {"type": "string", "x-dust-attribute": "gadget_schema"},
        "serial": {"type": "string", "x-dust-default": None},
        "output": {"type": ["array", "null"], "items": {"type": "object", "additionalProperties": True}},
    },
    "x-dust-base": "AgentActionBehaviour",  # hand-written behaviour the model inherits (output_text)
    "required": ["sId", "name", "serial"],
    "additionalProperties": True,
}

# A package that only re-exports: its module is written from this entry of sdk.yaml's `packages`.
GADGET_PACKAGE = {
    "doc": "Gadgets, kept where earlier versions imported them from.",
    "exports": {"dust_ext.types.gadgets": ["Gadget"]},
    "aliases": {"GadgetList": "list[Gadget]"},
}

# A new area: its resource module and its package's __init__ come from this entry alone.
GIZMOS_AREA = {
    "class": "Gizmos",
    "doc": "``client.gizmos``: gadgets seen as gizmos.",
    "methods": {"get": {"operation": "getGadget", "returns": "gadget"}},
}


def generate(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--spec",
            str(tmp_path / "dust-api.yaml"),
            "--sdk",
            str(tmp_path / "sdk.yaml"),
            "--out",
            str(tmp_path / "out"),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


LOADED = ("dust_ext.types.gadgets", "recipe_workspace_async", "recipe_generate_sync", "recipe_workspace_sync")


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the spec with the gadget operation added, generated once into ``<dir>/out``."""
    tmp_path = tmp_path_factory.mktemp("recipe")
    spec = yaml.safe_load((ROOT / "openapi" / "dust-api.yaml").read_text())
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}"] = GADGET_OPERATION
    spec["components"]["schemas"]["Gadget"] = GADGET_SCHEMA
    (tmp_path / "dust-api.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    sdk = yaml.safe_load((ROOT / "openapi" / "sdk.yaml").read_text())
    sdk["packages"]["gadgets/__init__.py"] = GADGET_PACKAGE
    sdk["areas"]["gizmos"] = GIZMOS_AREA
    # A type alias beside the model, from the enum of the operation's parameter.
    colour = {"enum": "getGadget.colour", "doc": "The colours a gadget comes in."}
    sdk["models"]["gadgets"] = {"doc": "Gadgets.", "schemas": [], "aliases": {"GadgetColour": colour}}
    (tmp_path / "sdk.yaml").write_text(yaml.safe_dump(sdk, sort_keys=False))
    result = generate(tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


@pytest.fixture(scope="module")
def generated(recipe: Path) -> Iterator[dict[str, ModuleType]]:
    """The generated model, resource and its unasync twin, loaded (and unloaded after the module)."""
    out = recipe / "out"
    models = load(out / "types" / "gadgets.py", "dust_ext.types.gadgets")
    resource = load(out / "resources" / "workspace" / "_async.py", "recipe_workspace_async")
    generate_sync = load(ROOT / "scripts" / "generate_sync.py", "recipe_generate_sync")
    sync_path = out / "resources" / "workspace" / "_sync.py"
    sync_path.write_text(generate_sync.unasynced(out / "resources" / "workspace" / "_async.py"))
    blocking = load(sync_path, "recipe_workspace_sync")
    yield {"models": models, "async": resource, "sync": blocking}
    for name in LOADED:
        sys.modules.pop(name, None)


def answering(body: dict[str, Any], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    return httpx.MockTransport(handler)


BODY = {"gadget": {"sId": "gdg_1", "name": "Sprocket", "weight": 3}}


def test_the_method_has_the_spec_signature_docstring_and_model(generated: dict[str, ModuleType]) -> None:
    gadget_model = generated["models"].Gadget
    assert set(gadget_model.model_fields) == {
        "sId",
        "name",
        "parts",
        "madeAt",
        "tags",
        "size",
        "gadget_schema",
        "serial",
        "output",
    }
    assert [n for n, f in gadget_model.model_fields.items() if f.is_required()] == ["sId", "name"]
    method = generated["async"].AsyncWorkspace.gadget
    assert inspect.iscoroutinefunction(method)
    parameters = inspect.signature(method).parameters
    assert [(p.name, p.kind.name) for p in parameters.values()] == [
        ("self", "POSITIONAL_OR_KEYWORD"),
        ("gadget_id", "POSITIONAL_OR_KEYWORD"),
        ("colour", "KEYWORD_ONLY"),
        ("with_parts", "KEYWORD_ONLY"),
        ("options", "KEYWORD_ONLY"),
    ]
    hints = typing.get_type_hints(method, vars(generated["async"]))
    assert hints["gadget_id"] is str
    assert hints["colour"] == Literal["red", "blue"] | None
    assert hints["with_parts"] == bool | None
    assert hints["options"] == RequestOptions | None
    assert hints["return"] is gadget_model
    assert method.__doc__.startswith("Get a gadget.\n\n        One gadget of the workspace, by its id.")
    # The raw twins list it beside the others.
    source = inspect.getsource(generated["async"].AsyncWorkspaceWithRawResponse)
    assert "self.gadget = async_to_raw_response_wrapper(workspace.gadget)" in source


async def test_the_generated_async_method_sends_and_parses(generated: dict[str, ModuleType]) -> None:
    seen: list[httpx.Request] = []
    async with AsyncDustClient(
        CONFIG, http_client=httpx.AsyncClient(transport=answering(BODY, seen))
    ) as client:
        workspace = generated["async"].AsyncWorkspace(client)
        gadget = await workspace.gadget("gdg/1", colour="red", with_parts=True)
        raw = await workspace.with_raw_response.gadget("gdg_1")
    assert isinstance(gadget, generated["models"].Gadget)
    assert (gadget.sId, gadget.name, gadget.parts, gadget.model_extra) == (
        "gdg_1",
        "Sprocket",
        None,
        {"weight": 3},
    )
    assert seen[0].url.raw_path.split(b"?")[0] == b"/api/v1/w/w_recipe/gadgets/gdg%2F1"
    assert dict(seen[0].url.params) == {"colour": "red", "withParts": "true"}
    assert raw.status_code == 200
    assert raw.parse().sId == "gdg_1"


def test_x_dust_type_and_x_dust_default_shape_the_model(generated: dict[str, ModuleType]) -> None:
    gadget = generated["models"].Gadget(sId="gdg_1", name="Sprocket", madeAt=1.7e12 + 0.75)
    assert gadget.madeAt == 1_700_000_000_000  # EpochMs: whole milliseconds
    assert generated["models"].__all__ == ["Gadget", "GadgetColour"]  # what the module defines
    assert generated["models"].GadgetColour == Literal["red", "blue"]  # the spec's enum of getGadget's colour
    # x-dust-base: the fields come from the spec, the behaviour from the hand-written base.
    said = generated["models"].Gadget(sId="g", name="n", output=[{"type": "text", "text": "hi"}])
    assert isinstance(said, AgentActionBehaviour)
    assert said.output_text == "hi"
    assert gadget.parts is None  # a plain optional field
    assert gadget.tags == []  # the x-dust-default values, not None
    assert gadget.size == 1
    assert gadget.tags is not generated["models"].Gadget(sId="g", name="n").tags  # a fresh list each time
    # x-dust-extra: not a declared field, yet kept whole when Dust sends it.
    assert "internals" not in generated["models"].Gadget.model_fields
    sent = generated["models"].Gadget.model_validate({"sId": "g", "name": "n", "internals": {"k": 1}})
    assert sent.model_extra == {"internals": {"k": 1}}
    # x-dust-attribute: the Python name of a field whose wire name clashes; x-dust-default: null: lenient.
    named = generated["models"].Gadget.model_validate({"sId": "g", "name": "n", "schema": "v2"})
    assert named.gadget_schema == "v2"
    assert named.serial is None  # required by the spec, optional in the model
    assert named.model_dump(by_alias=True)["schema"] == "v2"


def test_the_blocking_twin_is_generated_by_unasync(generated: dict[str, ModuleType]) -> None:
    method = generated["sync"].Workspace.gadget
    assert not inspect.iscoroutinefunction(method)
    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=answering(BODY, seen))) as client:
        gadget = generated["sync"].Workspace(client).gadget("gdg_1", colour="blue")
    assert gadget.name == "Sprocket"
    assert dict(seen[0].url.params) == {"colour": "blue"}


def test_an_enum_argument_outside_the_spec_is_refused(generated: dict[str, ModuleType]) -> None:
    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=answering(BODY, seen))) as client:
        workspace = generated["sync"].Workspace(client)
        with pytest.raises(ValueError, match=r"workspace.gadget\(colour='green'\): colour must be one of"):
            workspace.gadget("gdg_1", colour="green")
    assert seen == []


def test_check_fails_on_a_hand_edited_generated_file(recipe: Path, tmp_path: Path) -> None:
    for name in ("dust-api.yaml", "sdk.yaml"):
        shutil.copy(recipe / name, tmp_path / name)
    shutil.copytree(recipe / "out", tmp_path / "out")
    target = tmp_path / "out" / "resources" / "spaces" / "_async.py"
    target.write_text(target.read_text().replace("List the spaces", "List some spaces"))
    result = generate(tmp_path, "--check")
    assert result.returncode == 1
    assert "spaces/_async.py" in result.stderr
    assert '-        """List some spaces' in result.stderr


def test_the_checked_in_resources_are_what_the_spec_generates() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_a_package_module_is_written_from_its_sdk_entry(
    recipe: Path, generated: dict[str, ModuleType]
) -> None:
    package = load(recipe / "out" / "gadgets" / "__init__.py", "recipe_gadgets")
    gadget = generated["models"].Gadget
    try:
        assert package.__doc__ == GADGET_PACKAGE["doc"]
        assert package.__all__ == ["Gadget", "GadgetList"]
        assert package.Gadget is gadget
        assert package.GadgetList == list[gadget]
    finally:
        sys.modules.pop("recipe_gadgets", None)


def test_a_resource_package_exports_its_generated_classes_unlisted(recipe: Path) -> None:
    # resources/workspace/__init__.py: sdk.yaml lists only the hand-written names; the generated classes of
    # the workspace area (async, blocking, raw views) come from the area itself.
    tree = ast.parse((recipe / "out" / "resources" / "workspace" / "__init__.py").read_text())
    exported = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"
    )
    classes = {
        f"{prefix}Workspace{view}"
        for prefix in ("", "Async")
        for view in ("", "WithRawResponse", "WithStreamingResponse")
    }
    assert classes <= set(exported)
    listed = yaml.safe_load((recipe / "sdk.yaml").read_text())["packages"]["resources/workspace/__init__.py"]
    assert {name for names in listed["exports"].values() for name in names} | classes == set(exported)
    assert not classes & {name for names in listed["exports"].values() for name in names}


def test_a_new_area_gets_its_package_init_without_listing(recipe: Path) -> None:
    init = (recipe / "out" / "resources" / "gizmos" / "__init__.py").read_text()
    tree = ast.parse(init)
    assert ast.get_docstring(tree) == GIZMOS_AREA["doc"]
    exported = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"
    )
    views = ("", "WithRawResponse", "WithStreamingResponse")
    assert set(exported) == {f"{prefix}Gizmos{view}" for prefix in ("", "Async") for view in views}
    modules = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    assert {"dust_ext.resources.gizmos._async", "dust_ext.resources.gizmos._sync"} <= modules
