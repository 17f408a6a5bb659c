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


_TIMED = """\
import time
start = time.perf_counter()
{statement}
print(int((time.perf_counter() - start) * 1e6))
"""


def _statement_us(statement: str) -> int:
    """Microseconds a fresh interpreter spends running ``statement`` (timed inside it, start-up excluded)."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", _TIMED.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return int(result.stdout.strip())


def budget_table() -> Table:
    """Budget (e): what a user pays to get the client, ``from dust_ext import DustClient, DustConfig``
    (the bare ``import dust_ext`` is lazy and loads almost nothing), against ``import openai``."""
    ours = "from dust_ext import DustClient, DustConfig"
    peer = "import openai"
    samples: dict[str, list[int]] = {ours: [], peer: []}
    for _ in range(REPEATS):
        for statement in samples:
            samples[statement].append(_statement_us(statement))
    ratios = [mine / theirs for mine, theirs in zip(samples[ours], samples[peer], strict=True)]
    low, median, high = statistics.quantiles(ratios, n=4)
    table = Table(
        f"Import budget: fresh interpreter per run, the statement timed inside it (perf_counter), {REPEATS} "
        "alternated rounds, median (IQR); the ratio is the median of the per-round ratios",
        ["statement", "time", "vs import openai", "budget <= 0.50x"],
    )
    table.rows.append(
        [
            f"`{peer}`",
            f"{statistics.median(samples[peer]) / 1000:.0f} ms ({_quartiles_ms(samples[peer])})",
            "1.00x",
            "",
        ]
    )
    table.rows.append(
        [
            f"`{ours}`",
            f"{statistics.median(samples[ours]) / 1000:.0f} ms ({_quartiles_ms(samples[ours])})",
            f"{median:.2f}x ({low:.2f} to {high:.2f})",
            "met" if median <= 0.5 else "missed",
        ]
    )
    return table


def _quartiles_ms(values: list[int]) -> str:
    low, _, high = statistics.quantiles(values, n=4)
    return f"{low / 1000:.0f} to {high / 1000:.0f}"


def compile_bytecode() -> None:
    """Write the bytecode of dust_ext and dust_api, as ``pip install`` does for installed packages (openai's
    included): from a checkout with ``PYTHONDONTWRITEBYTECODE`` set, every fresh interpreter would otherwise
    compile dust_ext from source and the figures would compare a compile with a load."""
    subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "compileall", "-q", "dust_ext", "generated/dust_api"], check=True, cwd=ROOT
    )


def run() -> list[Table]:
    compile_bytecode()
    tables = [budget_table()] if find_spec("openai") is not None else []
    return [*tables, importtime_table()]


def importtime_table() -> Table:
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
    for table in run():
        print(table.markdown())
