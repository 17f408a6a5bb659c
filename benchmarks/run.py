"""Run every benchmark and print its table; ``--write`` also records them in benchmarks/RESULTS.md.

python -m benchmarks.run [--only sse,overhead,...] [--write]
"""

from __future__ import annotations

import argparse
import importlib
import shlex
import sys
import time

from benchmarks._common import ROOT, Table, machine_description

FINDINGS_MARKER = "## Findings"
BENCHMARKS = ["canned", "sse", "overhead", "chat", "import", "memory", "batch", "sync"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated subset of: " + ", ".join(BENCHMARKS))
    parser.add_argument("--write", action="store_true", help="write the tables to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    names = [name for name in args.only.split(",") if name] or BENCHMARKS
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    machine = machine_description()
    print(f"Machine: {machine}\n", flush=True)
    tables: list[Table] = []
    for name in names:
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.bench_{name}")
        result: Table | list[Table] = module.run()
        for table in result if isinstance(result, list) else [result]:
            tables.append(table)
            print(table.markdown(), flush=True)
        print(f"({name}: {time.perf_counter() - started:.0f} s)\n", flush=True)
    if args.write:
        command = "python scripts/bench.py " + " ".join(shlex.quote(arg) for arg in (argv or sys.argv[1:]))
        header = (
            "# Benchmark results\n\n"
            f"Machine: {machine}\n\n"
            f"Command: `{command.strip()}` (what `make bench` runs, plus `--write`)\n\n"
        )
        results = ROOT / "benchmarks" / "RESULTS.md"
        # The hand-written analysis after FINDINGS_MARKER survives a re-run.
        kept = ""
        if results.exists():
            previous = results.read_text(encoding="utf-8")
            if FINDINGS_MARKER in previous:
                kept = "\n" + previous[previous.index(FINDINGS_MARKER) :]
        results.write_text(header + "\n".join(table.markdown() for table in tables) + kept, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
