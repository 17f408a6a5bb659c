"""The recipe of docs/contributing.md, run: a plain GET added to a copy of the spec becomes a resource method,
its blocking and raw twins and its model, by ``scripts/generate_resources.py`` alone; a POST whose body is
assembled from arguments (converters, a body hook, extra keywords, another path when an id is None) too;
and ``--check`` fails on a hand-edited generated file."""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import inspect
import json
import shutil
import subprocess
import sys
import typing
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import httpx
import pytest
import yaml
from dust_api.types import UNSET

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustNotSupportedError, RequestOptions
from dust_ext.pagination import AsyncPage
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

# A throwaway paginated operation: a page kind in its x-dust-sdk gives it a page class, a `list`-like method
# returning the first page, and a deprecated alias walking every item.
GADGET_PAGE_OPERATION = {
    "get": {
        "operationId": "listGadgets",
        "tags": ["Workspace"],
        "summary": "List gadgets",
        "x-dust-sdk": {
            "area": "workspace",
            "method": "gadgets",
            "returns": "body",
            "keywords": ["limit", "offset", "colour"],
            "page": {
                "kind": "offset",
                "class": "GadgetListPage",
                "items": "gadgets",
                "total": "total",
                "default_limit": 2,
                "doc": "A page of ``workspace.gadgets``.",
                "fields": {"gadgets": "The gadgets of this page only."},
                "iter": {
                    "method": "iter_gadgets",
                    "page_size": 50,
                    "doc": "Deprecated: iterate the page ``gadgets(limit=page_size)`` returns instead.",
                    "warning": "workspace.iter_gadgets() is deprecated: iterate workspace.gadgets()",
                },
            },
        },
        "parameters": [
            {"in": "path", "name": "wId", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "colour", "required": False, "schema": {"type": "string"}},
            {"in": "query", "name": "limit", "required": False, "schema": {"type": "integer"}},
            {"in": "query", "name": "offset", "required": False, "schema": {"type": "integer"}},
        ],
        "responses": {
            "200": {
                "description": "A page of gadgets.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GadgetPage"}}},
            }
        },
    }
}
GADGET_PAGE_SCHEMA = {
    "x-dust-model": "gadgets",
    "type": "object",
    "properties": {
        "gadgets": {"type": "array", "items": {"$ref": "#/components/schemas/Gadget"}},
        "total": {"type": "integer", "description": "How many gadgets the workspace holds."},
    },
    "required": ["gadgets", "total"],
}


# A throwaway operation whose body is assembled from arguments: `x-dust-sdk` declares a converter
# (madeAt: a Timestamp sent as epoch ms), a renamed flag with a default other than None, a body hook and
# **extra keywords; `when_none` calls the global-space operation when space_id is None.
GADGET_BODY = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "madeAt": {"type": "number"},
        "parts": {"type": "array", "items": {"type": "string"}},
        "colour": {"type": "string", "enum": ["red", "blue"]},
        "async": {"type": "boolean"},
        "motor": {  # flattened: its fields are arguments, sent as one object
            "type": "object",
            "properties": {"engine": {"type": "string"}, "rpm": {"type": "integer"}},
        },
    },
    "required": ["name"],
}
GADGET_200 = GADGET_OPERATION["get"]["responses"]


def build_operation(operation_id: str, sdk: dict[str, Any] | None) -> dict[str, Any]:
    path_ids = ["wId", "gadgetId"] if sdk is None else ["wId", "spaceId", "gadgetId"]
    operation = {
        "operationId": operation_id,
        "tags": ["Workspace"],
        "summary": "Build a gadget",
        "parameters": [
            {"in": "path", "name": name, "required": True, "schema": {"type": "string"}} for name in path_ids
        ],
        "requestBody": {"content": {"application/json": {"schema": GADGET_BODY}}},
        "responses": GADGET_200,
    }
    return {"post": {**operation, **({"x-dust-sdk": sdk} if sdk else {})}}


BUILD_SDK = {
    "area": "workspace",
    "method": "build_gadget",
    "returns": "gadget",
    "extra": True,
    "body": "checked_gadget",
    "when_none": {"space_id": "buildGlobalGadget"},
    "flatten": ["motor"],
    "arguments": {
        "madeAt": {"type": "Timestamp", "convert": "epoch_ms"},
        "async": {"name": "queued", "type": "bool", "default": False, "send": "true_or_none"},
        # An older spelling of a path id, resolved by a hand-written function.
        "gadgetId": {"type": "str | None", "default": None, "alias": "gid", "resolve": "either_id"},
    },
}
# A throwaway operation whose None fields are choices: `json_null: true` sends title=None as JSON null (the
# default too); `json_null: unset` leaves parents_in out unless given, and sends parents_in=None as null.
RENAME_SDK = {
    "area": "workspace",
    "method": "rename_gadget",
    "returns": "gadget",
    "arguments": {"title": {"json_null": True}, "parentsIn": {"json_null": "unset", "send": "as_list"}},
    # A hook that also reads an argument that is not a body field.
    "body": {"function": "with_reason", "inputs": {"reason": "str"}},
}
RENAME_BODY = {
    "type": "object",
    "properties": {
        "title": {"type": ["string", "null"]},
        "parentsIn": {"type": ["array", "null"], "items": {"type": "string"}},
        "note": {"type": "string"},
    },
}
HOOKS = "recipe_gadget_hooks"  # the hand-written body hook, named in the area's `imports`

# A throwaway event stream: `stream` in x-dust-sdk names the hand-written frame reader and the event type.
WATCH_OPERATION = {
    "get": {
        "operationId": "watchGadget",
        "tags": ["Workspace"],
        "summary": "Watch a gadget",
        "x-dust-sdk": {
            "area": "workspace",
            "method": "watch_gadget",
            "stream": {"reader": "GadgetFrameReader", "event": "GadgetEvent"},
        },
        "parameters": [
            {"in": "path", "name": "wId", "required": True, "schema": {"type": "string"}},
            {"in": "path", "name": "gadgetId", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "since", "required": False, "schema": {"type": "integer"}},
        ],
        "responses": {"200": {"description": "Events.", "content": {"text/event-stream": {}}}},
    }
}


# A throwaway search: `filters` makes its other query parameters one TypedDict of keywords, checked and
# encoded by a hand-written function.
FIND_OPERATION = {
    "get": {
        "operationId": "findGadgets",
        "tags": ["Workspace"],
        "summary": "Find gadgets",
        "x-dust-sdk": {
            "area": "workspace",
            "method": "find_gadgets",
            "positional": ["query"],
            "returns": "body",
            "type": "dict[str, Any]",
            "filters": {"type": "GadgetFilters", "send": "gadget_filters"},
        },
        "parameters": [
            {"in": "path", "name": "wId", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "query", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "top_k", "required": False, "schema": {"type": "integer"}},
            {"in": "query", "name": "tags_in", "required": False, "schema": {"type": "array"}},
        ],
        "responses": {"200": {"description": "Found.", "content": {"application/json": {"schema": {}}}}},
    }
}


class GadgetFilters(typing.TypedDict, total=False):
    top_k: int
    tags_in: list[str]


def gadget_filters(method: str, filters: GadgetFilters) -> dict[str, Any]:
    unknown = sorted(set(filters) - GadgetFilters.__optional_keys__)
    if unknown:
        raise TypeError(f"{method}() got unexpected keyword arguments: {', '.join(unknown)}")
    return {"top_k": filters.get("top_k", 10), "tags_in": filters.get("tags_in")}


class GadgetEvent(dict[str, Any]):
    """One event of the throwaway stream."""


class GadgetFrameReader:
    """Reads the throwaway stream: one event per frame, over at ``{"done": true}``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.finished = False

    def read(self, sse: Any) -> GadgetEvent | None:
        event = GadgetEvent(json.loads(sse.data))
        self.finished = bool(event.get("done"))
        return event

    def end(self) -> None:
        if not self.finished:
            raise AssertionError("the stream ended before its last event")


def either_id(gadget_id: str | None, gid: str | None) -> str:
    chosen = gadget_id if gadget_id is not None else gid
    if chosen is None:
        raise TypeError("a gadget id is required")
    return chosen


def with_reason(body: dict[str, Any], *, reason: str | None) -> dict[str, Any]:
    return body if reason is None else {**body, "note": f"{body.get('note') or ''}({reason})"}


def checked_gadget(body: dict[str, Any]) -> dict[str, Any]:
    if not body["name"]:
        raise TypeError("a gadget needs a name")
    return {**body, "checked": True}


# A throwaway poke: `payload` makes the whole body one argument (through a hand-written function), `params`
# passes the query through a check across parameters, and `keyword: true` takes the path id by keyword
# (None: the operation without it, by `when_none`).
POKE_SDK = {
    "area": "workspace",
    "method": "poke_gadget",
    "returns": "gadget",
    "payload": {"argument": "payload", "type": "Mapping[str, Any]", "send": "poke_payload"},
    "params": "poke_params",
    "when_none": {"gadget_id": "pokeAnyGadget"},
    "arguments": {"gadgetId": {"keyword": True, "default": None}},
}


def poke_operation(operation_id: str, path_ids: list[str], sdk: dict[str, Any] | None) -> dict[str, Any]:
    ids = [{"in": "path", "name": name, "required": True, "schema": {"type": "string"}} for name in path_ids]
    query = [
        {"in": "query", "name": "loud", "required": False, "schema": {"type": "boolean"}},
        {"in": "query", "name": "times", "required": False, "schema": {"type": "integer"}},
    ]
    operation = {
        "operationId": operation_id,
        "tags": ["Workspace"],
        "summary": "Poke a gadget",
        "parameters": ids + query,
        "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": GADGET_200,
    }
    return {"post": {**operation, **({"x-dust-sdk": sdk} if sdk else {})}}


def poke_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {**payload, "poked": True}


def poke_params(params: dict[str, Any]) -> dict[str, Any]:
    if params["times"] is not None and not params["loud"]:
        raise TypeError("times= needs loud=True")
    return params


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


LOADED = (
    "dust_ext.types.gadgets",
    "recipe_workspace_async",
    "recipe_generate_sync",
    "recipe_workspace_sync",
    HOOKS,
)


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the spec with the gadget operation added, generated once into ``<dir>/out``."""
    tmp_path = tmp_path_factory.mktemp("recipe")
    spec = yaml.safe_load((ROOT / "openapi" / "dust-api.yaml").read_text())
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}"] = GADGET_OPERATION
    spec["components"]["schemas"]["Gadget"] = GADGET_SCHEMA
    spec["paths"]["/api/v1/w/{wId}/gadgets"] = GADGET_PAGE_OPERATION
    spec["components"]["schemas"]["GadgetPage"] = GADGET_PAGE_SCHEMA
    spec["paths"]["/api/v1/w/{wId}/spaces/{spaceId}/gadgets/{gadgetId}/build"] = build_operation(
        "buildGadget", BUILD_SDK
    )
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}/build"] = build_operation("buildGlobalGadget", None)
    rename = build_operation("renameGadget", RENAME_SDK)
    rename["post"]["parameters"].pop(1)  # no spaceId
    rename["post"]["requestBody"]["content"]["application/json"]["schema"] = RENAME_BODY
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}/rename"] = rename
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}/watch"] = WATCH_OPERATION
    spec["paths"]["/api/v1/w/{wId}/gadgets/find"] = FIND_OPERATION
    spec["paths"]["/api/v1/w/{wId}/gadgets/{gadgetId}/poke"] = poke_operation(
        "pokeGadget", ["wId", "gadgetId"], POKE_SDK
    )
    spec["paths"]["/api/v1/w/{wId}/gadgets/poke"] = poke_operation("pokeAnyGadget", ["wId"], None)
    (tmp_path / "dust-api.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    sdk = yaml.safe_load((ROOT / "openapi" / "sdk.yaml").read_text())
    sdk["areas"]["workspace"].setdefault("imports", {}).update(
        checked_gadget=HOOKS,
        either_id=HOOKS,
        with_reason=HOOKS,
        GadgetFrameReader=HOOKS,
        GadgetEvent=HOOKS,
        GadgetFilters=HOOKS,
        gadget_filters=HOOKS,
        poke_payload=HOOKS,
        poke_params=HOOKS,
    )
    sdk["areas"]["workspace"]["unsupported"] = {
        "melt_gadget": {"arguments": "gadget_id: str", "message": "gadgets.{method}() is not in the API."}
    }
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
    hooks = ModuleType(HOOKS)
    hooks.checked_gadget = checked_gadget  # type: ignore[attr-defined]
    hooks.either_id = either_id  # type: ignore[attr-defined]
    hooks.with_reason = with_reason  # type: ignore[attr-defined]
    hooks.GadgetFrameReader = GadgetFrameReader  # type: ignore[attr-defined]
    hooks.GadgetEvent = GadgetEvent  # type: ignore[attr-defined]
    hooks.GadgetFilters = GadgetFilters  # type: ignore[attr-defined]
    hooks.gadget_filters = gadget_filters  # type: ignore[attr-defined]
    hooks.poke_payload = poke_payload  # type: ignore[attr-defined]
    hooks.poke_params = poke_params  # type: ignore[attr-defined]
    sys.modules[HOOKS] = hooks
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


def test_a_page_kind_gives_a_page_class_a_first_page_method_and_a_deprecated_alias(
    generated: dict[str, ModuleType],
) -> None:
    module, models = generated["async"], generated["models"]
    page_class = module.AsyncGadgetListPage
    assert issubclass(page_class, AsyncPage)
    hints = {
        name: typing.get_type_hints(getattr(page_class, name).fget, vars(module))
        for name in ("body", "gadgets", "total")
    }
    assert hints["body"]["return"] is models.GadgetPage
    assert hints["gadgets"]["return"] == list[models.Gadget]
    assert hints["total"]["return"] is int
    assert page_class.gadgets.__doc__ == "The gadgets of this page only."
    assert page_class.total.__doc__ == "How many gadgets the workspace holds."  # from the spec
    method = module.AsyncWorkspace.gadgets
    assert inspect.iscoroutinefunction(method)
    assert [(p.name, p.kind.name, p.default) for p in inspect.signature(method).parameters.values()][1:] == [
        ("limit", "KEYWORD_ONLY", None),
        ("offset", "KEYWORD_ONLY", None),
        ("colour", "KEYWORD_ONLY", None),
        ("options", "KEYWORD_ONLY", None),
    ]
    assert typing.get_type_hints(method, vars(module))["return"] is page_class
    alias = module.AsyncWorkspace.iter_gadgets
    assert not inspect.iscoroutinefunction(alias)  # it warns when called, before any iteration
    assert [(p.name, p.default) for p in inspect.signature(alias).parameters.values()][1:] == [
        ("page_size", 50),
        ("options", None),
    ]
    assert typing.get_type_hints(alias, vars(module))["return"] == AsyncIterator[models.Gadget]
    assert "self.gadgets = async_to_raw_response_wrapper(workspace.gadgets)" in inspect.getsource(
        module.AsyncWorkspaceWithRawResponse
    )


def test_the_generated_pages_walk_every_page_sync_and_async(generated: dict[str, ModuleType]) -> None:
    gadgets = [{"sId": f"g{index}", "name": f"Gadget {index}", "serial": None} for index in range(3)]

    def pages(seen: list[httpx.Request]) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            offset = int(request.url.params.get("offset", 0))
            limit = int(request.url.params.get("limit", 2))
            return httpx.Response(200, json={"gadgets": gadgets[offset : offset + limit], "total": 3})

        return httpx.MockTransport(handler)

    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=pages(seen))) as client:
        workspace = generated["sync"].Workspace(client)
        page = workspace.gadgets(colour="red")
        assert isinstance(page, generated["sync"].GadgetListPage)
        assert ([g.sId for g in page.gadgets], page.total, page.has_next_page()) == (["g0", "g1"], 3, True)
        assert [g.sId for g in page] == ["g0", "g1", "g2"]
        with pytest.warns(DeprecationWarning, match="iter_gadgets"):
            walked = workspace.iter_gadgets(page_size=1)
        assert seen[-1].url.params.get("offset") == "2"  # nothing sent by the alias until iterated
        assert [g.sId for g in walked] == ["g0", "g1", "g2"]
    assert [dict(request.url.params) for request in seen] == [
        {"colour": "red"},
        {"colour": "red", "offset": "2"},
        *({"limit": "1", "offset": str(offset)} for offset in range(3)),
    ]

    async def walk_async() -> list[str]:
        async with AsyncDustClient(CONFIG, http_client=httpx.AsyncClient(transport=pages([]))) as client:
            first = await generated["async"].AsyncWorkspace(client).gadgets(limit=1, offset=1)
            return [g.sId async for g in first]

    assert asyncio.run(walk_async()) == ["g1", "g2"]


def test_a_page_kind_the_operation_cannot_follow_is_refused(recipe: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load((recipe / "dust-api.yaml").read_text())
    page = spec["paths"]["/api/v1/w/{wId}/gadgets"]["get"]["x-dust-sdk"]["page"]
    page["kind"] = "cursor"  # listGadgets has no cursor to send
    (tmp_path / "dust-api.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    shutil.copy(recipe / "sdk.yaml", tmp_path / "sdk.yaml")
    result = generate(tmp_path)
    assert result.returncode == 1
    assert "gadgets: page kind 'cursor' needs the parameters ('cursor',)" in result.stderr


def test_x_dust_type_and_x_dust_default_shape_the_model(generated: dict[str, ModuleType]) -> None:
    gadget = generated["models"].Gadget(sId="gdg_1", name="Sprocket", madeAt=1.7e12 + 0.75)
    assert gadget.madeAt == 1_700_000_000_000  # EpochMs: whole milliseconds
    assert generated["models"].__all__ == ["Gadget", "GadgetColour", "GadgetPage"]  # what the module defines
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


def test_a_body_operation_takes_keyword_arguments_from_its_schema(generated: dict[str, ModuleType]) -> None:
    method = generated["async"].AsyncWorkspace.build_gadget
    parameters = inspect.signature(method).parameters
    assert [(p.name, p.kind.name, p.default) for p in list(parameters.values())[1:]] == [
        ("space_id", "POSITIONAL_OR_KEYWORD", inspect.Parameter.empty),
        ("gadget_id", "POSITIONAL_OR_KEYWORD", None),
        ("name", "KEYWORD_ONLY", inspect.Parameter.empty),
        ("made_at", "KEYWORD_ONLY", None),
        ("parts", "KEYWORD_ONLY", None),
        ("colour", "KEYWORD_ONLY", None),
        ("queued", "KEYWORD_ONLY", False),
        ("engine", "KEYWORD_ONLY", None),
        ("rpm", "KEYWORD_ONLY", None),
        ("gid", "KEYWORD_ONLY", None),  # the alias, after the others
        ("options", "KEYWORD_ONLY", None),
        ("extra", "VAR_KEYWORD", inspect.Parameter.empty),
    ]
    hints = typing.get_type_hints(method, vars(generated["async"]))
    assert hints["space_id"] == str | None  # when_none: None picks the other operation
    assert hints["made_at"] == int | float | datetime | None  # the Timestamp of dust_ext._core.params
    assert hints["queued"] is bool


async def test_a_body_is_converted_hooked_and_sent_without_its_none_fields(
    generated: dict[str, ModuleType],
) -> None:
    seen: list[httpx.Request] = []
    async with AsyncDustClient(
        CONFIG, http_client=httpx.AsyncClient(transport=answering(BODY, seen))
    ) as client:
        workspace = generated["async"].AsyncWorkspace(client)
        made_at = datetime(2024, 1, 2, tzinfo=UTC)
        gadget = await workspace.build_gadget(
            "spc_1", "gdg_1", name="Sprocket", made_at=made_at, queued=True, engine="v8", paint="red"
        )
        await workspace.build_gadget(None, name="Cog", parts=("a", "b"), gid="gdg_2")
        with pytest.raises(TypeError, match="a gadget needs a name"):
            await workspace.build_gadget("spc_1", "gdg_3", name="")
        with pytest.raises(TypeError, match="a gadget id is required"):
            await workspace.build_gadget("spc_1", name="Nameless")
    assert gadget.sId == "gdg_1"
    first, second = seen  # the refused one sent nothing
    assert first.url.path == "/api/v1/w/w_recipe/spaces/spc_1/gadgets/gdg_1/build"
    # epoch_ms converted the datetime, `async` is the renamed flag, the hook added `checked`, the extra
    # keyword went as it is, the flattened object holds its given fields, and the fields left None (parts,
    # colour, rpm) are not sent.
    assert json.loads(first.content) == {
        "name": "Sprocket",
        "madeAt": int(made_at.timestamp() * 1000),
        "async": True,
        "motor": {"engine": "v8"},
        "paint": "red",
        "checked": True,
    }
    # space_id=None: the other path; the id given by its alias.
    assert second.url.path == "/api/v1/w/w_recipe/gadgets/gdg_2/build"
    assert json.loads(second.content) == {"name": "Cog", "parts": ["a", "b"], "checked": True}  # queued=False


async def test_a_null_argument_is_sent_as_json_null_and_a_hook_reads_its_inputs(
    generated: dict[str, ModuleType],
) -> None:
    method = generated["async"].AsyncWorkspace.rename_gadget
    parameters = inspect.signature(method).parameters
    assert parameters["title"].default is None
    assert parameters["parents_in"].default is UNSET  # left out unless given: None is a choice
    seen: list[httpx.Request] = []
    async with AsyncDustClient(
        CONFIG, http_client=httpx.AsyncClient(transport=answering(BODY, seen))
    ) as client:
        workspace = generated["async"].AsyncWorkspace(client)
        await workspace.rename_gadget("gdg_1")
        await workspace.rename_gadget("gdg_1", title="Cog", parents_in=None, note=None)
        await workspace.rename_gadget("gdg_1", parents_in=("a", "b"), note="n", reason="typo")
        with pytest.raises(TypeError, match="one string"):
            await workspace.rename_gadget("gdg_1", parents_in="ab")
    assert [json.loads(request.content) for request in seen] == [
        {"title": None},
        {"title": "Cog", "parentsIn": None},
        {"title": None, "parentsIn": ["a", "b"], "note": "n(typo)"},  # the hook read `reason`
    ]
    assert parameters["reason"].default is None
    assert parameters["reason"].kind is inspect.Parameter.KEYWORD_ONLY


async def test_a_payload_argument_a_params_check_and_a_keyword_path_id(
    generated: dict[str, ModuleType],
) -> None:
    method = generated["async"].AsyncWorkspace.poke_gadget
    parameters = inspect.signature(method).parameters
    assert [(p.name, p.kind.name, p.default) for p in list(parameters.values())[1:]] == [
        ("payload", "POSITIONAL_OR_KEYWORD", inspect.Parameter.empty),
        ("gadget_id", "KEYWORD_ONLY", None),
        ("loud", "KEYWORD_ONLY", None),
        ("times", "KEYWORD_ONLY", None),
        ("options", "KEYWORD_ONLY", None),
    ]
    seen: list[httpx.Request] = []
    async with AsyncDustClient(
        CONFIG, http_client=httpx.AsyncClient(transport=answering(BODY, seen))
    ) as client:
        workspace = generated["async"].AsyncWorkspace(client)
        await workspace.poke_gadget({"x": 1}, gadget_id="gdg_1", loud=True, times=2)
        await workspace.poke_gadget({})
        with pytest.raises(TypeError, match="times= needs loud=True"):
            await workspace.poke_gadget({}, times=2)
    first, second = seen  # the refused one sent nothing
    assert (first.url.path, dict(first.url.params)) == (
        "/api/v1/w/w_recipe/gadgets/gdg_1/poke",
        {"loud": "true", "times": "2"},
    )
    assert json.loads(first.content) == {"x": 1, "poked": True}
    assert (second.url.path, json.loads(second.content)) == (
        "/api/v1/w/w_recipe/gadgets/poke",
        {"poked": True},
    )


def test_an_unsupported_method_raises_without_a_request_and_keeps_its_raw_twin(
    generated: dict[str, ModuleType],
) -> None:
    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=answering(BODY, seen))) as client:
        workspace = generated["sync"].Workspace(client)
        assert list(inspect.signature(workspace.melt_gadget).parameters) == ["gadget_id"]
        with pytest.raises(DustNotSupportedError, match=r"gadgets\.melt_gadget\(\) is not in the API"):
            workspace.melt_gadget("gdg_1")
        with pytest.raises(DustNotSupportedError):
            workspace.with_raw_response.melt_gadget("gdg_1")
    assert seen == []


def test_a_body_converter_refuses_before_sending(generated: dict[str, ModuleType]) -> None:
    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=answering(BODY, seen))) as client:
        workspace = generated["sync"].Workspace(client)
        with pytest.raises(TypeError, match="expected a list"):
            workspace.build_gadget("spc_1", "gdg_1", name="Sprocket", parts="ab")  # one string, not a list
        with pytest.raises(ValueError, match="colour must be one of"):
            workspace.build_gadget("spc_1", "gdg_1", name="Sprocket", colour="green")
    assert seen == []


def streaming(frames: list[dict[str, Any]], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = "".join(f"data: {json.dumps(frame)}\n\n" for frame in frames)
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, text=body)

    return httpx.MockTransport(handler)


async def test_a_stream_method_reads_its_events_with_the_named_reader_sync_and_async(
    generated: dict[str, ModuleType],
) -> None:
    method = generated["async"].AsyncWorkspace.watch_gadget
    assert not inspect.iscoroutinefunction(method)  # the stream is opened when iteration starts
    parameters = list(inspect.signature(method).parameters)
    assert parameters == ["self", "gadget_id", "since", "options"]
    source = inspect.getsource(generated["async"])
    assert "self.watch_gadget = async_stream_to_raw_response_wrapper(workspace.watch_gadget)" in source
    frames = [{"n": 1}, {"n": 2, "done": True}]
    seen: list[httpx.Request] = []
    async with AsyncDustClient(
        CONFIG, http_client=httpx.AsyncClient(transport=streaming(frames, seen))
    ) as client:
        stream = generated["async"].AsyncWorkspace(client).watch_gadget("gdg_1", since=5)
        assert seen == []
        events = [event async for event in stream]
    with DustClient(CONFIG, http_client=httpx.Client(transport=streaming(frames, seen))) as blocking:
        assert list(generated["sync"].Workspace(blocking).watch_gadget("gdg_1")) == events
    assert [dict(event) for event in events] == frames
    assert all(isinstance(event, GadgetEvent) for event in events)
    assert [(r.method, r.url.path, dict(r.url.params)) for r in seen] == [
        ("GET", "/api/v1/w/w_recipe/gadgets/gdg_1/watch", {"since": "5"}),
        ("GET", "/api/v1/w/w_recipe/gadgets/gdg_1/watch", {}),
    ]


def test_filters_are_one_typed_dict_of_keywords_checked_by_their_function(
    generated: dict[str, ModuleType],
) -> None:
    method = generated["sync"].Workspace.find_gadgets
    parameters = inspect.signature(method).parameters
    assert [(p.name, p.kind.name) for p in list(parameters.values())[1:]] == [
        ("query", "POSITIONAL_OR_KEYWORD"),
        ("options", "KEYWORD_ONLY"),
        ("filters", "VAR_KEYWORD"),
    ]
    assert (
        typing.get_type_hints(method, vars(generated["sync"]), include_extras=True)["filters"]
        == (typing.Unpack[GadgetFilters])
    )
    seen: list[httpx.Request] = []
    with DustClient(CONFIG, http_client=httpx.Client(transport=answering({"found": 1}, seen))) as client:
        workspace = generated["sync"].Workspace(client)
        assert workspace.find_gadgets("cog", tags_in=["a", "b"]) == {"found": 1}
        with pytest.raises(TypeError, match=r"workspace\.find_gadgets\(\) .*: top"):
            workspace.find_gadgets("cog", top=3)
    (request,) = seen  # the misspelt filter sent nothing
    assert request.url.path == "/api/v1/w/w_recipe/gadgets/find"
    assert request.url.params.multi_items() == [
        ("query", "cog"),
        ("top_k", "10"),
        ("tags_in", "a"),
        ("tags_in", "b"),
    ]


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
    # the workspace area (async, blocking, raw views, pages) come from the area itself.
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
    } | {"GadgetListPage", "AsyncGadgetListPage"}  # and the pages of its paginated methods
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
