"""What every benchmark shares: timing with medians, result tables, the machine, an emulator process."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Table:
    """One benchmark's result: a titled table of figures and notes (goals met or missed)."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |"]
        lines.append("|" + "|".join("---" for _ in self.columns) + "|")
        lines.extend("| " + " | ".join(row) + " |" for row in self.rows)
        if self.notes:
            lines.append("")
            lines.extend(f"- {note}" for note in self.notes)
        return "\n".join(lines) + "\n"


def median_seconds(function: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` calls of ``function``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(variants: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median time of each variant, running them in turn each repetition so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, function in variants.items():
            start = time.perf_counter()
            function()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def interleaved_wall_and_cpu(
    variants: dict[str, Callable[[], object]], repeats: int
) -> dict[str, tuple[float, float]]:
    """Like :func:`interleaved_medians`, with this process's CPU time too: (median wall, median CPU).

    CPU time is what the client itself spends; it is far less disturbed by other load on the machine
    than wall time, and a server in another process does not count in it."""
    walls: dict[str, list[float]] = {name: [] for name in variants}
    cpus: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, function in variants.items():
            cpu, wall = time.process_time(), time.perf_counter()
            function()
            walls[name].append(time.perf_counter() - wall)
            cpus[name].append(time.process_time() - cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in variants}


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            memory_kb = int(info.readline().split()[1])
        memory = f"{memory_kb / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        memory = "unknown memory"
    import httpx
    import pydantic

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}; "
        f"CPython {platform.python_version()}; httpx {httpx.__version__}, pydantic {pydantic.__version__}"
    )


def ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x" if reference else "n/a"


@contextmanager
def emulator_process(cpu: int | None = None, token_delay: float = 0.0) -> Iterator[str]:
    """A Dust emulator in its own process (so it does not share the GIL with the client being measured),
    optionally pinned to one CPU; yields its base URL."""

    def pin() -> None:
        if cpu is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {cpu})

    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "dust_ext.testing",
            "serve",
            "--port",
            "0",
            "--token-delay",
            str(token_delay),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=pin,  # only pins the child to a CPU
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            raise RuntimeError(f"the emulator did not start: {line!r}")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


EMULATOR_WORKSPACE = "demo-workspace"
EMULATOR_KEY = "sk-emulator"
