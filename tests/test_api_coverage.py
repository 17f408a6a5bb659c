"""Every operation of openapi/dust-api.yaml has a dust_ext wrapper, or is on the documented exclusion list.

A wrapper is found, not declared: the dust_ext source is parsed for the generated resource methods'
requests (``self._request("GET", "/api/v1/w/{workspace_id}/spaces", ...)``, matched to the spec by method
and path), and for imports of the generated client's operation modules (``from dust_api.api.<tag> import
<operation_module>``) that the importing module then uses (``generated_call(<operation_module>, ...)`` or
``<operation_module>._get_kwargs(...)``), each matched by the method and path its request builder produces.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import dust_api.api
import yaml

import dust_ext
from dust_ext._coverage import UNWRAPPED_OPERATIONS

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "dust-api.yaml"
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def spec_operations() -> dict[tuple[str, str], str]:
    """(METHOD, path with {} placeholders) → operationId."""
    spec = yaml.load(SPEC_PATH.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    operations = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                operations[(method.upper(), re.sub(r"\{[^}]*\}", "{}", path))] = operation["operationId"]
    return operations


def generated_modules() -> dict[str, tuple[str, str]]:
    """``dust_api.api.<tag>.<module>`` → (METHOD, path) its request builder produces."""
    routes = {}
    for tag in pkgutil.iter_modules(dust_api.api.__path__):
        package = importlib.import_module(f"dust_api.api.{tag.name}")
        for info in pkgutil.iter_modules(package.__path__):
            name = f"dust_api.api.{tag.name}.{info.name}"
            source = inspect.getsource(importlib.import_module(name)._get_kwargs)
            method = re.search(r'"method": "(\w+)"', source)
            url = re.search(r'"url": "([^"]+)"', source)
            assert method, f"cannot read the method of {name}"
            assert url, f"cannot read the url of {name}"
            routes[name] = (method.group(1).upper(), re.sub(r"\{[^}]*\}", "{}", url.group(1)))
    return routes


def used_generated_modules() -> dict[str, list[str]]:
    """Generated operation modules imported *and used* by dust_ext modules → where."""
    found: dict[str, list[str]] = {}
    package_root = Path(dust_ext.__file__).parent
    for path in sorted(package_root.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        imported: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dust_api.api."):
                for alias in node.names:
                    imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and node.id in imported}
        for local in used:
            found.setdefault(imported[local], []).append(str(path.relative_to(package_root.parent)))
    return found


def source_requests() -> dict[tuple[str, str], list[str]]:
    """(METHOD, path with {} placeholders) of each request dust_ext's source describes → where: the
    generated resources' ``self._request(method, path, ...)`` / ``self._stream(...)`` and the ``operation_call(method, path, ...)``
    of pages and hand-written calls. A path is a literal, a name assigned literals in the same module (each
    value counts: a call choosing between two operations wraps both), ``a + b`` of those, or ``A if c else B``.
    """
    found: dict[tuple[str, str], list[str]] = {}
    package_root = Path(dust_ext.__file__).parent

    def texts(node: ast.expr, names: dict[str, list[str]]) -> list[str]:
        if isinstance(node, ast.IfExp):
            return texts(node.body, names) + texts(node.orelse, names)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return [a + b for a in texts(node.left, names) for b in texts(node.right, names)]
        if isinstance(node, ast.Name):
            return names.get(node.id, [])
        return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []

    for path in sorted(package_root.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        names: dict[str, list[str]] = {}
        for node in ast.walk(tree):  # module order: a name built from earlier names resolves
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
                pairs = (
                    zip(target.elts, value.elts, strict=False)
                    if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple)
                    else [(target, value)]
                )
                for name, expression in pairs:
                    if isinstance(name, ast.Name):
                        names.setdefault(name.id, []).extend(texts(expression, names))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and len(node.args) >= 2):
                continue
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            if called not in ("_request", "_stream", "operation_call"):
                continue
            for method in texts(node.args[0], names):
                for template in texts(node.args[1], names):
                    route = (method.upper(), re.sub(r"\{[^}]*\}", "{}", template))
                    found.setdefault(route, []).append(str(path.relative_to(package_root.parent)))
    return found


def wrapped_operations() -> dict[str, list[str]]:
    routes = generated_modules()
    operations = spec_operations()
    wrapped = {operations[routes[module]]: where for module, where in used_generated_modules().items()}
    for route, where in source_requests().items():
        assert route in operations, f"{where} requests {route}, which is not a spec operation"
        wrapped.setdefault(operations[route], []).extend(where)
    return wrapped


def test_every_spec_operation_is_wrapped_or_excluded() -> None:
    operations = set(spec_operations().values())
    wrapped = set(wrapped_operations())
    missing = operations - wrapped - set(UNWRAPPED_OPERATIONS)
    assert not missing, f"operations without a dust_ext wrapper or an exclusion reason: {sorted(missing)}"


def test_the_exclusion_list_is_current() -> None:
    """An excluded operation that gained a wrapper, or left the spec, must leave the list."""
    operations = set(spec_operations().values())
    assert set(UNWRAPPED_OPERATIONS) <= operations, sorted(set(UNWRAPPED_OPERATIONS) - operations)
    stale = set(UNWRAPPED_OPERATIONS) & set(wrapped_operations())
    assert not stale, f"wrapped now, remove from UNWRAPPED_OPERATIONS: {sorted(stale)}"
    assert all(reason.strip() for reason in UNWRAPPED_OPERATIONS.values())


def test_every_generated_module_is_a_spec_operation() -> None:
    operations = spec_operations()
    assert set(generated_modules().values()) == set(operations)


def test_the_scan_finds_known_wrappers() -> None:
    """The mapping is real: a few wrappers, and where they live."""
    wrapped = wrapped_operations()
    assert "dust_ext/resources/mcp/_async.py" in wrapped["registerMCPServer"]
    assert "dust_ext/resources/conversations/_async.py" in wrapped["validateAction"]
    assert "dust_ext/resources/workspace/_async.py" in wrapped["getWorkspaceUsage"]
    assert "dust_ext/resources/files/_behaviour_async.py" in wrapped["createFileUpload"]
    # one call choosing its path (a conditional template): both operations count
    assert "dust_ext/resources/mentions/_async.py" in wrapped["getMentionSuggestions"]
    assert "dust_ext/resources/mentions/_async.py" in wrapped["getConversationMentionSuggestions"]
    assert "dust_ext/resources/spaces/_async.py" in wrapped["listSpaces"]
    assert "dust_ext/resources/spaces/_sync.py" in wrapped["listSpaces"]
    assert "createMessage" in wrapped
