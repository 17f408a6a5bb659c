"""Import cost: ``python -X importtime -c "import dust_ext"`` vs ``import httpx`` (and openai-python when it
is installed as a dev-only bench dependency), each in a fresh interpreter, median of several runs. Also
counts how much of the generated raw client (dust_api) ``import dust_ext`` pulls in: it should stay lazy."""

from __future__ import annotations

import statistics
import subprocess
import sys
from importlib.util import find_spec

from benchmarks._common import ROOT, Table, ratio

REPEATS = 15


def _importtime_us(module: str) -> int:
    """Cumulative import time of ``module`` in microseconds, from ``-X importtime``."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    for line in reversed(result.stderr.splitlines()):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1])
    raise RuntimeError(f"no importtime line for {module}")


def _modules_loaded(module: str) -> tuple[int, int]:
    code = (
        f"import sys; import {module}; "
        "print(len(sys.modules), sum(1 for name in sys.modules if name.startswith('dust_api')))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    total, generated = out.stdout.split()
    return int(total), int(generated)


def _quartiles_ms(values: list[int]) -> str:
    low, _, high = statistics.quantiles(values, n=4)
    return f"{low / 1000:.0f} to {high / 1000:.0f}"


def run() -> Table:
    candidates = ["httpx", "dust_ext", "openai"]
    found = [name for name in candidates if find_spec(name) is not None]
    # Alternated round after round, so that the load of a shared machine hits every candidate alike.
    samples: dict[str, list[int]] = {name: [] for name in found}
    for _ in range(REPEATS):
        for name in found:
            samples[name].append(_importtime_us(name))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    table = Table(
        f"Import time (python -X importtime, cumulative, fresh interpreter), median (IQR) of {REPEATS} "
        "alternated rounds",
        [
            "import",
            "time",
            "vs import httpx",
            "vs import openai",
            "modules in sys.modules",
            "of which dust_api (generated)",
        ],
    )
    for name in found:
        total, generated = _modules_loaded(name)
        table.rows.append(
            [
                f"import {name}",
                f"{medians[name] / 1000:.0f} ms ({_quartiles_ms(samples[name])})",
                ratio(medians[name], medians["httpx"]),
                ratio(medians[name], medians["openai"]) if "openai" in medians else "n/a",
                str(total),
                str(generated),
            ]
        )
    if "openai" not in found:
        table.notes.append("openai is not installed: pip install openai to compare with openai-python.")
    generated_total = sum(
        1 for path in (ROOT / "generated" / "dust_api").rglob("*.py") if path.name != "__init__.py"
    )
    table.notes.append(f"The generated package has {generated_total} modules.")
    return table


if __name__ == "__main__":
    print(run().markdown())
