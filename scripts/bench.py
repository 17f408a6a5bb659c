"""``make bench``: run every benchmark in benchmarks/ and print its table (see benchmarks/run.py).

Not part of the test suite: the figures depend on the machine. ``--write`` records them in
benchmarks/RESULTS.md; ``--only sse,overhead`` runs a subset.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
