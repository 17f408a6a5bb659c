"""Print the public names of the community ``dust-client`` package (the seed of this SDK), one a line.

    python scripts/seed_public_names.py 0.1.1 > tests/data/seed/dust_client_0.1.1_public_names.txt

Downloads the wheel with pip (``pip download dust-client==VERSION --no-deps``) into a temporary directory,
imports it from there (it needs pydantic and httpx, which the dev environment has) and lists:

- every module of the package whose dotted name has no part starting with ``_``;
- every name such a module defines at its top level (class, function, assigned constant) not starting with
  ``_``; the package's own ``__all__`` (its re-exports);
- for the classes a program reaches through the client (``*Client``, ``*Session``, ``DustAPIError``): the
  methods and properties their body defines, and the attributes their ``__init__`` sets on ``self``
  (``DustAPIError.details``), as ``module.Class.member``.

Nothing of the package is committed: only this list (``tests/test_seed_compat.py`` holds the migration page
and ``dust_ext`` to it).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def _defined(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [name for name in names if not name.startswith("_")]


def _members(cls: ast.ClassDef) -> list[str]:
    members: list[str] = []
    for node in cls.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if not node.name.startswith("_"):
                members.append(node.name)
            elif node.name == "__init__":
                for statement in ast.walk(node):
                    if (
                        isinstance(statement, ast.Attribute)
                        and isinstance(statement.value, ast.Name)
                        and statement.value.id == "self"
                        and isinstance(statement.ctx, ast.Store)
                        and not statement.attr.startswith("_")
                    ):
                        members.append(statement.attr)
    return list(dict.fromkeys(members))


def public_names(root: Path) -> list[str]:
    sys.path.insert(0, str(root))
    package = importlib.import_module("dust_client")
    names: list[str] = []
    for info in pkgutil.walk_packages(package.__path__, "dust_client."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        names.append(info.name)
        module = importlib.import_module(info.name)
        assert module.__file__ is not None
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        names += [f"{info.name}.{name}" for name in _defined(tree)]
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Client", "Session", "APIError")):
                names += [f"{info.name}.{node.name}.{member}" for member in _members(node)]
    names += [f"dust_client.{name}" for name in package.__all__]
    return names


def main() -> None:
    version = sys.argv[1] if len(sys.argv) > 1 else "0.1.1"
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                f"dust-client=={version}",
                "-d",
                directory,
            ],
            check=True,
        )
        (wheel,) = Path(directory).glob("*.whl")
        unpacked = Path(directory) / "unpacked"
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(unpacked)
        print(f"# Public names of dust-client {version}: python scripts/seed_public_names.py {version}")
        for name in public_names(unpacked):
            print(name)


if __name__ == "__main__":
    main()
