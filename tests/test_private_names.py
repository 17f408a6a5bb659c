"""dust_ext uses no private name of its dependencies or of the standard library.

A leading-underscore module, function or attribute of httpx, httpcore, pydantic, attrs or CPython can change
or vanish in any minor release, silently. This reads every module of dust_ext (its AST, no import) and fails
on an import of a private module or name from outside the package, and on an access to a private attribute
(``obj._name``, ``getattr(obj, "_name")``) that is not one dust_ext (or its generated ``dust_api``) defines
itself, or that one of the dependencies defines too (so a name shared by chance still fails).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = (ROOT / "dust_ext", ROOT / "generated" / "dust_api")
OUR_PACKAGES = ("dust_ext", "dust_api")
DEPENDENCIES = ("httpx", "httpcore", "pydantic", "pydantic_core", "attrs", "attr")
OWN_OBJECT = {"self", "cls", "mcs"}  # attributes of the object being defined: its own business

# Private names dust_ext still uses, each with its reason. Empty is the goal; an entry is "path: name".
ALLOWED: dict[str, str] = {
    # httpx keeps a read body in `Response._content`; the request path reads bodies itself (bounded) and
    # stores them there: the public alternative (a rebuilt Response) costs +7 % instructions on
    # conversations.get. Behind one probe with the public fallback (dust_ext/_core/body.py; both paths are
    # tested in tests/test_http_hostile.py).
    "dust_ext/_core/body.py: _content": "measured >= 5 %, behind a probe with a public fallback",
    # The MCP tool server polls through its own MCP resource's request generator
    # (dust_ext/resources/mcp: `def _requests`); httpcore's pool happens to have a `_requests` too.
    "dust_ext/mcp/tool_server.py: _requests": "our own MCP resource's method, a name httpcore also uses",
}


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def python_files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        yield from sorted(root.rglob("*.py"))


def defined_names(files: Iterator[Path]) -> set[str]:
    """Names a body of code defines: functions, classes, module and class variables, arguments and the
    attributes it assigns on its own objects (``self._x = ...``)."""
    names: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in OWN_OBJECT
            ):
                names.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                names.add(node.value)  # __slots__ entries, attrs/dataclass field names given as strings
    return {name for name in names if is_private(name)}


@functools.cache
def dependency_private_names() -> frozenset[str]:
    roots = []
    for package in DEPENDENCIES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            roots.extend(Path(location) for location in spec.submodule_search_locations)
    return frozenset(defined_names(python_files(*roots)))


@functools.cache
def our_private_names() -> frozenset[str]:
    return frozenset(defined_names(python_files(*OURS)))


def is_external(module: str) -> bool:
    return module.split(".")[0] not in OUR_PACKAGES


def private_uses(path: Path) -> Iterator[tuple[int, str]]:
    """(line, what) for each private name of another package that ``path`` uses."""
    ours, theirs = our_private_names(), dependency_private_names()

    def foreign(name: str) -> bool:
        return is_private(name) and (name not in ours or name in theirs)

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if is_external(alias.name) and any(map(is_private, alias.name.split("."))):
                    yield node.lineno, f"import {alias.name}"
        elif (
            isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and is_external(node.module)
        ):
            if any(map(is_private, node.module.split("."))):
                yield node.lineno, f"from {node.module} import ..."
            for alias in node.names:
                if is_private(alias.name):
                    yield node.lineno, f"from {node.module} import {alias.name}"
        elif isinstance(node, ast.Attribute) and foreign(node.attr):
            if not (isinstance(node.value, ast.Name) and node.value.id in OWN_OBJECT):
                yield node.lineno, node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and foreign(node.args[1].value)
        ):
            yield node.lineno, f"{node.func.id}(..., {node.args[1].value!r})"


def test_dust_ext_uses_no_private_name_of_a_dependency_or_the_standard_library() -> None:
    found = []
    used_allowances = set()
    for path in python_files(ROOT / "dust_ext"):
        relative = path.relative_to(ROOT).as_posix()
        for line, what in private_uses(path):
            key = f"{relative}: {what}"
            if key in ALLOWED:
                used_allowances.add(key)
            else:
                found.append(f"{relative}:{line}: {what}")
    assert found == []
    assert set(ALLOWED) == used_allowances, "an allowance no longer needed: remove it"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from _json import scanstring", ["from _json import ..."]),
        ("import _thread", ["import _thread"]),
        ("from httpx._models import Response", ["from httpx._models import ..."]),
        ("from httpx import _content", ["from httpx import _content"]),
        ("response._content = b''", ["_content"]),
        ("print(response._request)", ["_request"]),
        ("decoder: zlib._Decompress", ["_Decompress"]),
        ("sys._getframe()", ["_getframe"]),
        ("getattr(response, '_content')", ["getattr(..., '_content')"]),
        ("self._content = b''", []),  # an object's own attribute
        ("from dust_ext._core.body import BoundedBody", []),  # our own private modules
        ("body._chunks", []),  # defined by dust_ext (BoundedBody) and by no dependency
        ("response.__class__", []),  # dunders are the language's, not private
    ],
)
def test_the_scan_catches_each_kind_of_use(source: str, expected: list[str], tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(source + "\n")
    assert sorted(what for _, what in private_uses(module)) == sorted(expected)
