"""Regenerate generated/dust_api from openapi/dust-api.yaml, or check that it is up to date.

    python scripts/generate.py           # regenerate in place
    python scripts/generate.py --check   # generate into a temp dir and fail on any difference

Generation must be byte-for-byte reproducible: the generator and ruff (its post-hooks) are pinned in
pyproject.toml, and this script runs them from the same virtualenv. Any generator warning fails the build,
because openapi-python-client skips a schema it cannot handle with only a warning, silently dropping models.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "dust-api.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"  # overrides of the generator's own templates, by file name
PACKAGE = "dust_api"
TARGET = ROOT / "generated" / PACKAGE
BIN = Path(sys.executable).parent


def generate_into(output: Path) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [
        str(BIN / "openapi-python-client"),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--custom-template-path",
        str(TEMPLATES),
        "--output-path",
        str(output),
        "--overwrite",
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if "warning" in line.lower() or "error" in line.lower()]
    if result.returncode != 0 or problems:
        sys.stderr.write(log)
        sys.exit("generation failed or warned: fix openapi/dust-api.yaml (a warning means a dropped model)")
    # `--meta none` writes no packaging files; the PEP 561 marker tells type checkers the client is typed.
    (output / "py.typed").write_text("", encoding="utf-8")


def differences(left: Path, right: Path) -> list[str]:
    cmp = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left}: {n}" for n in cmp.left_only] + [
        f"only in {right}: {n}" for n in cmp.right_only
    ]
    for name in cmp.common_files:
        if (left / name).read_bytes() != (right / name).read_bytes():
            found.append(f"differs: {(left / name).relative_to(left.parent)}")
    for sub in cmp.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if generated/ differs from the spec's output"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / PACKAGE
        generate_into(fresh)
        if args.check:
            diff = differences(TARGET, fresh) if TARGET.exists() else [f"{TARGET} is missing"]
            if diff:
                sys.exit("generated/ does not match openapi/ (run `make generate`):\n  " + "\n  ".join(diff))
            print("generated/ matches the spec")
            return
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns("__pycache__"))
        print(f"regenerated {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
